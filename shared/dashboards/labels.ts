// Every word the dashboards show, in Chinese and English; the sheet builders never spell a label themselves.
import type { Lang } from '../domain/results';
import type { SessionType } from '../domain/types';
import type { Labels } from './labels-type';
import { EN } from './labels-en';
import { ZH } from './labels-zh';

export type * from './labels-type';

const LABELS: Record<Lang, Labels> = { zh: ZH, en: EN };

export function labels(lang: Lang): Labels {
  return LABELS[lang];
}

/** A session type in words, with the group for a group meeting: '党小组会（第一党小组）'. */
export function unmetText(L: Labels, u: { type: SessionType; group: string | null }): string {
  return u.group === null ? L.session[u.type] : `${L.session[u.type]}${L.paren(u.group)}`;
}

/** A stored enum key in words when it is one, else as stored (a roster may hold a value the words do not know). */
export function wordFor<K extends string>(table: Record<K, string>, key: string | null): string | null {
  if (key === null) return null;
  return Object.hasOwn(table, key) ? table[key as K] : key;
}
