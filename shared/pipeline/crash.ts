// Named points between the steps of a run where a test can stop the process dead, as a power cut or an out-of-memory
// kill would: BRANCHBOARD_CRASH_AT=<point> makes the process SIGKILL itself when it reaches that point. The crash test
// (test/integration/crash.int.test.ts) stops a real nightly run at each point and shows that a plain rerun leaves the
// same store, results and dashboards as a run never stopped. Never set in production: it exists only for that test.

export const CRASH_POINTS = [
  'sync:stored-one',
  'sync:done',
  'compute:saved',
  'compute:backfilled-one',
  'compute:before-freeze',
  'publish:summary',
  'publish:feedback-one',
] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export function crashPoint(point: CrashPoint): void {
  if (process.env.BRANCHBOARD_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
