import { useCallback, useEffect, useRef, useState } from 'react';

/** Remote data as a tagged union; `idle` when there is nothing to load. */
export type Remote<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'success'; value: T }
  | { status: 'error'; error: unknown };

/**
 * Loads `load()` whenever `key` changes (nothing when `load` is null). Only the latest request may set
 * state, so a slow answer for an earlier key never replaces the answer for the current one.
 */
export function useRemote<T>(load: (() => Promise<T>) | null, key: string) {
  const [state, setState] = useState<Remote<T>>({ status: load ? 'loading' : 'idle' });
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const run = useCallback(() => {
    const current = loader.current;
    const call = latest.current + 1;
    latest.current = call;
    if (!current) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'loading' });
    current().then(
      (value) => latest.current === call && setState({ status: 'success', value }),
      (error: unknown) => latest.current === call && setState({ status: 'error', error }),
    );
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the trigger; the loader is read through a ref.
  useEffect(() => {
    run();
    return () => {
      latest.current += 1; // a newer key or an unmount: drop what is in flight
    };
  }, [key, run]);
  return { state, retry: run };
}
