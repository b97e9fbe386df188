// The 党员 tab: a branch roster of 15–25 members in two or three Party groups, some probationary, a few transferred out.
import { membersTab } from '../contract/tabs/branch';
import type { MemberKind, Month } from '../domain/types';
import type { Window } from './calendar';
import type { CellStyle } from './messy';
import { GROUPS } from './names';
import { distinctNames } from './people';
import type { Rng } from './random';
import { columnsOf, type Table } from './table';

export interface MemberPlan {
  id: string;
  name: string;
  group: string;
  kind: MemberKind;
  /** Branch committee member (支委): expected at 支委会. */
  committee: boolean;
  /** The month the member was transferred out (no longer expected from then on); null while on the roll. */
  leftIn: Month | null;
  /** Chance of attending any one session. */
  reliability: number;
  /** The first month of a run of absences lasting to the end period; null for most members. */
  stoppedFrom: Month | null;
}

export function memberId(branchId: string, n: number): string {
  return `${branchId}-M${String(n).padStart(2, '0')}`;
}

export function onRoll(m: MemberPlan, month: Month): boolean {
  return m.leftIn === null || month < m.leftIn;
}

export function planMembers(
  rng: Rng,
  branchId: string,
  secretary: string,
  window: Window,
  range: readonly [number, number],
): MemberPlan[] {
  const n = rng.int(range[0], range[1]);
  const names = distinctNames(rng, n, secretary);
  const groupCount = n >= 18 ? 3 : n >= 6 ? 2 : 1;
  const committeeSize = Math.min(n, n >= 20 ? 5 : 3);
  const groupOf = rng.shuffle(names.map((_, i) => GROUPS[i % groupCount] as string));
  const members = names.map(
    (name, i): MemberPlan => ({
      id: memberId(branchId, i + 1),
      name,
      group: groupOf[i] as string,
      kind: 'full',
      committee: i < committeeSize,
      leftIn: null,
      reliability: rng.chance(0.08) ? rng.float(0.65, 0.8) : rng.float(0.86, 0.99),
      stoppedFrom: null,
    }),
  );
  const rankAndFile = members.filter((m) => !m.committee);
  const probationary = rng.weighted([
    [0, 2],
    [1, 4],
    [2, 3],
    [3, 1],
  ] as const);
  for (const m of rng.sample(rankAndFile, probationary)) m.kind = 'probationary';
  const transfers =
    window.months.length < 2
      ? 0
      : rng.weighted([
          [0, 6],
          [1, 3],
          [2, 1],
        ] as const);
  for (const m of rng.sample(
    rankAndFile.filter((x) => x.kind === 'full'),
    transfers,
  )) {
    m.leftIn = window.months[rng.int(1, window.months.length - 1)] ?? null;
  }
  return members;
}

/** Makes one active rank-and-file member stop attending for the last `streak` months; false when nobody fits. */
export function stopAttending(rng: Rng, members: MemberPlan[], window: Window, streak: number): boolean {
  const fits = members.filter((m) => !m.committee && m.leftIn === null && m.stoppedFrom === null);
  if (fits.length === 0 || streak < 1) return false;
  const m = rng.pick(fits);
  const months = window.months;
  m.stoppedFrom = months[Math.max(0, months.length - streak)] ?? null;
  return true;
}

const KIND_WORDS: Record<MemberKind, readonly string[]> = {
  full: ['正式', '正式党员'],
  probationary: ['预备', '预备党员'],
};

export function membersTable(members: readonly MemberPlan[], style: CellStyle): Table {
  return {
    columns: columnsOf(membersTab),
    rows: members.map((m) => ({
      id: style.id(m.id),
      name: style.text(m.name),
      group: style.text(m.group),
      kind: style.word(KIND_WORDS[m.kind], m.kind),
      status:
        m.leftIn !== null
          ? style.word(['转出'], 'transferred')
          : style.messy && style.rng.chance(0.15)
            ? null
            : style.word(['在册'], 'active'),
      _group: m.group,
    })),
  };
}
