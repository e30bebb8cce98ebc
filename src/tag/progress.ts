import cliProgress from 'cli-progress';
import type { TagProgress } from './run-tag.ts';

export type ProgressMode = 'bar' | 'lines' | 'silent';

export interface ProgressReporter {
  update(progress: TagProgress): void;
  stop(): void;
}

/** A bar with rate and ETA for people at a terminal; otherwise a plain line every few seconds. */
export function createProgress(
  mode: ProgressMode,
  total: number | undefined,
  stream: NodeJS.WritableStream = process.stderr,
  lineEveryMs = 5000,
  dryRun = false,
  /** Contacts done by earlier sessions of a resumed run: counting continues from here. */
  already = 0,
): ProgressReporter {
  // A real run counts what landed; a dry run what the plan would change.
  const changed = (p: TagProgress) => (dryRun ? p.contactsChanged : p.contactsWritten);
  const started = Date.now();
  const rate = (processed: number) =>
    Math.max(0, processed - already) / Math.max(0.001, (Date.now() - started) / 1000);
  if (mode === 'silent') return { update() {}, stop() {} };
  if (mode === 'bar') {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${dryRun ? 'planning' : 'tagging'} [{bar}] {percentage}% | {value}/{total} contacts | {speed}/s | ETA {eta_formatted} | ${dryRun ? 'would change' : 'changed'} {changed}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total ?? 0, already), already, { speed: '0', changed: 0 });
    return {
      update(progress) {
        if (total === undefined || progress.processed > total) bar.setTotal(progress.processed);
        bar.update(progress.processed, {
          speed: rate(progress.processed).toFixed(0),
          changed: changed(progress),
        });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < lineEveryMs) return;
      last = now;
      const of = total ? ` of ${total}` : '';
      stream.write(
        `${dryRun ? 'planned' : 'tagged'} ${progress.processed}${of} contacts (${rate(progress.processed).toFixed(0)}/s), ${dryRun ? 'would change' : 'changed'} ${changed(progress)}, failed ${progress.failed}\n`,
      );
    },
    stop() {},
  };
}
