import { useCallback, useEffect, useRef, useState } from 'react';

/** The state of one user-triggered remote call. */
export type ActionState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; message: string }
  | { status: 'error'; error: unknown };

/**
 * Runs `task` on demand and tracks it as a tagged union. Only the latest call may set state, so a slow
 * response to an earlier click never overwrites the answer to a later one.
 */
export function useGuardedAction<A>(task: (arg: A) => Promise<string>) {
  const [state, setState] = useState<ActionState>({ status: 'idle' });
  const latest = useRef(0);
  useEffect(
    () => () => {
      latest.current = -1; // unmounted: ignore whatever arrives
    },
    [],
  );
  const start = useCallback(
    async (arg: A) => {
      const call = latest.current + 1;
      latest.current = call;
      setState({ status: 'running' });
      try {
        const message = await task(arg);
        if (latest.current === call) setState({ status: 'done', message });
      } catch (error) {
        if (latest.current === call) setState({ status: 'error', error });
      }
    },
    [task],
  );
  return { state, start };
}
