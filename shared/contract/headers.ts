// Header matching by Chinese or English alias, insensitive to case, full/half width, whitespace and trailing hints.
import { nfkc } from './cells/value';

/** '日期(YYYY-MM-DD)', ' Member ID ', '党员编号（必填）' → comparable keys. */
export function normalizeHeader(text: string): string {
  let s = nfkc(text).toLowerCase();
  s = s.replace(/[\s\u3000\u00a0]+/g, '');
  // A trailing parenthetical hint: '(YYYY-MM-DD)', '(必填)', also after NFKC the full-width '（…）'.
  for (;;) {
    const stripped = s.replace(/[([<{][^()[\]<>{}]*[)\]>}]$/, '');
    if (stripped === s || stripped === '') break;
    s = stripped;
  }
  // People write 'member id', 'member-id', 'member_id' and 'MemberID' for the same thing.
  return s.replace(/[_\-.]/g, '');
}

export interface HeaderNames {
  zh: string;
  en: string;
  aliases?: readonly string[];
}

export function headerMatches(header: string, names: HeaderNames): boolean {
  const h = normalizeHeader(header);
  if (h === '') return false;
  return [names.zh, names.en, ...(names.aliases ?? [])].some((n) => normalizeHeader(n) === h);
}
