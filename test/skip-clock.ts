import type { Clock } from '../src/clock.ts';

/**
 * A clock for tests over real I/O whose waits take no real time: it runs with the wall clock, and when
 * code waits on it, time jumps to the earliest timer as soon as the event loop is free, and that timer
 * fires. Everything that reads this clock (client limiter, back-off, sandbox windows) sees one consistent
 * time, only without the idle seconds. `skippedMs` says how much waiting it saved.
 */
export class SkipClock implements Clock {
  skippedMs = 0;
  #timers: Array<{ at: number; fn: () => void }> = [];
  #scheduled = false;

  now = (): number => Date.now() + this.skippedMs;

  setTimer = (fn: () => void, ms: number): (() => void) => {
    const timer = { at: this.now() + Math.max(0, ms), fn };
    this.#timers.push(timer);
    this.#schedule();
    return () => {
      this.#timers = this.#timers.filter((other) => other !== timer);
    };
  };

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#fireNext();
    });
  }

  #fireNext(): void {
    if (this.#timers.length === 0) return;
    this.#timers.sort((a, b) => a.at - b.at);
    const next = this.#timers[0] as { at: number };
    const ahead = next.at - this.now();
    if (ahead > 0) this.skippedMs += ahead;
    const now = this.now();
    const due = this.#timers.filter((timer) => timer.at <= now);
    this.#timers = this.#timers.filter((timer) => timer.at > now);
    for (const timer of due) timer.fn();
    if (this.#timers.length > 0) this.#schedule();
  }
}
