// The demo organisation generator: determinism, size, what the contract reads from it, its messy cells, and its .xlsx
// files.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readBranchWorkbook, readConfigWorkbook } from '../../../shared/contract/workbook';
import { generateOrganisation } from '../../../shared/demo/generate';
import { toRawWorkbook, writeDemoOrganisation } from '../../../shared/demo/write';
import { dueSoon } from '../../../shared/domain/due-soon';
import { overdueItems } from '../../../shared/domain/rectification';
import { membersAtRisk } from '../../../shared/domain/risk';
import { lastDayOfMonth } from '../../../shared/domain/dates';
import { DEFAULT_SETTINGS } from '../../../shared/domain/types';
import { computePeriod } from '../../../shared/domain/period';
import { readXlsxFile } from '../../../shared/sources/xlsx/read';
import { tempDir } from '../../helpers/workbooks';
import { readDemo } from './read-demo';

const END = '2026-06';
const AS_OF = '2026-06-30';
const org = generateOrganisation({ endPeriod: END });
const read = readDemo(org, AS_OF);
const branchData = read.branches.map((b) => b.read.data);

describe('demo organisation: determinism and size', () => {
  it('gives deep-equal output for the same seed and different output for another, without Math.random', () => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    try {
      const a = generateOrganisation({ endPeriod: END, seed: 7, branches: 8 });
      expect(generateOrganisation({ endPeriod: END, seed: 7, branches: 8 })).toEqual(a);
      expect(generateOrganisation({ endPeriod: END, seed: 8, branches: 8 })).not.toEqual(a);
    } finally {
      spy.mockRestore();
    }
  });

  it('has about 30 branches under 4 general branches and the committee, and 550–650 members', () => {
    expect(org.summary.branches).toBe(30);
    expect(org.branches).toHaveLength(30);
    expect(org.summary.generalBranches).toBe(4);
    expect(org.summary.members).toBeGreaterThanOrEqual(550);
    expect(org.summary.members).toBeLessThanOrEqual(650);
    const orgs = read.config.data.orgs;
    expect(orgs.filter((o) => o.level === 'committee')).toHaveLength(1);
    expect(orgs.filter((o) => o.level === 'general_branch')).toHaveLength(4);
    const branches = orgs.filter((o) => o.level === 'branch');
    expect(new Set(branches.map((o) => o.category))).toEqual(new Set(['production', 'management', 'business']));
    expect(branches.some((o) => o.parentId === 'DW')).toBe(true);
    expect(branches.some((o) => o.name.includes('供电所'))).toBe(true);
    const rosters = branchData.flatMap((d) => d.members);
    expect(rosters.length).toBe(org.summary.members);
    expect(rosters.some((m) => m.kind === 'probationary')).toBe(true);
    expect(rosters.some((m) => m.status === 'transferred')).toBe(true);
  });

  it('grades every category out of about 100 points: the common criteria plus its own', () => {
    const criteria = read.config.data.criteria;
    for (const category of ['production', 'management', 'business'] as const) {
      const total = criteria
        .filter((c) => c.appliesTo === 'all' || c.appliesTo === category)
        .reduce((s, c) => s + c.maxPoints, 0);
      expect(total).toBe(100);
    }
  });
});

describe('demo organisation: read through the contract', () => {
  it('reads the config with no issues and finds every roster branch’s workbook', () => {
    expect(read.config.issues).toEqual([]);
    expect(read.missing).toEqual([]);
    expect(read.branches).toHaveLength(30);
    expect(Object.keys(read.config.data.settings)).not.toHaveLength(0);
  });

  it('yields exactly one row-level issue per planted invalid row, and no tab-level issue', () => {
    const issues = read.branches.flatMap((b) => b.read.issues);
    expect(org.summary.invalidRowsPlanted).toBeGreaterThanOrEqual(6);
    expect(issues).toHaveLength(org.summary.invalidRowsPlanted);
    expect(issues.every((i) => i.row !== null)).toBe(true);
    expect(new Set(issues.map((i) => i.code))).toEqual(
      new Set(['unreadable_cell', 'out_of_range', 'duplicate_id', 'unknown_reference', 'date_order']),
    );
    expect(issues.some((i) => i.value === '105')).toBe(true);
    expect(issues.some((i) => i.value === '良好')).toBe(true);
    expect(issues.some((i) => /-02-30$/.test(i.value))).toBe(true);
  });

  it('has members at risk and lapsed, overdue rectification, and items due within 14 days', () => {
    const atRisk = branchData.flatMap((d) => membersAtRisk(d, END, lastDayOfMonth(END), DEFAULT_SETTINGS));
    expect(atRisk.length).toBeGreaterThanOrEqual(2);
    expect(atRisk.some((m) => m.lapsed)).toBe(true);
    expect(branchData.flatMap((d) => overdueItems(d, AS_OF)).length).toBeGreaterThan(0);
    expect(branchData.flatMap((d) => dueSoon(d, AS_OF)).some((i) => i.kind === 'rectification')).toBe(true);
    expect(branchData.some((d) => d.memberScores.some((s) => s.veto))).toBe(true);
    expect(branchData.some((d) => d.exams.some((e) => e.score === null))).toBe(true);
  });

  it('leaves some criteria to self scores and some missing, and some sessions unheld', () => {
    const reviewed = new Set(read.config.data.reviews.map((r) => `${r.month}|${r.orgId}|${r.criterionId}`));
    let selfOnly = 0;
    for (const { org: o, read: r } of read.branches) {
      for (const s of r.data.selfReviews) if (!reviewed.has(`${s.month}|${o.id}|${s.criterionId}`)) selfOnly++;
    }
    expect(selfOnly).toBeGreaterThan(0);
    const endReviewed = new Set(read.config.data.reviews.filter((r) => r.month === END).map((r) => r.orgId));
    expect(endReviewed.size).toBeLessThan(30);
    const committeeMeetings = branchData.map((d) => d.sessions.filter((s) => s.type === 'committee_meeting').length);
    expect(Math.min(...committeeMeetings)).toBeLessThan(Math.max(...committeeMeetings));
  });

  it('dates nothing after the end period except deadlines and milestone due dates', () => {
    for (const d of branchData) {
      for (const s of d.sessions) expect(s.date >= '2025-07-01' && s.date <= AS_OF).toBe(true);
      for (const r of d.rectifications) {
        expect(r.foundOn <= AS_OF && (r.closedOn === null || r.closedOn <= AS_OF)).toBe(true);
        expect(r.deadline > r.foundOn).toBe(true);
      }
      for (const m of d.milestones) expect(m.doneOn === null || m.doneOn <= AS_OF).toBe(true);
    }
    expect(branchData.some((d) => d.rectifications.some((r) => r.deadline > AS_OF))).toBe(true);
    expect(branchData.some((d) => d.milestones.some((m) => m.dueOn > AS_OF))).toBe(true);
  });
});

describe('demo organisation: messy cells', () => {
  it('reads the messy cells as the same data as the tidy ones', () => {
    const tidy = readDemo(generateOrganisation({ endPeriod: END, messy: false }), AS_OF);
    const messy = readDemo(generateOrganisation({ endPeriod: END, plantInvalid: false }), AS_OF);
    expect(tidy.config.issues).toEqual([]);
    expect(messy.config.issues).toEqual([]);
    expect(tidy.branches.flatMap((b) => b.read.issues)).toEqual([]);
    expect(messy.branches.flatMap((b) => b.read.issues)).toEqual([]);
    expect(messy.config.data).toEqual(tidy.config.data);
    expect(messy.branches.map((b) => b.read.data)).toEqual(tidy.branches.map((b) => b.read.data));
  });

  it('spreads the forms people type across the workbooks', () => {
    const cells = [org.config, ...org.branches].flatMap((wb) => Object.values(wb.tabs).flatMap((g) => g.flat()));
    const texts = cells.filter((c): c is string => typeof c === 'string');
    const has = (re: RegExp) => texts.some((t) => re.test(t));
    expect(cells.some((c) => c instanceof Date)).toBe(true);
    expect(cells.some((c) => typeof c === 'number' && c > 45_000 && c < 47_000)).toBe(true); // serial dates
    for (const re of [
      /^\d{4}\/\d{1,2}\/\d{1,2}$/,
      /^\d{4}\.\d{1,2}\.\d{1,2}$/,
      /^\d{4}年\d{1,2}月\d{1,2}日$/,
      /^\d{4}年\d{1,2}月$/,
      /^\d{4}\/\d{1,2}$/,
    ]) {
      expect(has(re), String(re)).toBe(true);
    }
    for (const re of [
      /^\d{4}年第[一二三四]季度$/,
      /^\d{4}-Q[1-4]$/,
      /^\d+(\.\d+)?分$/,
      /小时$/,
      /^[０-９]+$/,
      /\u3000/,
      /\(|（/,
    ]) {
      expect(has(re), String(re)).toBe(true);
    }
    for (const word of ['√', '迟', '假', '是', 'theme_day', '备注2'])
      expect(texts.some((t) => t.trim() === word) || texts.includes(word), word).toBe(true);
    const grids = org.branches.flatMap((wb) => Object.values(wb.tabs));
    expect(grids.some((g) => g.some((row) => row.length === 0))).toBe(true);
    expect(
      grids.some((g) => g.slice(1).some((row) => row.length > 0 && JSON.stringify(row) === JSON.stringify(g[0]))),
    ).toBe(true);
  });
});

describe('demo organisation: files', () => {
  it('writes .xlsx files that read back as the same data as the raw workbooks', async () => {
    const small = generateOrganisation({ endPeriod: END, branches: 6, seed: 3 });
    const dir = await tempDir('branchboard-demo-');
    try {
      await writeAndReadBack(small, dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function writeAndReadBack(small: ReturnType<typeof generateOrganisation>, dir: string): Promise<void> {
  expect(small.summary.invalidRowsPlanted).toBeGreaterThan(0);
  const paths = await writeDemoOrganisation(small, dir);
  expect(paths).toEqual([path.join(dir, 'config.xlsx'), ...small.branches.map((b) => path.join(dir, b.id))]);
  expect(paths.every((p) => existsSync(p))).toBe(true);

  const configRaw = readConfigWorkbook(toRawWorkbook(small.config));
  const configFile = readConfigWorkbook(await readXlsxFile(path.join(dir, 'config.xlsx')));
  expect(configFile.data).toEqual(configRaw.data);
  expect(configFile.issues).toEqual(configRaw.issues);

  let issues = 0;
  for (const wb of small.branches) {
    const o = configRaw.data.orgs.find((x) => x.workbook === wb.id);
    expect(o).toBeDefined();
    const ctx = { orgId: o?.id ?? '', asOf: AS_OF, criteria: configRaw.data.criteria };
    const fromRaw = readBranchWorkbook(toRawWorkbook(wb), ctx);
    const fromFile = readBranchWorkbook(await readXlsxFile(path.join(dir, wb.id)), ctx);
    expect(fromFile.data).toEqual(fromRaw.data);
    expect(fromFile.issues).toEqual(fromRaw.issues);
    issues += fromFile.issues.length;
  }
  expect(issues).toBe(small.summary.invalidRowsPlanted);
}

describe('demo organisation: large', () => {
  it('generates 305 branches with distinct names and files', () => {
    const big = generateOrganisation({ endPeriod: END, branches: 305 });
    expect(big.summary.branches).toBe(305);
    expect(big.summary.members).toBeGreaterThan(305 * 17);
    expect(big.summary.members).toBeLessThan(305 * 23);
    expect(new Set(big.branches.map((b) => b.id)).size).toBe(305);
    const config = readConfigWorkbook(toRawWorkbook(big.config));
    expect(config.issues).toEqual([]);
    const names = config.data.orgs.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('demo organisation in the middle of a month', () => {
  it('on the 15th grades nobody and fails no requirement that is not yet due; at month end some are unmet', () => {
    const mid = computePeriod({ period: END, asOf: '2026-06-15', config: read.config.data, branches: branchData });
    expect(mid.state).toBe('in_progress');
    const branches = mid.orgs.filter((o) => o.level === 'branch');
    expect(branches.map((o) => o.evaluation?.grade ?? null).filter((g) => g !== null)).toEqual([]);
    expect(branches.flatMap((o) => o.compliance?.unmet ?? [])).toEqual([]);
    // …while something is still to hold somewhere, and the month-end run of the same data does find failures.
    expect(branches.some((o) => (o.compliance?.pending.length ?? 0) > 0)).toBe(true);
    const end = computePeriod({ period: END, asOf: AS_OF, config: read.config.data, branches: branchData });
    expect(end.orgs.some((o) => (o.compliance?.unmet.length ?? 0) > 0)).toBe(true);
    expect(end.orgs.filter((o) => o.level === 'branch').every((o) => o.evaluation?.grade !== null)).toBe(true);
  });
});
