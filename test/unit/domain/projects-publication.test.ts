// The project publication (三表一单) on a small organisation, counted by hand:
//   Z1 ─┬─ B1: P1 (A, branch project, put forward for promotion, scores 4 and 5), P2 (B, secretary project)
//       ├─ B2: no project this year (a 2025 one only)
//       └─ B3: P3 (C, no kind given)
import { describe, expect, it } from 'vitest';
import { bimonthOf, projectsPublication } from '../../../shared/domain/projects-publication';
import type { Milestone, Project } from '../../../shared/domain/types';
import { branch, config, org } from './build';

function project(id: string, grade: Project['grade'], kind: Project['kind'], extra: Partial<Project> = {}): Project {
  return {
    id,
    year: 2026,
    name: `项目${id}`,
    kind,
    grade,
    businessScore: null,
    partyScore: null,
    promotion: false,
    ...extra,
  };
}

const milestone = (projectId: string, dueOn: string, doneOn: string | null): Milestone => ({
  projectId,
  name: `节点${dueOn}`,
  dueOn,
  doneOn,
});

const orgs = [
  org('W', 'committee', null),
  org('Z1', 'general_branch', 'W'),
  org('B1', 'branch', 'Z1', 'production'),
  org('B2', 'branch', 'Z1', 'production'),
  org('B3', 'branch', 'Z1', 'business'),
];

const data = new Map([
  [
    'B1',
    branch('B1', {
      projects: [
        project('P1', 'A', 'branch', { promotion: true, businessScore: 4, partyScore: 5 }),
        project('P2', 'B', 'secretary'),
      ],
      milestones: [
        milestone('P1', '2026-10-01', '2026-09-30'), // September–October: not in this publication
        milestone('P1', '2026-11-05', '2026-11-04'), // on time
        milestone('P1', '2026-11-20', '2026-11-25'), // late
        milestone('P1', '2026-12-10', null), // open, not yet due
        milestone('P2', '2026-12-01', '2026-12-02'), // done after the as-of date: still open then
      ],
    }),
  ],
  ['B2', branch('B2', { projects: [project('P0', 'A', 'branch', { year: 2025 })] })],
  [
    'B3',
    branch('B3', {
      projects: [project('P3', 'C', null)],
      milestones: [milestone('P3', '2026-11-10', null)], // open and overdue
    }),
  ],
]);

const pub = projectsPublication({ period: '2026-11', asOf: '2026-11-30', config: config({ orgs }), branches: data });

describe('the project publication of 2026, as of 30 November', () => {
  it('counts projects by unit, grade and kind (distribution table), roll-ups summed', () => {
    const row = (id: string) => pub.distribution.find((d) => d.orgId === id);
    expect(row('B1')).toMatchObject({ branches: 1, covered: 1, projects: 2, gradeA: 1, gradeB: 1, gradeC: 0 });
    expect(row('B1')).toMatchObject({ branchProjects: 1, secretaryProjects: 1, outstanding: 1 });
    expect(row('B2')).toMatchObject({ branches: 1, covered: 0, projects: 0 });
    expect(row('Z1')).toMatchObject({ branches: 3, covered: 2, projects: 3, gradeA: 1, gradeB: 1, gradeC: 1 });
    expect(row('W')).toMatchObject({ branches: 3, covered: 2, projects: 3, branchProjects: 2, secretaryProjects: 1 });
  });

  it('lists the branches with no project this year, with coverage 2 of 3 and a key-project rate of 1 in 3', () => {
    expect(pub.uncovered).toEqual([{ orgId: 'B2', name: 'name-B2', parentId: 'Z1' }]);
    expect(pub.coverage.branches).toBe(3);
    expect(pub.coverage.covered).toBe(2);
    expect(pub.coverage.rate).toBeCloseTo(2 / 3, 12);
    expect(pub.keyRate).toBeCloseTo(1 / 3, 12);
  });

  it('lists the projects put forward for promotion with their grade and both scores', () => {
    expect(pub.promotions).toEqual([
      {
        orgId: 'B1',
        projectId: 'P1',
        name: '项目P1',
        kind: 'branch',
        grade: 'A',
        businessScore: 4,
        partyScore: 5,
        combined: 4.5,
        outstanding: true,
      },
    ]);
  });

  it('publishes November–December milestones: due, done on time or late, open and overdue, per project and unit', () => {
    expect(pub.bimonthly).toMatchObject({ from: '2026-11', to: '2026-12', state: 'in_progress' });
    // Planned in November–December; due = planned on or before 30 November.
    expect(pub.bimonthly.projects).toEqual([
      {
        orgId: 'B1',
        projectId: 'P1',
        name: '项目P1',
        planned: 3,
        due: 2,
        done: 2,
        onTime: 1,
        late: 1,
        open: 1,
        overdue: 0,
      },
      {
        orgId: 'B1',
        projectId: 'P2',
        name: '项目P2',
        planned: 1,
        due: 0,
        done: 0,
        onTime: 0,
        late: 0,
        open: 1,
        overdue: 0,
      },
      {
        orgId: 'B3',
        projectId: 'P3',
        name: '项目P3',
        planned: 1,
        due: 1,
        done: 0,
        onTime: 0,
        late: 0,
        open: 1,
        overdue: 1,
      },
    ]);
    expect(pub.bimonthly.units.find((u) => u.orgId === 'W')).toEqual({
      orgId: 'W',
      planned: 5,
      due: 3,
      done: 2,
      onTime: 1,
      late: 1,
      open: 3,
      overdue: 1,
    });
  });

  it('takes the two months ending with an even month that contain the period', () => {
    expect(bimonthOf('2026-11')).toEqual({ from: '2026-11', to: '2026-12' });
    expect(bimonthOf('2026-12')).toEqual({ from: '2026-11', to: '2026-12' });
    expect(bimonthOf('2026-01')).toEqual({ from: '2026-01', to: '2026-02' });
  });

  it('is under evaluation once the two months are over, and published with December', () => {
    const done = projectsPublication({
      period: '2026-12',
      asOf: '2026-12-31',
      config: config({ orgs }),
      branches: data,
    });
    expect(done.bimonthly.state).toBe('evaluating');
    const published = projectsPublication({
      period: '2026-12',
      asOf: '2026-12-31',
      config: config({ orgs }),
      branches: data,
      publishedOn: '2027-01-05',
    });
    expect(published.bimonthly.state).toBe('published');
  });

  it('counts per category', () => {
    expect(pub.byCategory).toEqual([
      expect.objectContaining({ category: 'production', branches: 2, covered: 1, projects: 2, gradeA: 1 }),
      expect.objectContaining({ category: 'management', branches: 0, projects: 0 }),
      expect.objectContaining({ category: 'business', branches: 1, covered: 1, projects: 1, gradeC: 1 }),
    ]);
  });

  it('never counts a branch whose 项目 tab could not be read, or that was never read, as one without a project', () => {
    const broken = new Map(data);
    broken.set('B2', branch('B2', { failedTabs: ['projects'] }));
    broken.delete('B3');
    const p = projectsPublication({
      period: '2026-11',
      asOf: '2026-11-30',
      config: config({ orgs }),
      branches: broken,
    });
    expect(p.coverage).toEqual({ branches: 1, covered: 1, rate: 1, incomplete: 2 });
    expect(p.uncovered).toEqual([]);
    expect(p.distribution.find((d) => d.orgId === 'Z1')).toMatchObject({ branches: 1, incomplete: 2, covered: 1 });
  });
});
