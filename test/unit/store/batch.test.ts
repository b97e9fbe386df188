import type { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { batchWrite, type WriteOp } from '../../../shared/store/batch';
import { emptyStats, type StoreClient } from '../../../shared/store/client';

/** A stand-in for the SDK's send that leaves some items unprocessed, as DynamoDB does under load. */
function flakyClient(leaveUnprocessed: (round: number, count: number) => number) {
  const calls: number[] = [];
  const written: string[] = [];
  const send = async (cmd: BatchWriteCommand) => {
    const requests = cmd.input.RequestItems?.t ?? [];
    calls.push(requests.length);
    const keep = leaveUnprocessed(calls.length, requests.length);
    for (const r of requests.slice(0, requests.length - keep))
      written.push(String(r.PutRequest?.Item?.sk ?? r.DeleteRequest?.Key?.sk));
    return { UnprocessedItems: keep > 0 ? { t: requests.slice(requests.length - keep) } : {} };
  };
  const client = { tableName: 't', stats: emptyStats(), doc: { send }, raw: {} } as unknown as StoreClient;
  return { client, calls, written };
}

const puts = (n: number): WriteOp[] => Array.from({ length: n }, (_, i) => ({ put: { pk: 'P', sk: `S${i}` } }));

describe('batchWrite', () => {
  it('sends batches of at most 25', async () => {
    const { client, calls } = flakyClient(() => 0);
    await batchWrite(client, puts(60));
    expect(calls.sort((a, b) => a - b)).toEqual([10, 25, 25]);
    expect(client.stats.itemsWritten).toBe(60);
  });

  it('retries UnprocessedItems until every item is written, counting each item once', async () => {
    // The first answer leaves 5 of 20 unprocessed, the retry leaves 2 of those, the next writes the rest.
    const { client, calls, written } = flakyClient((round) => (round === 1 ? 5 : round === 2 ? 2 : 0));
    await batchWrite(client, puts(20));
    expect(calls).toEqual([20, 5, 2]);
    expect(new Set(written).size).toBe(20);
    expect(client.stats.itemsWritten).toBe(20);
    expect(client.stats.retries).toBe(2);
  });

  it('gives up with a clear error when DynamoDB never takes the items', async () => {
    const { client } = flakyClient((_round, count) => count);
    await expect(batchWrite(client, puts(3))).rejects.toThrow(/unprocessed after 10 rounds/);
  }, 60_000);
});
