// A group's (集团) summary sheets: the committees side by side (the month, the quarter and the year, their data), and
// per category the group's best and worst branches. Their size grows with the number of committees, never with the
// number of branches or members: every branch and member is in its own committee's summary and its own feedback, and
// a national group's summary listing them all would pass a Google spreadsheet's 10 million cells.
import type { ValidationIssue } from '../../contract/issues';
import { rankBranches, type Rank } from '../../domain/ranking';
import type { OrgFigures, ResultsJson, WindowFigures, WindowOrgFigures } from '../../domain/results';
import type { Category } from '../../domain/types';
import type { LayoutChart, LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { fortressCell, incompleteBranchesCell } from '../figures';
import { bold, countCell, FILL, failureCell, gradeCell, rateCell, scoreCell, text, type Cell } from '../format';
import { SheetBuilder } from '../sheet';
import { dataStatus } from '../status';
import { issueMessage, validationSheet } from './data-quality';
import { colorScale } from './heatmap';
import { axisFloor } from './overview';
import { rankHeader, rankOrder, rankRow } from './ranking';
import { windowFigureCells, windowFigureHeader, windowSheet } from './windows';

/** Branches listed at each end of a category on the best-and-worst tab. */
export const BEST_WORST = 10;
/** The validation tab lists at most this many of the group's and committees' own issues. */
export const GROUP_ISSUES_SHOWN = 1_000;

const CATEGORIES: readonly Category[] = ['production', 'management', 'business'];

interface Tree {
  /** The group's top committee (its total row). */
  top: OrgFigures | undefined;
  /** Every other committee, in the results' order. */
  committees: OrgFigures[];
  /** Each committee's branches, nested committees' included. */
  branchesOf: Map<string, OrgFigures[]>;
  /** A branch's own committee (the nearest above it). */
  committeeOf: Map<string, OrgFigures>;
}

const trees = new WeakMap<DashboardContext, Tree>();

function tree(ctx: DashboardContext): Tree {
  const known = trees.get(ctx);
  if (known !== undefined) return known;
  const committees = ctx.results.orgs.filter((o) => o.level === 'committee');
  const top = committees.find((o) => o.parentId === null);
  const branchesOf = new Map<string, OrgFigures[]>(committees.map((o) => [o.id, []]));
  const committeeOf = new Map<string, OrgFigures>();
  for (const b of ctx.branches) {
    let parent = b.parentId === null ? undefined : ctx.org(b.parentId);
    // Bounded by the number of orgs: a roster that went round in a circle cannot hang the layout.
    for (let depth = 0; parent !== undefined && depth < ctx.results.orgs.length; depth++) {
      if (parent.level === 'committee') {
        if (!committeeOf.has(b.id)) committeeOf.set(b.id, parent);
        branchesOf.get(parent.id)?.push(b);
      }
      parent = parent.parentId === null ? undefined : ctx.org(parent.parentId);
    }
  }
  const made = { top, committees: committees.filter((o) => o !== top), branchesOf, committeeOf };
  trees.set(ctx, made);
  return made;
}

/** Committees by fortress index, best first (ties share a rank, the unranked last, then the group workbook's order). */
function rankedCommittees<T extends OrgFigures>(
  ctx: DashboardContext,
  committees: readonly T[],
): { org: T; rank: Rank | undefined }[] {
  // One category for all: committees are ranked against each other, not within a category as branches are.
  const ranks = rankBranches(committees.map((o) => ({ id: o.id, category: 'production', score: o.fortressIndex })));
  return committees
    .map((org) => ({ org, rank: ranks.get(org.id) }))
    .sort(
      byKeys(
        (x) => x.rank?.rank ?? Number.MAX_SAFE_INTEGER,
        (x) => ctx.orderOf(x.org.id),
      ),
    );
}

/** The issue that kept a committee out of the month: its configuration workbook could not be used. */
function failureOf(ctx: DashboardContext, committee: OrgFigures, facts: ResultsJson): ValidationIssue | undefined {
  const workbook = ctx.rosterOrg(committee.id)?.workbook ?? null;
  if (workbook === null) return undefined;
  return facts.validation.find((v) => v.workbook === workbook && v.code === 'unreadable_workbook' && v.tab === '');
}

/** A committee's data in one cell: why it has no figures, how many of its branches are incomplete, or 正常. */
function committeeStatus(ctx: DashboardContext, o: OrgFigures, facts: ResultsJson): Cell {
  const { L } = ctx;
  const failed = failureOf(ctx, o, facts);
  if (failed !== undefined) return failureCell(issueMessage(ctx.lang, failed));
  if ((tree(ctx).branchesOf.get(o.id) ?? []).length === 0) return failureCell(L.group.noBranches);
  if (o.incompleteBranches > 0) return failureCell(L.notes.incompleteBranches(o.incompleteBranches));
  return L.dataStatus.ok;
}

function committeeRow(ctx: DashboardContext, o: OrgFigures, rank: Cell, name: Cell): Cell[] {
  const e = o.evaluation;
  return [
    rank,
    name,
    o.parentId === null ? '' : ctx.orgName(o.parentId),
    (tree(ctx).branchesOf.get(o.id) ?? []).length,
    countCell(o.members?.count ?? null),
    scoreCell(e?.score ?? null),
    gradeCell(e?.grade ?? null, ctx.L),
    fortressCell(o, ctx.L),
    rateCell(o.attendance?.rate ?? null),
    rateCell(o.compliance?.rate ?? null),
    rateCell(o.exam?.passRate ?? null),
    rateCell(o.rectification?.rate ?? null),
    countCell(o.rectification?.overdue ?? null),
    countCell(o.projects?.count ?? null),
    rateCell(o.projects?.outstandingRate ?? null),
    incompleteBranchesCell(o.incompleteBranches),
    committeeStatus(ctx, o, ctx.results),
  ];
}

/** 各党委: one row per committee, ranked by fortress index, with a bar chart of it; the group's total last. */
export function committeesSheet(ctx: DashboardContext): LayoutSheet {
  const { L } = ctx;
  const G = L.group;
  const c = L.col;
  const { top, committees } = tree(ctx);
  const b = new SheetBuilder();
  b.title(L.titles.sheet(G.committeesTitle, ctx.status));
  b.legend(G.committeesLegend);
  const header = b.header([
    c.rank,
    G.col.committee,
    G.col.parentCommittee,
    c.branches,
    c.memberCount,
    c.score,
    c.grade,
    c.fortress,
    c.attendanceRate,
    c.complianceRate,
    c.examPassRate,
    c.rectificationRate,
    c.overdue,
    c.projectCount,
    c.outstandingRate,
    c.incompleteBranches,
    c.dataStatus,
  ]);
  const ranked = rankedCommittees(ctx, committees);
  if (ranked.length === 0) b.row([L.none]);
  for (const { org, rank } of ranked) b.row(committeeRow(ctx, org, countCell(rank?.rank ?? null), org.name));
  const last = b.next - 1;
  if (top !== undefined) b.row(committeeRow(ctx, top, '', bold(L.totalRow)));
  const shown = ranked.filter((x) => x.rank !== undefined).length;
  const charts: LayoutChart[] =
    shown === 0
      ? []
      : [
          {
            type: 'bar',
            title: G.chartCommittees,
            categories: { firstRow: header + 1, lastRow: header + shown, firstCol: 1, lastCol: 1 },
            series: [
              { name: c.fortress, values: { firstRow: header + 1, lastRow: header + shown, firstCol: 7, lastCol: 7 } },
            ],
            anchor: { row: b.next + 1, col: 1, rows: Math.max(10, shown + 4), cols: 10 },
            axis: {
              min: axisFloor(
                ranked.map((x) => x.org.fortressIndex),
                10,
                100,
              ),
              max: 100,
            },
          },
        ];
  const sheet = b.build(G.sheets.committees, {
    frozenRows: header + 1,
    charts,
    minWidths: [6, 20, 16, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 12],
    maxWidths: [6, 30, 24, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 18, 60],
  });
  return {
    ...sheet,
    colorScales:
      ranked.length === 0
        ? []
        : [
            colorScale(header + 1, last, 7, 'score'),
            ...[8, 9, 10, 11].map((col) => colorScale(header + 1, last, col, 'rate')),
          ],
  };
}

/** 首尾支部: per category, the group's best and worst `n` branches by group rank, each with its committee. */
export function bestWorstSheet(ctx: DashboardContext, n = BEST_WORST): LayoutSheet {
  const { L } = ctx;
  const G = L.group;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(G.sheets.bestWorst));
  if (ctx.results.state === 'in_progress') {
    b.note(L.notes.noRankingInProgress(ctx.results.period));
    return b.build(G.sheets.bestWorst, { frozenRows: 1, minWidths: [6, 16, 14] });
  }
  b.legend(G.bestWorstLegend(n));
  const header = b.header(rankHeader(L, true, true));
  const { committeeOf } = tree(ctx);
  const row = (o: OrgFigures) => rankRow(ctx, o, true, committeeOf.get(o.id)?.name ?? '');
  for (const category of CATEGORIES) {
    const ranked = ctx.branches
      .filter((o) => o.category === category && o.groupRank !== undefined)
      .sort(rankOrder(ctx, true));
    const section = L.categorySection(category, ranked.length);
    const best = ranked.slice(0, n);
    // Never a branch twice: a category of fewer than 2n branches shows each once, on the side it is nearer.
    const worst = ranked.slice(Math.max(best.length, ranked.length - n)).reverse();
    b.title(G.best(section, best.length));
    if (best.length === 0) b.row([L.none]);
    for (const o of best) b.row(row(o));
    if (worst.length === 0) continue;
    b.title(G.worst(section, worst.length));
    for (const o of worst) b.row(row(o));
  }
  return b.build(G.sheets.bestWorst, {
    frozenRows: header + 1,
    minWidths: [10, 12, 16, 16, 14, 8, 8, 8, 8, 8, 8, 12],
    maxWidths: [10, 12, 30, 30, 24, 10, 10, 10, 10, 10, 14, 40],
  });
}

/** 季度晾晒 / 年度考评 of a group: its committees over the window, ranked by fortress index; the group's total last. */
export function committeeWindowSheet(
  ctx: DashboardContext,
  w: WindowFigures | undefined,
  kind: 'quarter' | 'year',
): LayoutSheet {
  if (w === undefined) return windowSheet(ctx, w, kind);
  const { L } = ctx;
  const W = L.windows;
  const G = L.group;
  const c = L.col;
  const name = kind === 'year' ? W.sheetYear : W.sheetQuarter;
  const b = new SheetBuilder();
  b.title(W.title(name, W.status({ window: w.window, state: w.state, asOf: w.asOf, months: w.months.length })));
  b.legend(G.windowLegend);
  const header = b.header([c.rank, G.col.committee, G.col.parentCommittee, ...windowFigureHeader(L)]);
  const committees = w.orgs.filter((o) => o.level === 'committee');
  const top = committees.find((o) => o.parentId === null);
  const parentName = (o: WindowOrgFigures) => (o.parentId === null ? '' : ctx.orgName(o.parentId));
  const ranked = rankedCommittees(
    ctx,
    committees.filter((o) => o !== top),
  );
  if (ranked.length === 0) b.row([L.none]);
  for (const { org, rank } of ranked)
    b.row([countCell(rank?.rank ?? null), org.name, parentName(org), ...windowFigureCells(ctx, org)]);
  if (top !== undefined) b.row(['', bold(L.totalRow), '', ...windowFigureCells(ctx, top)]);
  return b.build(name, { frozenRows: header + 1, minWidths: [6, 20, 16], maxWidths: [6, 30, 24] });
}

/**
 * 各党委数据质量: per committee, its branches' data (read fine, stale, never read, incomplete, nothing this period),
 * the issues in its branches' workbooks and in its configuration workbook, and why a committee has no figures.
 * `facts`: the most recent results, as on a committee's data-quality tab.
 */
export function committeeQualitySheet(ctx: DashboardContext, facts: ResultsJson = ctx.results): LayoutSheet {
  const { L } = ctx;
  const G = L.group;
  const c = L.col;
  const { top, committees, branchesOf } = tree(ctx);
  const orgs = new Map(facts.orgs.map((o) => [o.id, o]));
  const sources = new Map(facts.sources.flatMap((s) => (s.orgId === null ? [] : [[s.orgId, s]])));
  const issues = new Map<string, number>();
  for (const v of facts.validation) issues.set(v.workbook, (issues.get(v.workbook) ?? 0) + 1);
  const silent = new Set(ctx.results.silentBranches);
  const b = new SheetBuilder();
  b.title(L.titles.sheet(G.sheets.quality, L.monthStatus(facts)));
  b.legend(G.qualityLegend);
  const header = b.header([
    G.col.committee,
    G.col.configWorkbook,
    c.branches,
    G.col.dataOk,
    G.col.stale,
    G.col.unread,
    c.incompleteBranches,
    G.col.silent,
    G.col.branchIssues,
    G.col.configIssues,
    c.status,
  ]);
  const line = (o: OrgFigures, name: Cell): Cell[] => {
    const count = { ok: 0, stale: 0, unread: 0, incomplete: 0, silent: 0, issues: 0 };
    for (const branch of branchesOf.get(o.id) ?? []) {
      const roster = ctx.rosterOrg(branch.id);
      const source = sources.get(branch.id);
      const st = dataStatus(L, ctx.timeZone, { org: orgs.get(branch.id), source, roster });
      if (!st.failure) count.ok++;
      if (st.stale) count.stale++;
      if (st.unread) count.unread++;
      if (st.incomplete.length > 0) count.incomplete++;
      if (silent.has(branch.id)) count.silent++;
      count.issues += issues.get(source?.workbook ?? roster?.workbook ?? '') ?? 0;
    }
    const workbook = ctx.rosterOrg(o.id)?.workbook ?? null;
    const own = workbook === null ? 0 : (issues.get(workbook) ?? 0);
    return [
      name,
      text(workbook),
      (branchesOf.get(o.id) ?? []).length,
      count.ok,
      incompleteBranchesCell(count.stale),
      incompleteBranchesCell(count.unread),
      incompleteBranchesCell(count.incomplete),
      incompleteBranchesCell(count.silent),
      count.issues > 0 ? { value: count.issues, fill: FILL.orange } : 0,
      own > 0 ? { value: own, fill: FILL.orange } : 0,
      committeeStatus(ctx, o, facts),
    ];
  };
  if (committees.length === 0) b.row([L.none]);
  for (const o of committees) b.row(line(o, o.name));
  if (top !== undefined) b.row(line(top, bold(L.totalRow)));
  return b.build(G.sheets.quality, {
    frozenRows: header + 1,
    minWidths: [20, 16],
    maxWidths: [30, 30, 18, 18, 18, 18, 18, 18, 18, 18, 60],
  });
}

/**
 * 数据问题 of a group: the group workbook's and the committees' configuration workbooks' issues (a committee that
 * could not be used among them), at most GROUP_ISSUES_SHOWN; the branch workbooks' issues are counted and left to each
 * committee's summary and each branch's feedback.
 */
export function groupValidationSheet(ctx: DashboardContext, facts: ResultsJson = ctx.results): LayoutSheet {
  const G = ctx.L.group;
  const branchWorkbooks = new Set<string>();
  for (const o of ctx.branches) {
    const workbook = ctx.source(o.id)?.workbook ?? ctx.rosterOrg(o.id)?.workbook ?? null;
    if (workbook !== null) branchWorkbooks.add(workbook);
  }
  for (const s of facts.sources)
    if (s.orgId !== null && ctx.org(s.orgId)?.level === 'branch') branchWorkbooks.add(s.workbook);
  const own = facts.validation.filter((v) => !branchWorkbooks.has(v.workbook));
  const branchIssues = facts.validation.length - own.length;
  // The group's lists put the group workbook's issues and the committees that failed first: they are never cut.
  const shown = own.slice(0, GROUP_ISSUES_SHOWN);
  const cut = shown.length < own.length ? ` ${G.validationCut(shown.length, own.length)}` : '';
  return validationSheet(ctx, facts, { issues: shown, note: `${G.validationLegend(branchIssues)}${cut}` });
}
