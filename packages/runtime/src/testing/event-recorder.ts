/**
 * Recording what an Observable emits, for assertions in tests.
 *
 * @module
 */
import type { Observable } from 'rxjs';

/**
 * Everything an Observable has emitted so far: values, and how it ended.
 * Read it at any time; call `stop()` to unsubscribe.
 */
export interface Recording<T> {
  /** The values emitted, in order. */
  readonly values: readonly T[];
  /** The error it failed with, if it failed. */
  readonly error: unknown;
  /** Whether it failed. */
  readonly failed: boolean;
  /** Whether it completed. */
  readonly completed: boolean;
  /** Unsubscribes; nothing more is recorded. */
  stop(): void;
}

/**
 * Subscribes to `source` and records what it emits, for a test to inspect, e.g.
 * `record(store.watch({ prefix: '/registry/pods/' }))`.
 */
export function record<T>(source: Observable<T>): Recording<T> {
  const values: T[] = [];
  const state = { error: undefined as unknown, failed: false, completed: false };
  const subscription = source.subscribe({
    next: (value) => values.push(value),
    error: (error: unknown) => {
      state.error = error;
      state.failed = true;
    },
    complete: () => {
      state.completed = true;
    },
  });
  return {
    values,
    get error() {
      return state.error;
    },
    get failed() {
      return state.failed;
    },
    get completed() {
      return state.completed;
    },
    stop: () => subscription.unsubscribe(),
  };
}
