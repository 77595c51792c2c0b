/**
 * Letting a test environment finish what it is doing (`settle`), and moving its
 * virtual time with everything that happens on the way (`advance`).
 *
 * @module
 */
import { formatDuration, toMillis, type Duration, type VirtualClock } from '@drydock/core';
import { nextTurn, type ActivityTracker } from './activity-tracker.js';
import type { Trace } from './trace.js';

/** Options of `TestEnv.settle`. */
export interface SettleOptions {
  /**
   * How many event-loop turns to wait for quiet before giving up (a controller that
   * keeps rewriting its own object never goes quiet). Default {@link DEFAULT_SETTLE_STEPS}.
   */
  readonly maxSteps?: number;
}

/** The default {@link SettleOptions.maxSteps}. */
export const DEFAULT_SETTLE_STEPS = 1_000;

/** What settling watches: the virtual clock, the work in flight, and the trace. */
export interface SettleScope {
  readonly clock: VirtualClock;
  readonly tracker: ActivityTracker;
  readonly trace: Trace;
}

/**
 * Runs the environment until nothing is in flight: a whole turn of the event loop
 * passes with no request pending, no timer due now, and nothing happening (no
 * request, watch event or reconcile starting or ending). Timers due later stay.
 *
 * Guarantees: time does not move. A reconcile (of any started controller) that is
 * queued runs, and one that is running finishes, unless it waits on a later timer
 * (it waits on time: `advance` or `until` move it) or on something outside the
 * environment (real I/O, real timers), which this cannot see.
 *
 * Errors: rejects with an `Error` naming what is still busy (requests in flight,
 * timers due, the controllers and writes that kept it busy) after `maxSteps` turns;
 * with whatever a timer callback throws.
 */
export async function settle(scope: SettleScope, options: SettleOptions = {}): Promise<void> {
  const maxSteps = options.maxSteps ?? DEFAULT_SETTLE_STEPS;
  if (!Number.isSafeInteger(maxSteps) || maxSteps < 1) {
    throw new RangeError(`settle: maxSteps must be a positive integer, got ${maxSteps}`);
  }
  const { clock, tracker, trace } = scope;
  const entriesBefore = trace.entries.length;
  for (let step = 0; step < maxSteps; step++) {
    const before = tracker.activity;
    await nextTurn();
    if (isTimerDueNow(clock)) {
      clock.advance(0);
      continue;
    }
    if (tracker.inFlight.length === 0 && tracker.activity === before) {
      return;
    }
  }
  throw new Error(describeBusy(scope, maxSteps, entriesBefore));
}

/**
 * Moves virtual time forward by `duration`: settles, then jumps to each timer due on
 * the way, runs it and settles again (so promise chains between timers run), and
 * ends at the start time plus `duration`, settled.
 *
 * Errors: `InvalidDurationError` for an invalid duration; as {@link settle}.
 */
export async function advance(
  scope: SettleScope,
  duration: Duration,
  options: SettleOptions = {},
): Promise<void> {
  const { clock } = scope;
  const target = clock.now() + toMillis(duration);
  await settle(scope, options);
  for (let next = clock.nextDue(); next !== undefined && next <= target; next = clock.nextDue()) {
    clock.advanceTo(next);
    await settle(scope, options);
  }
  clock.advanceTo(target);
  await settle(scope, options);
}

function isTimerDueNow(clock: VirtualClock): boolean {
  const due = clock.nextDue();
  return due !== undefined && due <= clock.now();
}

function describeBusy(scope: SettleScope, maxSteps: number, entriesBefore: number): string {
  const { clock, tracker, trace } = scope;
  const busy: string[] = [];
  const inFlight = tracker.inFlight;
  if (inFlight.length > 0) {
    busy.push(`${inFlight.length} request(s) in flight: ${inFlight.slice(0, 5).join('; ')}`);
  }
  if (isTimerDueNow(clock)) {
    busy.push('timers due now keep firing');
  }
  const recent = trace.entries.slice(entriesBefore);
  const reconciles = new Map<string, { count: number; last: string }>();
  let writes = 0;
  let lastWrite = '';
  for (const entry of recent) {
    if (entry.kind === 'reconcile') {
      const seen = reconciles.get(entry.controller) ?? { count: 0, last: '' };
      reconciles.set(entry.controller, { count: seen.count + 1, last: entry.key });
    } else if (entry.kind === 'write') {
      writes++;
      lastWrite = `${entry.verb} ${entry.resource} ${entry.namespace === undefined ? '' : `${entry.namespace}/`}${entry.name ?? ''}`;
    }
  }
  for (const [controller, { count, last }] of reconciles) {
    busy.push(`controller "${controller}" reconciled ${count} time(s) (last: ${last})`);
  }
  if (writes > 0) {
    busy.push(`${writes} write(s) (last: ${lastWrite})`);
  }
  if (busy.length === 0) {
    busy.push('watch events or other activity kept coming');
  }
  const next = clock.nextDue();
  return (
    `settle: still busy after ${maxSteps} steps: ${busy.join('; ')}` +
    (next === undefined ? '' : ` (next timer in ${formatDuration(next - clock.now())})`)
  );
}
