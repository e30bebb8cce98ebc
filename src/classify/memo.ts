/** A per-word memo of bounded size (boundedMemo). */
export interface BoundedMemo<V, C = void> {
  /** The value for `key`, computed on the first call since the memo last forgot it. */
  get(key: string, context: C): V;
  /** How many values are remembered. */
  readonly size: number;
}

/**
 * A per-word memo that forgets everything when full: the same words recur, so it refills within a few titles, and
 * its size stays bounded however many distinct words a run reads. `compute` gets the key and what else the value
 * depends on (`context`), so a lookup allocates no closure. Values are never undefined: that marks a miss.
 */
export function boundedMemo<V extends string | object | null, C = void>(options: {
  compute: (key: string, context: C) => V;
  limit: number;
  /** Longer keys are computed every time and never stored: rare, and each would take a slot. */
  maxKeyLength?: number;
}): BoundedMemo<V, C> {
  const { compute, limit, maxKeyLength = Number.POSITIVE_INFINITY } = options;
  const values = new Map<string, V>();
  // Apart from `get`, which stays small enough for the engine to inline where it is called.
  const store = (key: string, value: V): V => {
    if (key.length <= maxKeyLength) {
      if (values.size >= limit) values.clear();
      values.set(key, value);
    }
    return value;
  };
  return {
    get(key, context) {
      const value = values.get(key);
      return value === undefined ? store(key, compute(key, context)) : value;
    },
    get size() {
      return values.size;
    },
  };
}
