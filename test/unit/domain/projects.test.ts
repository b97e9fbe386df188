// Unit tests: Project scores, outstanding projects and milestones.
import { describe, it, expect } from 'vitest';
import { deriveProjects, projectRows, projectTally } from '../../../shared/domain/projects';
import type { Milestone, Project } from '../../../shared/domain/types';
import { branch } from './build';

const project = (id: string, year: number, businessScore: number | null, partyScore: number | null): Project => ({
  id,
  year,
  name: `project ${id}`,
  kind: 'branch',
  grade: 'A',
  businessScore,
  partyScore,
  promotion: false,
});
const milestone = (projectId: string, name: string, dueOn: string, doneOn: string | null): Milestone => ({
  projectId,
  name,
  dueOn,
  doneOn,
});

describe('projects', () => {
  const data = branch('b1', {
    projects: [
      project('p1', 2026, 4, 5), // outstanding, combined 4.5
      project('p2', 2026, 5, 3), // party 3 < 4: not outstanding, combined 4
      project('p3', 2026, 4, null), // not scored
      project('p4', 2026, 4, 4), // outstanding at the boundary
      project('p0', 2025, 5, 5), // last year: ignored
    ],
    milestones: [
      milestone('p1', 'm1', '2026-03-01', '2026-02-28'), // due, on time
      milestone('p1', 'm2', '2026-05-10', '2026-05-20'), // due, late
      milestone('p2', 'm3', '2026-06-30', null), // not yet due
      milestone('p4', 'm4', '2026-04-01', '2026-04-01'), // due, on time on the day
      milestone('p4', 'm5', '2026-05-01', '2026-04-20'), // due, on time
      milestone('p0', 'm6', '2026-03-01', null), // last year's project: ignored
    ],
  });

  it('scores, outstanding and milestones for the period’s year', () => {
    const f = deriveProjects(projectTally(data, '2026-05', '2026-05-31'));
    // count p1..p4 = 4; scored p1 p2 p4 = 3; outstanding p1 p4 = 2 → 2 / 3
    // milestones due m1 m2 m4 m5 = 4; on time m1 m4 m5 = 3 → 0.75
    // complete: p1 (m1, m2 done) and p4 (m4, m5 done) = 2; p2 has m3 undone, p3 has no milestones
    expect(f).toMatchObject({ count: 4, scored: 3, outstanding: 2, milestonesDue: 4, milestonesOnTime: 3 });
    expect(f.outstandingRate).toBeCloseTo(2 / 3, 10);
    expect(f.milestoneOnTimeRate).toBe(0.75);
    expect(f.complete).toBe(2);
  });

  it('lists one row per project of the year', () => {
    const rows = projectRows(data, '2026-05', '2026-05-31');
    expect(
      rows.map((r) => [r.projectId, r.combined, r.outstanding, r.milestones, r.milestonesDone, r.complete]),
    ).toEqual([
      ['p1', 4.5, true, 2, 2, true], // (4 + 5) / 2
      ['p2', 4, false, 1, 0, false], // (5 + 3) / 2
      ['p3', null, false, 0, 0, false],
      ['p4', 4, true, 2, 2, true], // (4 + 4) / 2
    ]);
    expect(rows[0]).toMatchObject({ orgId: 'b1', name: 'project p1', kind: 'branch', grade: 'A', promotion: false });
  });

  it('a milestone done after the as-of date is not done yet', () => {
    const rows = projectRows(data, '2026-05', '2026-05-15');
    // as of May 15, m2 (done May 20) is still open: p1 is not complete
    expect(rows[0]).toMatchObject({ projectId: 'p1', milestonesDone: 1, complete: false });
    // due by May 15: m1 m2 m4 m5 = 4; on time m1 m4 m5 = 3
    expect(projectTally(data, '2026-05', '2026-05-15')).toMatchObject({
      milestonesDue: 4,
      milestonesOnTime: 3,
      complete: 1,
    });
  });

  it('has null rates with nothing scored and nothing due', () => {
    const f = deriveProjects(
      projectTally(branch('b1', { projects: [project('p1', 2026, null, null)] }), '2026-05', '2026-05-31'),
    );
    expect(f).toEqual({
      count: 1,
      scored: 0,
      outstanding: 0,
      outstandingRate: null,
      milestonesDue: 0,
      milestonesOnTime: 0,
      milestoneOnTimeRate: null,
      complete: 0,
    });
  });
});
