// Unit tests: a small committee on the 15th of a month (in progress) and on its last day, hand-computed; incomplete
// branches.
import { describe, expect, it } from 'vitest';
import { computePeriod } from '../../../shared/domain/period';
import { monthState, nightlyMonths, publicationInForce } from '../../../shared/domain/cycle';
import { incompleteMetrics } from '../../../shared/domain/incomplete';
import { membersAtRisk } from '../../../shared/domain/risk';
import { branch, cell, config, criterion, member, org, session, settings } from './build';

// June 2026 is the last month of Q2, so the quarterly requirements (members_meeting, party_lecture) are due too.
const cfg = config({
  orgs: [org('C', 'committee', null), org('b1', 'branch', 'C', 'production'), org('b2', 'branch', 'C', 'production')],
  criteria: [criterion('K1', 'all', 10), criterion('K2', 'production', 10)],
});
const b1 = branch('b1', {
  members: [member('m1', 'G1'), member('m2', 'G1'), member('m3', 'G2')],
  sessions: [
    session('s1', '2026-06-05', 'committee_meeting'),
    session('s2', '2026-06-10', 'group_meeting', 'G1'),
    session('s3', '2026-06-20', 'theme_day'), // planned after the 15th
    session('s4', '2026-05-12', 'members_meeting'), // earlier in the quarter
    session('s5', '2026-06-25', 'party_lecture'), // planned after the 15th
  ],
  attendance: [
    cell('m1', 's1', 'present'),
    cell('m2', 's1', 'late'),
    cell('m3', 's1', 'absent'),
    cell('m1', 's2', 'present'),
    cell('m2', 's2', 'excused'),
    cell('m1', 's3', 'present'),
    cell('m2', 's3', 'absent'),
  ],
  selfReviews: [
    { month: '2026-06', criterionId: 'K1', score: 9, note: null },
    { month: '2026-06', criterionId: 'K2', score: 8, note: null },
  ],
});
const b2 = branch('b2', {
  members: [member('n1')],
  sessions: [session('t1', '2026-06-03', 'theme_day'), session('t2', '2026-06-28', 'committee_meeting')],
  attendance: [cell('n1', 't1', 'absent')],
});
const mid = computePeriod({ period: '2026-06', asOf: '2026-06-15', config: cfg, branches: [b1, b2] });
const end = computePeriod({ period: '2026-06', asOf: '2026-06-30', config: cfg, branches: [b1, b2] });
const byId = (r: typeof mid, id: string) => r.orgs.find((o) => o.id === id);

describe('a committee on the 15th of a month (in progress)', () => {
  it('is in progress, with no score, grade or rank anywhere, but the self-evaluation gaps still shown', () => {
    expect(mid.state).toBe('in_progress');
    for (const o of mid.orgs)
      expect(o.evaluation).toMatchObject({ score: null, grade: null, rank: null, rankOf: null });
    // b1 typed both criteria; b2 typed none: 2 missing
    expect(byId(mid, 'b1')?.evaluation).toMatchObject({ missing: 0, reviewed: false });
    expect(byId(mid, 'b2')?.evaluation).toMatchObject({ missing: 2 });
  });

  it('counts attendance at the sessions held by the 15th only', () => {
    // s1 (3 cells) + s2 (2 cells) = 5 expected; s3 on the 20th is not expected yet
    // present m1 s1, m1 s2 = 2; late m2 s1 = 1; excused m2 s2 = 1; absent m3 s1 = 1
    // rate (2 + 1) / 5 = 0.6; excluding excused 3 / (5 − 1) = 0.75
    expect(byId(mid, 'b1')?.attendance).toEqual({
      expected: 5,
      present: 2,
      late: 1,
      excused: 1,
      absent: 1,
      rate: 0.6,
      rateExcludingExcused: 0.75,
    });
  });

  it('counts a requirement as due only once it is met; the rest are pending, never failures', () => {
    // b1: committee_meeting s1 ✓, theme_day (s3 on the 20th) pending, G1 s2 ✓, G2 pending,
    //     members_meeting s4 in May ✓, party_lecture (s5 on the 25th) pending → due 3, met 3, rate 1
    expect(byId(mid, 'b1')?.compliance).toEqual({
      due: 3,
      met: 3,
      rate: 1,
      unmet: [],
      pending: [
        { orgId: 'b1', type: 'theme_day', group: null },
        { orgId: 'b1', type: 'group_meeting', group: 'G2' },
        { orgId: 'b1', type: 'party_lecture', group: null },
      ],
    });
    // b2: theme_day t1 ✓; committee_meeting (t2 on the 28th), members_meeting, party_lecture pending → 1 of 1
    expect(byId(mid, 'b2')?.compliance).toMatchObject({ due: 1, met: 1, rate: 1, unmet: [] });
    expect(byId(mid, 'b2')?.compliance?.pending.map((p) => p.type)).toEqual([
      'committee_meeting',
      'members_meeting',
      'party_lecture',
    ]);
  });

  it('rolls up by summed tallies and concatenates the pending lists with their branch ids', () => {
    const c = byId(mid, 'C');
    // expected 5 + 1 = 6; attended (2 + 1) + 0 = 3 → 0.5
    expect(c?.attendance).toMatchObject({ expected: 6, present: 2, late: 1, excused: 1, absent: 2, rate: 0.5 });
    // due 3 + 1 = 4, met 4 → 1
    expect(c?.compliance).toMatchObject({ due: 4, met: 4, rate: 1, unmet: [] });
    expect(c?.compliance?.pending.map((p) => `${p.orgId}:${p.type}`)).toEqual([
      'b1:theme_day',
      'b1:group_meeting',
      'b1:party_lecture',
      'b2:committee_meeting',
      'b2:members_meeting',
      'b2:party_lecture',
    ]);
  });

  it('computes the fortress index over the metrics that exist, the evaluation left out until the month ends', () => {
    // b1: attendance 60 (w 0.2), compliance 100 (w 0.1); evaluation, rectification, exam pass rate null
    // (0.2 × 60 + 0.1 × 100) / 0.3 = 22 / 0.3 = 73.33…
    expect(byId(mid, 'b1')?.fortressIndex).toBeCloseTo(22 / 0.3, 10);
    // b2: attendance 0, compliance 100 → 10 / 0.3 = 33.33…
    expect(byId(mid, 'b2')?.fortressIndex).toBeCloseTo(10 / 0.3, 10);
    // committee: attendance 50, compliance 100 → (10 + 10) / 0.3 = 66.67
    expect(byId(mid, 'C')?.fortressIndex).toBeCloseTo(20 / 0.3, 10);
  });
});

describe('the same committee on the last day of the month (under evaluation)', () => {
  it('counts every session of the month, lists what was not held as unmet, and grades and ranks', () => {
    expect(end.state).toBe('evaluating');
    // June: s1 (3) + s2 (2) + s3 (2) = 7 expected; attended m1 ×3 + m2 late = 4 → 4 / 7
    expect(byId(end, 'b1')?.attendance).toMatchObject({ expected: 7, present: 3, late: 1, excused: 1, absent: 2 });
    expect(byId(end, 'b1')?.attendance?.rate).toBeCloseTo(4 / 7, 10);
    // all six requirements due; only G2's group meeting was never held → 5 / 6
    expect(byId(end, 'b1')?.compliance).toMatchObject({
      due: 6,
      met: 5,
      unmet: [{ type: 'group_meeting', group: 'G2' }],
      pending: [],
    });
    // (9 + 8) / (10 + 10) = 85 → good, rank 1 of 2; b2 typed nothing → 0, fail, rank 2
    expect(byId(end, 'b1')?.evaluation).toMatchObject({ score: 85, grade: 'good', rank: 1, rankOf: 2 });
    expect(byId(end, 'b2')?.evaluation).toMatchObject({ score: 0, grade: 'fail', rank: 2, rankOf: 2 });
  });
});

describe('a branch whose 党员 tab could not be read', () => {
  const broken = { ...b1, failedTabs: ['members' as const] };
  const r = computePeriod({ period: '2026-06', asOf: '2026-06-30', config: cfg, branches: [broken, b2] });

  it('has the metrics that depend on it null and listed, and no fortress index', () => {
    const o = byId(r, 'b1');
    expect(o?.incomplete).toEqual(['attendance', 'compliance', 'exam', 'members']);
    expect(o).toMatchObject({
      attendance: null,
      compliance: null,
      exam: null,
      members: null,
      fortressIndex: null,
      incompleteBranches: 1,
    });
    // what does not depend on 党员 is still there
    expect(o?.evaluation?.score).toBe(85);
    expect(o?.rectification).not.toBeNull();
  });

  it('is left out of the roll-up sums and counted as incomplete', () => {
    const c = byId(r, 'C');
    // only b2's attendance: 1 expected, 0 attended
    expect(c?.attendance).toMatchObject({ expected: 1, absent: 1, rate: 0 });
    expect(c).toMatchObject({ incomplete: [], incompleteBranches: 1 });
  });

  it('never scores better than the same branch with its sheet intact', () => {
    const good = computePeriod({ period: '2026-06', asOf: '2026-06-30', config: cfg, branches: [b1, b2] });
    expect(byId(good, 'b1')?.fortressIndex).not.toBeNull();
    expect(byId(r, 'b1')?.fortressIndex).toBeNull();
  });

  it('maps each failed tab to the metrics it feeds', () => {
    expect(incompleteMetrics(['self_review'])).toEqual(['evaluation']);
    expect(incompleteMetrics(['milestones', 'rectifications'])).toEqual(['rectification', 'projects']);
    expect(incompleteMetrics([])).toEqual([]);
  });
});

describe('month states and the months a nightly run computes', () => {
  it('reads in progress before the last day, under evaluation from it, published once frozen', () => {
    expect(monthState('2026-06', '2026-06-29', null)).toBe('in_progress');
    expect(monthState('2026-06', '2026-06-30', null)).toBe('evaluating');
    expect(monthState('2026-06', '2026-07-03', null)).toBe('evaluating');
    expect(monthState('2026-06', '2026-06-30', '2026-07-05')).toBe('published');
  });

  it('computes the month in progress as of today and the month before as of its last day', () => {
    expect(nightlyMonths('2026-12-03')).toEqual([
      { period: '2026-11', asOf: '2026-11-30' },
      { period: '2026-12', asOf: '2026-12-03' },
    ]);
    // across a year, and in February of a leap year
    expect(nightlyMonths('2027-01-01')).toEqual([
      { period: '2026-12', asOf: '2026-12-31' },
      { period: '2027-01', asOf: '2027-01-01' },
    ]);
    expect(nightlyMonths('2028-03-15')[0]).toEqual({ period: '2028-02', asOf: '2028-02-29' });
  });

  it('puts a publication in force from its date on, whatever month the run computes', () => {
    const pubs = [{ month: '2026-11', publishedOn: '2026-12-05', note: null }];
    expect(publicationInForce(pubs, '2026-11', '2026-12-04')).toBeNull();
    expect(publicationInForce(pubs, '2026-11', '2026-12-05')).toEqual(pubs[0]);
    expect(publicationInForce(pubs, '2026-10', '2026-12-05')).toBeNull();
  });
});

describe('members at risk as of a day inside the month', () => {
  it('does not count an absence at a session after the as-of date', () => {
    const data = branch('b', {
      members: [member('x')],
      sessions: [session('a', '2026-04-10'), session('b', '2026-05-10'), session('c', '2026-06-20')],
      attendance: [cell('x', 'a', 'absent'), cell('x', 'b', 'absent'), cell('x', 'c', 'absent')],
    });
    const s = { ...settings, atRiskMonths: 2 };
    // as of 15 June: April and May absent, June's session not held yet → 2
    expect(membersAtRisk(data, '2026-06', '2026-06-15', s).map((m) => m.months)).toEqual([2]);
    // as of 30 June: April, May, June → 3
    expect(membersAtRisk(data, '2026-06', '2026-06-30', s).map((m) => m.months)).toEqual([3]);
  });
});
