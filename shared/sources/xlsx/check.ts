// A structural check of an .xlsx file, the problems that make Excel offer to "repair" a workbook: a part the content
// types do not declare, a relationship pointing at a missing part, XML that is not well formed.
import JSZip from 'jszip';

/** Every XML tag in order, with comments, processing instructions and CDATA left out. */
const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)(?:\s[^<>]*?)?(\/?)>/g;

/** Where an XML text's tags do not nest, or null when they do (a well-formedness check, not a validation). */
export function xmlNestingError(xml: string): string | null {
  const stack: string[] = [];
  for (const m of xml.matchAll(TAG)) {
    const [, closing, name, selfClosing] = m;
    if (name === undefined) continue;
    if (selfClosing === '/') continue;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}> at ${m.index}`;
    } else stack.push(name);
  }
  const stray = xml.replace(TAG, '').match(/<[^<>]*>/);
  if (stray !== null) return `malformed tag ${stray[0].slice(0, 40)}`;
  return stack.length === 0 ? null : `<${stack[stack.length - 1]}> is never closed`;
}

function relsTarget(relsPath: string, target: string): string {
  // xl/worksheets/_rels/sheet1.xml.rels → targets are relative to xl/worksheets/.
  const base = relsPath.replace(/_rels\/[^/]*\.rels$/, '');
  const parts = `${base}${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The problems found in an .xlsx file's bytes; empty when it is sound. */
export async function xlsxProblems(bytes: Buffer | Uint8Array): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    return [`not a zip file: ${err instanceof Error ? err.message : String(err)}`];
  }
  const problems: string[] = [];
  const types = await zip.file('[Content_Types].xml')?.async('string');
  if (types === undefined) return ['[Content_Types].xml is missing'];
  const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => (m[1] ?? '').toLowerCase()));
  const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1] ?? ''));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  for (const name of names) {
    const ext = name.split('.').pop()?.toLowerCase() ?? '';
    if (name !== '[Content_Types].xml' && !overrides.has(name) && !defaults.has(ext))
      problems.push(`${name}: no content type declared`);
    if (ext !== 'xml' && ext !== 'rels') continue;
    const text = (await zip.file(name)?.async('string')) ?? '';
    const err = xmlNestingError(text);
    if (err !== null) problems.push(`${name}: ${err}`);
    if (ext === 'rels')
      for (const m of text.matchAll(/<Relationship [^>]*Target="([^"]+)"[^>]*>/g)) {
        const target = m[1] ?? '';
        if (/TargetMode="External"/.test(m[0]) || target.startsWith('http')) continue;
        const resolved = target.startsWith('/') ? target.slice(1) : relsTarget(name, target);
        if (!names.includes(resolved)) problems.push(`${name}: points at missing ${resolved}`);
      }
  }
  for (const part of overrides)
    if (!names.includes(part)) problems.push(`[Content_Types].xml declares missing ${part}`);
  return problems;
}
