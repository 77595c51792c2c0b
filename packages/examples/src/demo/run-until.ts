/**
 * Moving a cluster's virtual time by hand, for the tours: let everything in flight
 * finish, then jump to the next timer, and again, until a condition holds.
 *
 * (`@drydock/runtime/testing`'s `createTestEnv` does the same, with more care, for
 * tests: `settle`, `advance`, `until`.)
 *
 * @module
 */
import type { Observable } from 'rxjs';
import { formatDuration, toMillis, type Duration, type VirtualClock } from '@drydock/core';

/** What moves: the cluster's clock, and a signal of its activity (the apiserver's `audit$`). */
export interface VirtualTimeScope {
  readonly clock: VirtualClock;
  /** Emits whenever something happens (a request completes); quiet means settled. */
  readonly activity: Observable<unknown>;
}

/** How many event-loop turns {@link flush} waits for quiet before giving up. */
const MAX_FLUSH_TURNS = 1_000;

/**
 * Lets everything in flight finish without moving time: waits `setImmediate` turns
 * until a whole turn passes with no activity.
 *
 * Errors: rejects when the cluster is still busy after 1,000 turns.
 */
export async function flush(scope: VirtualTimeScope): Promise<void> {
  let activity = 0;
  const subscription = scope.activity.subscribe(() => activity++);
  try {
    for (let turn = 0; turn < MAX_FLUSH_TURNS; turn++) {
      const before = activity;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (activity === before) {
        return;
      }
    }
    throw new Error(`flush: the cluster was still busy after ${MAX_FLUSH_TURNS} turns`);
  } finally {
    subscription.unsubscribe();
  }
}

/**
 * Runs the cluster until `done()` holds: flushes, checks, jumps to the next timer,
 * and again. Answers how much virtual time it took (ms).
 *
 * Errors: rejects when `done()` still does not hold `within` (default 10 minutes) of
 * virtual time, or when no timer is left to move time on.
 */
export async function runUntil(
  scope: VirtualTimeScope,
  done: () => boolean | Promise<boolean>,
  options: { readonly within?: Duration } = {},
): Promise<number> {
  const { clock } = scope;
  const startedAt = clock.now();
  const within = toMillis(options.within ?? '10m');
  for (;;) {
    await flush(scope);
    if (await done()) {
      return clock.now() - startedAt;
    }
    const next = clock.nextDue();
    if (next === undefined || next > startedAt + within) {
      throw new Error(`runUntil: the condition did not hold within ${formatDuration(within)}`);
    }
    clock.advanceTo(Math.max(next, clock.now()));
  }
}
