// Test helper: reads a generated demo organisation through the contract, as the pipeline would, without touching disk.
import { readBranchWorkbook, readConfigWorkbook, type WorkbookRead } from '../../../shared/contract/workbook';
import type { DemoOrganisation } from '../../../shared/demo/generate';
import { toRawWorkbook } from '../../../shared/demo/write';
import type { BranchData, ConfigData, Org } from '../../../shared/domain/types';

export interface ReadDemo {
  config: WorkbookRead<ConfigData>;
  branches: { org: Org; read: WorkbookRead<BranchData> }[];
  /** Roster branches whose workbook is not among the generated ones. */
  missing: Org[];
}

export function readDemo(org: DemoOrganisation, asOf: string): ReadDemo {
  const config = readConfigWorkbook(toRawWorkbook(org.config));
  const byId = new Map(org.branches.map((b) => [b.id, b]));
  const out: ReadDemo = { config, branches: [], missing: [] };
  for (const o of config.data.orgs) {
    if (o.level !== 'branch') continue;
    const wb = o.workbook === null ? undefined : byId.get(o.workbook);
    if (wb === undefined) {
      out.missing.push(o);
      continue;
    }
    out.branches.push({
      org: o,
      read: readBranchWorkbook(toRawWorkbook(wb), { orgId: o.id, asOf, criteria: config.data.criteria }),
    });
  }
  return out;
}
