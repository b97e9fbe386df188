// Builds a pipeline context over a folder of .xlsx workbooks for integration tests.
import { randomUUID } from 'node:crypto';
import { noProgress, silentLogger, type PipelineContext } from '../../shared/pipeline/context';
import type { StoreClient } from '../../shared/store/client';
import { XlsxWorkbookSource } from '../../shared/sources/xlsx/read';

export function testContext(store: StoreClient, dir: string, now = new Date('2026-04-01T02:00:00Z')): PipelineContext {
  return {
    store,
    source: new XlsxWorkbookSource(dir),
    configWorkbook: 'config.xlsx',
    concurrency: 4,
    log: silentLogger,
    progress: noProgress,
    now: () => now,
    runId: randomUUID(),
    sourceKey: 'xlsx',
  };
}
