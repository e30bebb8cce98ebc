import { once } from 'node:events';
import {
  createWriteStream,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  type WriteStream,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temporary files not yet renamed into place: removed if the process exits before they are. */
const pending = new Set<string>();
let cleanupInstalled = false;

function track(path: string): void {
  pending.add(path);
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const file of pending) rmSync(file, { force: true });
  });
}

/** A temporary path beside `target`, so the final rename stays on one file system (and is atomic). */
export function tempPathFor(target: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return join(dirname(target), `.${basename(target)}.${process.pid}.${random}.tmp`);
}

/**
 * An output file that appears only when the run succeeds: everything is written to a temporary file beside
 * the target and renamed over it by `commit()`. Until then (an error, Ctrl-C, `kill -9`) the target keeps
 * whatever it held before. Open it only after the input has been opened and its header read.
 */
export class OutputFile {
  readonly target: string;
  readonly tempPath: string;
  readonly stream: WriteStream;
  #done = false;

  constructor(target: string) {
    this.target = target;
    mkdirSync(dirname(target), { recursive: true });
    this.tempPath = tempPathFor(target);
    // Opened synchronously so that a target in an unwritable place fails here, with the path, not later.
    const fd = openSync(this.tempPath, 'w');
    track(this.tempPath);
    this.stream = createWriteStream(this.tempPath, { fd });
  }

  /** Waits for everything written to reach the file, then puts it in place of the target. */
  async commit(): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    if (!this.stream.writableFinished) {
      if (!this.stream.writableEnded) this.stream.end();
      await once(this.stream, 'finish');
    }
    if (!this.stream.closed) await once(this.stream, 'close');
    renameSync(this.tempPath, this.target);
    pending.delete(this.tempPath);
  }

  /** Drops what was written; the target is left as it was. */
  abort(): void {
    if (this.#done) return;
    this.#done = true;
    // A writer still piped in may write once more; that error has nowhere useful to go.
    this.stream.on('error', () => {});
    this.stream.destroy();
    rmSync(this.tempPath, { force: true });
    pending.delete(this.tempPath);
  }
}

/** Writes a whole file at once the same way: the target changes only when the text is fully written. */
export function writeFileAtomic(target: string, text: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  track(temp);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}
