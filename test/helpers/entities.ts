// Checks a table against the declared item kinds (shared/store/entities.ts): every item matches the key templates of
// exactly one kind and that kind's schema, with no undeclared attribute.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { entitiesOf } from '../../shared/store/entities';
import type { StoreClient } from '../../shared/store/client';

export interface TableCheck {
  /** How many items of each declared kind the table holds. */
  kinds: Record<string, number>;
  /** One line per item that matches no kind, several kinds, or its kind's schema not. */
  problems: string[];
}

export async function checkTable(store: StoreClient): Promise<TableCheck> {
  const kinds: Record<string, number> = {};
  const problems: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new ScanCommand({ TableName: store.tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const key = { pk: String(item.pk), sk: String(item.sk) };
      const found = entitiesOf(key);
      const e = found[0];
      if (e === undefined || found.length > 1) {
        problems.push(
          `${key.pk} ${key.sk}: matches ${e === undefined ? 'no declared kind' : found.map((x) => x.name).join(', ')}`,
        );
        continue;
      }
      kinds[e.name] = (kinds[e.name] ?? 0) + 1;
      const parsed = e.schema.safeParse(item);
      if (!parsed.success) {
        const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`);
        problems.push(`${key.pk} ${key.sk} (${e.name}): ${first.join('; ')}`);
      }
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return { kinds, problems: [...new Set(problems)] };
}
