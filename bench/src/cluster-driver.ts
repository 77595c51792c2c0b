/**
 * Driving a local cluster on virtual time from a benchmark: let the work in flight
 * finish, then move the clock to the next timer, until a condition holds.
 *
 * @module
 */
import type { ApiServer, VirtualClock } from '@drydock/core';

/** Lets one turn of the event loop pass (promise chains, then `setImmediate` work). */
function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Runs the cluster until `done()` holds: while requests keep reaching the apiserver the
 * clock stays; once a turn passes without one, the clock moves to the next timer.
 *
 * Errors: rejects when `done()` still does not hold after `within` ms of virtual time,
 * or when no timer is left.
 */
export async function runClusterUntil(options: {
  readonly clock: VirtualClock;
  readonly server: ApiServer;
  readonly done: () => boolean;
  readonly within: number;
}): Promise<void> {
  const { clock, server, done } = options;
  const end = clock.now() + options.within;
  let requests = 0;
  const counting = server.audit$.subscribe(() => {
    requests++;
  });
  try {
    let quietTurns = 0;
    while (!done()) {
      const before = requests;
      await nextTurn();
      if (requests !== before) {
        quietTurns = 0;
        continue;
      }
      quietTurns++;
      if (quietTurns < 1) {
        continue;
      }
      const next = clock.nextDue();
      if (next === undefined || next > end) {
        throw new Error(
          `the cluster did not get there within ${options.within} ms of virtual time` +
            (next === undefined ? ' (no timer left)' : ''),
        );
      }
      clock.advanceTo(Math.max(next, clock.now()));
      quietTurns = 0;
    }
  } finally {
    counting.unsubscribe();
  }
}
