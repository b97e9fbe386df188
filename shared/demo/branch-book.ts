// One branch's workbook: plans its members, sessions, attendance, exams, scores, rectifications and projects, renders
// the nine tabs, plants invalid rows.
import {
  ATTENDANCE_TAB,
  examsTab,
  memberScoresTab,
  membersTab,
  milestonesTab,
  projectsTab,
  rectificationsTab,
  selfReviewTab,
  sessionsTab,
} from '../contract/tabs/branch';
import { attendanceExtras, attendanceTable, planAttendance } from './attendance';
import type { Window } from './calendar';
import type { EvaluationPlan } from './evaluation';
import { examsTable, planExams } from './exams';
import { plantInvalid, type BranchTables, type InvalidKind } from './invalid';
import { memberScoresTable, planMemberScores } from './member-scores';
import { membersTable, planMembers, stopAttending } from './members';
import { CellStyle } from './messy';
import { milestonesTable, planProjects, projectsTable } from './projects';
import { deriveRng } from './random';
import { planRectifications, rectificationsTable, type Scenario } from './rectifications';
import { selfReviewTable } from './self-review';
import { planSessions, sessionsTable } from './sessions';
import type { BranchUnit } from './structure';
import { renderTable } from './table';
import type { DemoWorkbook } from './types';

export interface BranchInput {
  seed: number;
  unit: BranchUnit;
  window: Window;
  memberRange: readonly [number, number];
  evaluation: EvaluationPlan;
  /** Chance that a required session is not held. */
  skip: number;
  /** Streaks (in months) of the members who stopped attending. */
  stopped: readonly number[];
  rectifications: Scenario;
  invalid: readonly InvalidKind[];
  messy: boolean;
  /** No project entered for the last year yet: the branch the project publication lists as uncovered. */
  noProjectThisYear?: boolean;
}

export interface BranchOutput {
  workbook: DemoWorkbook;
  members: number;
  planted: number;
}

export function branchWorkbook(input: BranchInput): BranchOutput {
  const { seed, unit, window } = input;
  // Separate streams: the content is the same whether the cells are messy or not, and with or without invalid rows.
  const rng = deriveRng(seed, `branch:${unit.id}`);
  const style = new CellStyle(input.messy, deriveRng(seed, `style:${unit.id}`));
  const members = planMembers(rng, unit.id, unit.secretary, window, input.memberRange);
  for (const streak of input.stopped) stopAttending(rng, members, window, streak);
  const sessions = planSessions(rng, members, window, input.skip);
  const attendance = planAttendance(rng, members, sessions);
  const exams = planExams(rng, members, window);
  const scores = planMemberScores(rng, members, window);
  const rectifications = planRectifications(rng, members, window, input.rectifications);
  const planned = planProjects(rng, window);
  const endYear = Number(window.end.slice(0, 4));
  const projects = input.noProjectThisYear ? planned.filter((p) => p.year !== endYear) : planned;

  const tables: BranchTables = {
    members: membersTable(members, style),
    self_review: selfReviewTable(rng, input.evaluation, style),
    sessions: sessionsTable(sessions, style),
    exams: examsTable(exams, style),
    member_scores: memberScoresTable(scores, style),
    rectifications: rectificationsTable(rectifications, style),
  };
  const invalidRng = deriveRng(seed, `invalid:${unit.id}`);
  let planted = 0;
  for (const kind of input.invalid) {
    if (
      plantInvalid(kind, tables, invalidRng, unit.id, members.length) ||
      plantInvalid('duplicate_member', tables, invalidRng, unit.id, members.length)
    )
      planted++;
  }
  const tabs = {
    [membersTab.zh]: renderTable(tables.members, style),
    [selfReviewTab.zh]: renderTable(tables.self_review, style),
    [sessionsTab.zh]: renderTable(tables.sessions, style),
    [ATTENDANCE_TAB.zh]: renderTable(attendanceTable(members, sessions, attendance, style), style, {
      shuffle: false,
      extras: attendanceExtras(),
    }),
    [examsTab.zh]: renderTable(tables.exams, style),
    [memberScoresTab.zh]: renderTable(tables.member_scores, style),
    [rectificationsTab.zh]: renderTable(tables.rectifications, style),
    [projectsTab.zh]: renderTable(projectsTable(projects, style), style),
    [milestonesTab.zh]: renderTable(milestonesTable(projects, style), style),
  };
  return { workbook: { id: unit.file, tabs }, members: members.length, planted };
}
