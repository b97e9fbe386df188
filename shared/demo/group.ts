// A sample national group (集团): a top committee that only groups the others, and `count` committees each with its own
// sample organisation (configuration workbook and branch workbooks); the last one nests under the one before it (a
// city company under a provincial one) when there are three or more.
import { committeesTab } from '../contract/tabs/group';
import { generateOrganisation, DEFAULT_SEED } from './generate';
import type { DemoOrganisation, DemoWorkbook, GenerateOptions } from './types';

export const GROUP_FILE = 'group.xlsx';
export const GROUP_TOP = 'JT';

export interface DemoGroup {
  group: DemoWorkbook;
  committees: { id: string; name: string; parentId: string; organisation: DemoOrganisation }[];
}

export function generateGroup(opts: GenerateOptions & { committees: number }): DemoGroup {
  const seed = opts.seed ?? DEFAULT_SEED;
  const committees = Array.from({ length: opts.committees }, (_, i) => {
    const id = `P${String(i + 1).padStart(2, '0')}`;
    const organisation = generateOrganisation({
      ...opts,
      seed: seed + 7_919 * (i + 1),
      committee: { committee: id, prefix: `${id}-` },
    });
    const nested = opts.committees >= 3 && i === opts.committees - 1;
    const parentId = nested ? `P${String(i).padStart(2, '0')}` : GROUP_TOP;
    return { id, name: organisation.committee.name, parentId, organisation };
  });
  const header = committeesTab.columns.map((c) => c.zh);
  const rows = [
    [GROUP_TOP, '示例能源集团党委', null, null],
    ...committees.map((c) => [c.id, c.name, c.parentId, c.organisation.config.id]),
  ];
  return { group: { id: GROUP_FILE, tabs: { [committeesTab.zh]: [header, ...rows] } }, committees };
}
