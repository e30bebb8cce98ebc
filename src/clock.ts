/**
 * Time for code that waits (rate windows, back-off). The system clock in production; tests pass a clock
 * whose waits take no real time (test/skip-clock.ts), so a ten-second window costs milliseconds.
 */
export interface Clock {
  now(): number;
  /** Calls `fn` once `ms` of this clock's time have passed; the returned function cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(resolve, ms));
}
