// Rows of a published month edited after it was frozen: kept so that every later run can report them.
import type { ChangedAfterPublication } from '../domain/results';
import { batchWrite, queryIndex } from './batch';
import type { StoreClient } from './client';
import { GSI1, gsi, keys } from './keys';
import { listSchemas } from '../domain/results';

const changedSchema = listSchemas.changedAfterPublication.element;

export async function putChangedRows(client: StoreClient, rows: readonly ChangedAfterPublication[]): Promise<void> {
  await batchWrite(
    client,
    rows.map((r) => ({
      put: {
        pk: keys.workbook(r.workbook),
        sk: keys.changed(r.month, r.tab, r.row),
        gsi1pk: gsi.changedRows(),
        gsi1sk: gsi.changedSort(r.month, r.workbook, r.tab, r.row),
        ...r,
      },
    })),
  );
  client.stats.itemsWritten += rows.length;
}

/** Every such row, latest month first, then workbook, tab and row. */
export async function listChangedRows(client: StoreClient): Promise<ChangedAfterPublication[]> {
  const items = await queryIndex(client, GSI1, gsi.changedRows());
  return items
    .map((i) => changedSchema.parse(i))
    .sort((a, b) => (a.month === b.month ? 0 : a.month < b.month ? 1 : -1));
}

/** Forgets the rows of a month once a republish has taken them in. */
export async function clearChangedRows(client: StoreClient, month: string): Promise<number> {
  const rows = (await listChangedRows(client)).filter((r) => r.month === month);
  await batchWrite(
    client,
    rows.map((r) => ({ delete: { pk: keys.workbook(r.workbook), sk: keys.changed(r.month, r.tab, r.row) } })),
  );
  return rows.length;
}
