/**
 * The scratch space of one scheduling cycle: what a plugin's PreFilter or PreScore
 * computes once for the pod and its Filter or Score reads for every node.
 *
 * @module
 */

/**
 * A typed key of {@link CycleState}: `new StateKey<Counts>('PodTopologySpread/preFilter')`.
 * Keys are compared by identity, the name is for messages.
 */
export class StateKey<T> {
  /** Only here so that keys of different `T` are different types. */
  declare private readonly valueType: T;

  /** A key named `name` (by convention `<plugin>/<extension point>`). */
  constructor(readonly name: string) {}
}

/** The state of one scheduling cycle, written and read by its plugins. */
export class CycleState {
  private readonly values = new Map<StateKey<unknown>, unknown>();

  /** What was written at `key` in this cycle, or `undefined`. */
  read<T>(key: StateKey<T>): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  /** Writes `value` at `key`, replacing what was there. */
  write<T>(key: StateKey<T>, value: T): void {
    this.values.set(key, value);
  }
}
