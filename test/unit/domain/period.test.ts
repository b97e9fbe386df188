// Unit tests: computePeriod on a tiny organisation: assembled shape, ordering and lists.
import { describe, it, expect } from 'vitest';
import { computePeriod } from '../../../shared/domain/index';
import { submittedIn } from '../../../shared/domain/period';
import { emptyBranchData } from '../../../shared/domain/types';
import type { Milestone, Project, Rectification } from '../../../shared/domain/index';
import { branch, cell, config, criterion, member, org, session } from './build';

const item = (id: string, deadline: string): Rectification => ({
  id,
  foundOn: '2026-01-05',
  source: null,
  description: `issue ${id}`,
  measure: null,
  owner: null,
  deadline,
  closedOn: null,
});
const project: Project = {
  id: 'p1',
  year: 2026,
  name: 'project p1',
  kind: 'secretary',
  grade: 'B',
  businessScore: 4,
  partyScore: 4,
  promotion: true,
};
const milestone: Milestone = { projectId: 'p1', name: 'kickoff', dueOn: '2026-03-21', doneOn: null };

// Roster order on purpose not alphabetical: C, b2 (no workbook data), b1, b3.
const input = {
  period: '2026-03',
  asOf: '2026-03-20',
  config: config({
    orgs: [
      org('C', 'committee', null),
      org('b2', 'branch', 'C', 'management'),
      org('b1', 'branch', 'C', 'production'),
      org('b3', 'branch', 'C', 'production'),
    ],
    criteria: [criterion('K', 'all', 10)],
  }),
  branches: [
    branch('b3', {
      rectifications: [item('a1', '2026-03-10')],
      members: [member('k')],
      sessions: [
        session('t0', '2025-12-10'),
        session('t1', '2026-01-10'),
        session('t2', '2026-02-10'),
        session('t3', '2026-03-10'),
      ],
      attendance: ['t0', 't1', 't2', 't3'].map((s) => cell('k', s, 'absent')),
    }),
    branch('b1', {
      members: [member('m', 'G1'), member('n', 'G1', 'transferred')],
      sessions: [session('s1', '2026-01-10'), session('s2', '2026-02-10'), session('s3', '2026-03-10')],
      attendance: [cell('m', 's1', 'absent'), cell('m', 's2', 'absent'), cell('m', 's3', 'absent')],
      memberScores: [{ month: '2026-03', memberId: 'm', base: 70, bonus: 0, deduction: 0, veto: false, note: null }],
      rectifications: [
        item('o2', '2026-03-15'),
        item('o1', '2026-03-10'),
        item('o4', '2026-03-10'),
        item('o3', '2026-03-25'),
      ],
      projects: [project],
      milestones: [milestone],
    }),
    branch('zz', { rectifications: [item('q', '2026-01-01')] }), // not on the roster: ignored
  ],
};
// As of 20 March, March is in progress; as of its last day it is under evaluation.
const result = computePeriod(input);
const closed = computePeriod({ ...input, asOf: '2026-03-31' });

describe('computePeriod', () => {
  it('returns every org in roster order with the full figure shape', () => {
    expect(result.period).toBe('2026-03');
    expect(result.asOf).toBe('2026-03-20');
    expect(result.orgs.map((o) => o.id)).toEqual(['C', 'b2', 'b1', 'b3']);
    for (const o of result.orgs) {
      expect(Object.keys(o).sort()).toEqual(
        [
          'id',
          'name',
          'level',
          'category',
          'parentId',
          'evaluation',
          'attendance',
          'compliance',
          'exam',
          'rectification',
          'projects',
          'members',
          'fortressIndex',
          'incomplete',
          'incompleteBranches',
        ].sort(),
      );
    }
    expect(result.orgs[0]).toMatchObject({
      id: 'C',
      name: 'name-C',
      level: 'committee',
      category: null,
      parentId: null,
    });
    expect(result).toMatchObject({ state: 'in_progress', publishedOn: null });
    expect(closed).toMatchObject({ state: 'evaluating', publishedOn: null });
  });

  it('gives a roster branch without data empty data', () => {
    const b2 = closed.orgs[1];
    // criterion K unscored → 0 of 10, missing; ranked alone in management
    expect(b2?.evaluation).toMatchObject({ score: 0, missing: 1, rank: 1, rankOf: 1 });
    // committee_meeting and theme_day due, plus members_meeting and party_lecture in March: 0 of 4
    expect(b2?.compliance).toMatchObject({ due: 4, met: 0, rate: 0, pending: [] });
    expect(b2?.exam).toMatchObject({ quarter: '2026Q1', required: 0, participation: null });
    expect(b2?.attendance?.rate).toBeNull();
  });

  it('mid-month, a branch without data has nothing due yet, only pending requirements, and no score', () => {
    const b2 = result.orgs[1];
    expect(b2?.evaluation).toMatchObject({ score: null, grade: null, missing: 1, rank: null, rankOf: null });
    expect(b2?.compliance).toMatchObject({ due: 0, met: 0, rate: null, unmet: [] });
    expect(b2?.compliance?.pending.map((p) => p.type)).toEqual([
      'committee_meeting',
      'theme_day',
      'members_meeting',
      'party_lecture',
    ]);
  });

  it('ranks production branches apart from management once the month is over, and nobody while it is in progress', () => {
    // b1 and b3 both 0 → tied at 1 of 2
    expect(closed.orgs[2]?.evaluation).toMatchObject({ rank: 1, rankOf: 2 });
    expect(closed.orgs[3]?.evaluation).toMatchObject({ rank: 1, rankOf: 2 });
    expect(result.orgs.map((o) => o.evaluation?.rank ?? null)).toEqual([null, null, null, null]);
  });

  it('sorts overdue by days overdue, then org id, then issue id', () => {
    // as of Mar 20: Mar 10 → 10 days, Mar 15 → 5 days; o3 (Mar 25) is not overdue; zz is not on the roster
    expect(result.overdue.map((o) => [o.orgId, o.issueId, o.daysOverdue])).toEqual([
      ['b1', 'o1', 10],
      ['b1', 'o4', 10],
      ['b3', 'a1', 10],
      ['b1', 'o2', 5],
    ]);
    expect(result.orgs.find((o) => o.id === 'C')?.rectification?.overdue).toBe(4);
  });

  it('sorts due soon by days left', () => {
    // milestone Mar 21 → 1 day; o3 Mar 25 → 5 days
    expect(result.dueSoon.map((d) => [d.kind, d.id, d.name, d.daysLeft])).toEqual([
      ['milestone', 'p1', 'kickoff', 1],
      ['rectification', 'o3', 'issue o3', 5],
    ]);
  });

  it('lists members at risk, project rows and member scores over all branches', () => {
    // m (b1) absent January to March → 3 months; k (b3) December to March → 4 months, listed first
    expect(result.membersAtRisk).toEqual([
      { orgId: 'b3', memberId: 'k', name: 'name-k', months: 4, lapsed: false },
      { orgId: 'b1', memberId: 'm', name: 'name-m', months: 3, lapsed: false },
    ]);
    expect(result.projectList).toEqual([
      {
        orgId: 'b1',
        projectId: 'p1',
        name: 'project p1',
        kind: 'secretary',
        grade: 'B',
        businessScore: 4,
        partyScore: 4,
        combined: 4,
        outstanding: true,
        promotion: true,
        milestones: 1,
        milestonesDone: 0,
        complete: false,
      },
    ]);
    expect(result.memberScores).toEqual([
      { orgId: 'b1', memberId: 'm', name: 'name-m', group: 'G1', total: 70, rating: 'qualified', vetoed: false },
    ]);
  });
});

describe('branches that submitted nothing this period', () => {
  it('are those with no session in the month and no self-evaluation or member score for it', () => {
    const data = emptyBranchData('B1');
    expect(submittedIn(data, '2026-03')).toBe(false);
    // A session in February says nothing about March.
    const feb = {
      ...data,
      sessions: [{ id: 'S1', date: '2026-02-27', type: 'theme_day' as const, topic: null, group: null, hours: null }],
    };
    expect(submittedIn(feb, '2026-03')).toBe(false);
    expect(submittedIn(feb, '2026-02')).toBe(true);
    expect(
      submittedIn({ ...data, selfReviews: [{ month: '2026-03', criterionId: 'C1', score: 5, note: null }] }, '2026-03'),
    ).toBe(true);
    expect(
      submittedIn(
        {
          ...data,
          memberScores: [
            { month: '2026-03', memberId: 'M1', base: 80, bonus: 0, deduction: 0, veto: false, note: null },
          ],
        },
        '2026-03',
      ),
    ).toBe(true);
  });
});
