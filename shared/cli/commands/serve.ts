// `npm run cli -- serve` (npm run dev): the API on @hono/node-server against the same store and source as the CLI;
// with --demo it first loads the demo organisation and prints an admin key.
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { createApp } from '../../api/app';
import { createKey } from '../../store/api-keys';
import { ApiData } from '../../api/data';
import { pipelineExecutor } from '../../api/jobs/executor';
import { InProcessJobRunner } from '../../runtime/jobs';
import { generateOrganisation } from '../../demo/generate';
import { writeDemoOrganisation } from '../../demo/write';
import { lastDayOfMonth, monthOf, previousMonth } from '../../domain/dates';
import { DEFAULT_SETTINGS } from '../../domain/types';
import { nightly } from '../../pipeline/nightly';
import { parsePeriod, todayIn, UsageError } from '../../runtime/dates';
import type { Io } from '../io';
import { bi, CLI, shellArg, wholeNumberOption } from '../messages';
import { claimDemoDir } from '../overwrite';
import { addRunOptions, openRun, type RunOptions } from './pipeline';
import { CONFIG_FILE } from './templates';

interface ServeOptions extends RunOptions {
  port?: string;
  demo?: boolean;
  branches: string;
}

export function serveCommand(program: Command, io: Io): void {
  addRunOptions(
    program
      .command('serve')
      .description(
        'serve the HTTP API (npm run dev); --demo loads the demo organisation first and prints an admin key',
      ),
  )
    .option('--port <port>', 'port (default: PORT or 3000)')
    .option(
      '--demo',
      'generate the demo organisation in DIR (default branchboard-demo), run the nightly job, print an admin key',
    )
    .option('--branches <n>', 'with --demo: number of branches', '30')
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port ?? process.env.PORT ?? 3000);
      if (!Number.isInteger(port) || port < 1 || port > 65_535)
        throw new UsageError(
          bi(
            `--port 必须是端口号（1–65535），收到 "${opts.port ?? process.env.PORT}"`,
            `--port must be a port number (1–65535), got "${opts.port ?? process.env.PORT}"`,
          ),
        );
      const today = () => todayIn(DEFAULT_SETTINGS.timeZone, new Date());
      if (opts.demo) {
        opts.dir ??= 'branchboard-demo';
        const period = opts.period !== undefined ? parsePeriod(opts.period) : previousMonth(monthOf(today()));
        const branches = wholeNumberOption(opts.branches, '--branches', 1, 50_000);
        const org = generateOrganisation({ endPeriod: period, branches, withoutProject: 2 });
        const dir = path.resolve(opts.dir);
        // As for `demo`: a folder the demo did not make is written into only with --force.
        await claimDemoDir(
          dir,
          [org.config, ...org.branches].map((w) => path.join(dir, w.id)),
          opts.force,
          `${CLI} serve --demo --dir ${shellArg(opts.dir)}`,
        );
        await writeDemoOrganisation(org, dir);
        opts.period = period;
        opts.asOf ??= lastDayOfMonth(period);
        io.out(
          `Demo organisation: ${org.summary.branches} branches, ${org.summary.members} members in ${path.resolve(opts.dir)}`,
        );
      }
      const run = await openRun({ ...opts, config: opts.config ?? CONFIG_FILE }, io);
      if (opts.demo) {
        await nightly(run.ctx, { period: run.period, asOf: run.asOf, lang: opts.lang, sink: run.sink });
        const { key } = await createKey(run.ctx.store, { name: 'demo admin', role: 'admin', orgId: null });
        io.out(`Demo data published for ${run.period}. Admin key (shown once):`);
        io.out(key);
      }
      const jobs = new InProcessJobRunner(
        run.ctx.store,
        pipelineExecutor({
          context: () => ({ ...run.ctx, runId: crypto.randomUUID() }),
          today,
          sink: run.sink,
          lang: opts.lang,
        }),
        run.ctx.log,
      );
      const secret = process.env.BRANCHBOARD_WEBHOOK_SECRET || null;
      const app = createApp({
        store: run.ctx.store,
        data: new ApiData(run.ctx.store),
        jobs,
        webhookSecret: secret,
        debounceMs: 60_000,
        log: run.ctx.log,
        now: () => new Date(),
      });
      const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' });
      io.out(
        `Branchboard API on http://127.0.0.1:${port}/v1 (docs: http://127.0.0.1:${port}/v1/docs)${secret ? '' : '; edit webhook off (set BRANCHBOARD_WEBHOOK_SECRET)'}`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          jobs.stop();
          server.close(() => resolve());
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await run.close();
    });
}
