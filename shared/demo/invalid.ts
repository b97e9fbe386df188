// Genuinely invalid rows planted into a branch's tabs; each is chosen so that reading it yields exactly one row-level
// issue.
import { addDays } from './calendar';
import { memberId } from './members';
import type { Rng } from './random';
import type { Row, Table } from './table';

export const INVALID_KINDS = [
  'impossible_date',
  'score_out_of_range',
  'duplicate_member',
  'unknown_member',
  'text_in_number',
  'closed_before_found',
] as const;
export type InvalidKind = (typeof INVALID_KINDS)[number];

export interface BranchTables {
  members: Table;
  self_review: Table;
  sessions: Table;
  exams: Table;
  member_scores: Table;
  rectifications: Table;
}

const PLANTED = '_planted';

function candidates(table: Table, ok: (r: Row) => boolean = () => true): Row[] {
  return table.rows.filter((r) => r[PLANTED] == null && ok(r));
}

function mark(row: Row): true {
  row[PLANTED] = 'y';
  return true;
}

/** Plants one invalid row of the kind; false when the tabs have no row it could go in. */
export function plantInvalid(
  kind: InvalidKind,
  t: BranchTables,
  rng: Rng,
  branchId: string,
  memberCount: number,
): boolean {
  switch (kind) {
    case 'impossible_date': {
      // 30 February, typed for a session held in February (or any session when the window has no February).
      const rows = candidates(t.sessions);
      const feb = rows.filter((r) => String(r._date).slice(5, 7) === '02');
      const row = feb.length > 0 ? rng.pick(feb) : rows.length > 0 ? rng.pick(rows) : null;
      if (row === null) return false;
      row.date = `${String(row._date).slice(0, 4)}-02-30`;
      return mark(row);
    }
    case 'score_out_of_range': {
      const rows = candidates(t.exams, (r) => r._sat === 'y');
      if (rows.length === 0) return false;
      const row = rng.pick(rows);
      row.score = 105;
      return mark(row);
    }
    case 'duplicate_member': {
      // A new member appended at the bottom with an id copied from an existing row.
      const rows = candidates(t.members);
      if (rows.length === 0) return false;
      const source = rng.pick(rows);
      const copy: Row = { ...source, name: rng.pick(['新党员', '王新', '李新民']), status: '在册', [PLANTED]: 'y' };
      t.members.rows.push(copy);
      return true;
    }
    case 'unknown_member': {
      // An exam row for someone not on the roster (never added to 党员).
      const quarter = candidates(t.exams)[0]?.quarter ?? null;
      if (quarter === null) return false;
      const id = memberId(branchId, memberCount + 10 + t.exams.rows.filter((r) => r[PLANTED] === 'unknown').length);
      t.exams.rows.splice(rng.int(0, t.exams.rows.length), 0, {
        quarter,
        memberId: id,
        score: rng.int(80, 95),
        [PLANTED]: 'unknown',
      });
      return true;
    }
    case 'text_in_number': {
      const [table, column] = rng.chance(0.5) ? [t.member_scores, 'base'] : [t.self_review, 'score'];
      const rows = candidates(table);
      if (rows.length === 0) return false;
      const row = rng.pick(rows);
      row[column] = '良好';
      return mark(row);
    }
    case 'closed_before_found': {
      const rows = candidates(t.rectifications, (r) => r.closedOn != null);
      if (rows.length === 0) return false;
      const row = rng.pick(rows);
      row.closedOn = addDays(String(row._found), -rng.int(3, 20));
      return mark(row);
    }
  }
}
