// What every pipeline step needs: the store, the workbook source, a clock, a log and a progress display (ports, so
// tests pass their own).
import type { StoreClient } from '../store/client';
import type { WorkbookSource } from '../sources/port';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface Progress {
  start(stage: string, total: number): void;
  tick(detail?: string): void;
  stop(): void;
}

export interface PipelineContext {
  store: StoreClient;
  source: WorkbookSource;
  /** Id of the configuration workbook in the source (a file name or a spreadsheet id). */
  configWorkbook: string;
  concurrency: number;
  log: Logger;
  progress: Progress;
  now: () => Date;
  /** Unique per run: names the items a compute writes before it publishes them. */
  runId: string;
  /** Names the source's stored change-feed cursor ('xlsx', 'google'). */
  sourceKey: string;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
export const noProgress: Progress = { start: () => {}, tick: () => {}, stop: () => {} };

/** Plain `time LEVEL message key=value` lines: what an operator greps at 3 a.m. */
export function lineLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  const line =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      const kv = Object.entries(fields)
        .map(([k, v]) => `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`)
        .join(' ');
      write(`${now().toISOString()} ${level} ${message}${kv ? ` ${kv}` : ''}`);
    };
  return { info: line('INFO'), warn: line('WARN'), error: line('ERROR') };
}
