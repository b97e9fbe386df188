// Progress on a terminal as a bar (cli-progress); off a terminal as plain log lines every tenth of the way.
import cliProgress from 'cli-progress';
import type { Logger, Progress } from '../pipeline/context';

export function terminalProgress(stream: NodeJS.WriteStream): Progress {
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(stage, total) {
      bar = new cliProgress.SingleBar(
        {
          format: `${stage.padEnd(8)} {bar} {value}/{total} {detail}`,
          stream,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { detail: '' });
    },
    tick(detail) {
      bar?.increment(1, { detail: detail ?? '' });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

export function logProgress(log: Logger): Progress {
  let stage = '';
  let total = 0;
  let done = 0;
  let nextReport = 0;
  return {
    start(s, t) {
      stage = s;
      total = t;
      done = 0;
      nextReport = Math.max(1, Math.ceil(t / 10));
      log.info(`${stage} started`, { total });
    },
    tick() {
      done++;
      if (done >= nextReport && done < total) {
        log.info(`${stage} progress`, { done, total });
        nextReport += Math.max(1, Math.ceil(total / 10));
      }
    },
    stop() {
      log.info(`${stage} finished`, { done, total });
    },
  };
}
