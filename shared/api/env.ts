// The Hono environment of the app: its dependencies (ports) and the authenticated principal.
import type { Logger } from '../pipeline/context';
import type { StoreClient } from '../store/client';
import type { Principal } from './auth/scope';
import type { ApiData } from './data';
import type { JobRunner } from '../runtime/jobs';

export interface AppDeps {
  store: StoreClient;
  data: ApiData;
  jobs: JobRunner;
  /** Secret shared with the Apps Script edit trigger; null disables the webhook. */
  webhookSecret: string | null;
  /** Edits to one spreadsheet within this window make one sync. */
  debounceMs: number;
  log: Logger;
  now: () => Date;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    principal: Principal;
  };
}
