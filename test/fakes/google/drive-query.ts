// Drive's files.list `q` language, the subset the product uses and a little more:
// name/mimeType/modifiedTime/createdTime/trashed/starred comparisons, 'X' in parents|owners|writers|readers,
// sharedWithMe, and/or/not, parentheses.
import { Invalid } from './errors';
import type { DriveFile } from './types';

type Token = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: 'op'; v: string } | { t: 'paren'; v: '(' | ')' };

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "'" || ch === '"') {
      let v = '';
      i += 1;
      for (;;) {
        if (i >= q.length) throw new Invalid('unterminated string');
        const c = q[i] ?? '';
        if (c === '\\') {
          v += q[i + 1] ?? '';
          i += 2;
        } else if (c === ch) {
          i += 1;
          break;
        } else {
          v += c;
          i += 1;
        }
      }
      out.push({ t: 'str', v });
    } else if (ch === '(' || ch === ')') {
      out.push({ t: 'paren', v: ch });
      i += 1;
    } else if ('=!<>'.includes(ch)) {
      const two = q.slice(i, i + 2);
      const op = ['!=', '<=', '>='].includes(two) ? two : ch;
      if (op === '!') throw new Invalid('bad operator');
      out.push({ t: 'op', v: op });
      i += op.length;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i));
      if (!m) throw new Invalid(`unexpected '${ch}'`);
      out.push({ t: 'word', v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

export type Predicate = (f: DriveFile) => boolean;

function compare(a: number | string, op: string, b: number | string): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      throw new Invalid(`bad operator ${op}`);
  }
}

/** Compiles `q` for one caller; throws Invalid (answered as 400 Invalid Value on q) for anything outside the subset. */
export function compileQuery(q: string, account: string): Predicate {
  const toks = tokenize(q);
  let i = 0;
  const peek = (): Token | undefined => toks[i];
  const word = (w: string): boolean => {
    const t = peek();
    return t?.t === 'word' && t.v.toLowerCase() === w;
  };

  const comparison = (): Predicate => {
    const t = toks[i++];
    if (!t) throw new Invalid('unexpected end of query');
    if (t.t === 'str') {
      if (!word('in')) throw new Invalid("expected 'in'");
      i += 1;
      const field = toks[i++];
      if (field?.t !== 'word') throw new Invalid('expected a field after in');
      const value = t.v === 'me' ? account : t.v;
      switch (field.v) {
        case 'parents':
          return (f) => f.parents.includes(value) || (value === 'root' && f.parents.length === 0);
        case 'owners':
          return (f) => f.owner === value;
        case 'writers':
          return (f) => f.owner === value || f.shares.get(value) === 'writer';
        case 'readers':
          return (f) => f.owner === value || f.shares.has(value);
        default:
          throw new Invalid(`'in ${field.v}' is not supported`);
      }
    }
    if (t.t !== 'word') throw new Invalid('expected a field');
    const field = t.v;
    if (field === 'sharedWithMe' && peek()?.t !== 'op') return (f) => f.owner !== account;
    const opTok = toks[i++];
    let op: string;
    if (opTok?.t === 'op') op = opTok.v;
    else if (opTok?.t === 'word' && opTok.v === 'contains') op = 'contains';
    else throw new Invalid(`expected an operator after ${field}`);
    const valTok = toks[i++];
    if (!valTok) throw new Invalid('expected a value');
    const boolVal = (): boolean => {
      if (valTok.t === 'word' && (valTok.v === 'true' || valTok.v === 'false')) return valTok.v === 'true';
      throw new Invalid(`${field} takes true or false`);
    };
    const strVal = (): string => {
      if (valTok.t !== 'str') throw new Invalid(`${field} takes a quoted string`);
      return valTok.v;
    };
    switch (field) {
      case 'name':
      case 'mimeType': {
        const v = strVal();
        const get = (f: DriveFile): string => (field === 'name' ? f.name : f.mimeType);
        if (op === 'contains')
          return field === 'name' ? (f) => get(f).toLowerCase().includes(v.toLowerCase()) : (f) => get(f).includes(v);
        if (op !== '=' && op !== '!=') throw new Invalid(`${field} supports =, != and contains`);
        return (f) => compare(get(f), op, v);
      }
      case 'modifiedTime':
      case 'createdTime': {
        const text = strVal();
        if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text))
          throw new Invalid(`${field} needs an RFC 3339 time`);
        const v = Date.parse(/T/.test(text) && !/(Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text);
        if (Number.isNaN(v) || op === 'contains') throw new Invalid(`bad ${field} comparison`);
        return (f) => compare(Date.parse(field === 'modifiedTime' ? f.modifiedTime : f.createdTime), op, v);
      }
      case 'trashed':
      case 'starred':
      case 'sharedWithMe': {
        const v = boolVal();
        if (op !== '=' && op !== '!=') throw new Invalid(`${field} supports = and !=`);
        const get = (f: DriveFile): boolean =>
          field === 'trashed' ? f.trashed : field === 'starred' ? false : f.owner !== account;
        return (f) => compare(String(get(f)), op, String(v));
      }
      case 'fullText':
        if (op !== 'contains') throw new Invalid('fullText supports contains');
        return (f) => f.name.toLowerCase().includes(strVal().toLowerCase());
      default:
        throw new Invalid(`field ${field} is not supported by the fake`);
    }
  };

  const unary = (): Predicate => {
    if (word('not')) {
      i += 1;
      const p = unary();
      return (f) => !p(f);
    }
    const t = peek();
    if (t?.t === 'paren' && t.v === '(') {
      i += 1;
      const p = orExpr();
      const close = toks[i++];
      if (close?.t !== 'paren' || close.v !== ')') throw new Invalid("expected ')'");
      return p;
    }
    return comparison();
  };

  const andExpr = (): Predicate => {
    const parts = [unary()];
    while (word('and')) {
      i += 1;
      parts.push(unary());
    }
    return (f) => parts.every((p) => p(f));
  };

  function orExpr(): Predicate {
    const parts = [andExpr()];
    while (word('or')) {
      i += 1;
      parts.push(andExpr());
    }
    return (f) => parts.some((p) => p(f));
  }

  if (toks.length === 0) return () => true;
  const pred = orExpr();
  if (i !== toks.length) throw new Invalid('unexpected text at the end of the query');
  return pred;
}
