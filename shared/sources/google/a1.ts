// A1 notation helpers: quoting sheet names and finding where a returned range starts.

export function quoteSheet(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** 'A' → 0, 'Z' → 25, 'AA' → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The 1-based row and 0-based column where a range such as "'党员'!B3:F20" starts (A1 when it names only a sheet). */
export function rangeStart(range: string): { row: number; col: number } {
  const bang = range.lastIndexOf('!');
  const ref = bang >= 0 ? range.slice(bang + 1) : '';
  const m = /^\$?([A-Za-z]+)?\$?(\d+)?/.exec(ref);
  const col = m?.[1] ? columnIndex(m[1]) : 0;
  const row = m?.[2] ? Number(m[2]) : 1;
  return { row, col };
}
