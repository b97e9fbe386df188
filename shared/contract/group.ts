// Reads a group workbook (集团): its committees, each naming its configuration workbook; nesting checked (a known
// parent, one top committee, no cycle), and each configuration workbook claimed once.
import type { Committee } from '../domain/types';
import { emptyWorkbookIssue, readTab } from './read-tab';
import { accepted, applyRules, claimOnce, unknownRef } from './references';
import { committeesTab } from './tabs/group';
import type { RawWorkbook } from './raw';
import type { WorkbookRead } from './workbook';

const COMMITTEE = { zh: '党委编号', en: 'committee_id', tabZh: '下属党委', tabEn: 'committees' };

export function readGroupWorkbook(wb: RawWorkbook): WorkbookRead<Committee[]> {
  const tab = readTab(wb, committeesTab);
  const parents = new Map(accepted(tab).map((c) => [c.id, c.parentId]));
  let tops = 0;
  applyRules(wb.id, tab, [
    {
      column: 'parentId',
      code: 'unknown_reference',
      check: (c) => (c.parentId !== null && !parents.has(c.parentId) ? unknownRef(COMMITTEE, c.parentId) : null),
    },
    {
      column: 'parentId',
      code: 'required_value',
      check: (c) =>
        c.parentId === null && ++tops > 1
          ? {
              zh: '只有集团最上级的党委不填上级编号；本行未导入，请填写它的上级',
              en: "only the group's top committee has no parent_id; this row was not imported: fill in its parent",
            }
          : null,
    },
    {
      column: 'parentId',
      code: 'out_of_range',
      check: (c) =>
        inCycle(c.id, parents)
          ? {
              zh: '上级编号绕成了一个圈（某党委最终成了自己的上级）；本行未导入',
              en: 'the parent_ids go round in a circle (a committee ends up above itself); this row was not imported',
            }
          : null,
    },
  ]);
  // A committee under one that was not imported would hang loose: it is reported too, with the reason.
  for (let changed = true; changed; ) {
    changed = false;
    const kept = new Set(accepted(tab).map((c) => c.id));
    applyRules(wb.id, tab, [
      {
        column: 'parentId',
        code: 'unknown_reference',
        check: (c) => {
          if (c.parentId === null || kept.has(c.parentId)) return null;
          changed = true;
          return {
            zh: `上级党委“${c.parentId}”那一行有错未导入，所以本行也未导入`,
            en: `the parent committee "${c.parentId}" was not imported (its row has an error), so neither was this row`,
          };
        },
      },
    ]);
  }
  claimOnce(wb.id, tab, 'config', '配置表', (first) => ({
    zh: `该配置表已属于 ${first}，一个配置表只能对应一个党委；本行的配置表未采用`,
    en: `this configuration workbook already belongs to ${first}; one serves one committee, so it was not assigned here`,
  }));
  const empty = emptyWorkbookIssue(wb);
  return { data: accepted(tab), tabs: [tab], issues: empty === null ? tab.issues : [empty] };
}

function inCycle(id: string, parents: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let at: string | null | undefined = id; at != null; at = parents.get(at)) {
    if (seen.has(at)) return at === id;
    seen.add(at);
  }
  return false;
}
