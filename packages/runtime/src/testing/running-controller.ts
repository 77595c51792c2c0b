/**
 * A controller started in a test environment: its outcomes recorded in the trace,
 * and a handle to stop it.
 *
 * @module
 */
import type { Subscription } from 'rxjs';
import type { ApiObject, Controller, ReconcileOutcome } from '@drydock/core';
import type { ActivityTracker } from './activity-tracker.js';
import type { TraceRecorder } from './trace.js';

/**
 * A controller of any primary type, as a test environment runs it: only its `run` is
 * used, so every `Controller<T>` fits.
 */
export type AnyController = Pick<Controller<ApiObject>, 'run'>;

/** Options of `TestEnv.startController`. */
export interface StartControllerOptions {
  /** The name in the trace. Default: `controller-<n>`, counting the env's controllers from 1. */
  readonly name?: string;
}

/** A started controller. */
export interface RunningController {
  /** Its name in the trace. */
  readonly name: string;
  /** Every reconcile outcome so far, in order. */
  readonly outcomes: readonly ReconcileOutcome[];
  /** Whether it is still running (not stopped, not failed). */
  readonly running: boolean;
  /**
   * Why it stopped on its own: a controller's run fails only when its triggers fail
   * (a bug); the env's `settle` then rejects with it.
   */
  readonly failure: Error | undefined;
  /** Stops it: its watches and queue stop; a reconcile still running finishes unrecorded. */
  stop(): void;
}

/** Subscribes to `controller.run()`, recording every outcome in `trace` as `name`. */
export function runController(options: {
  readonly controller: AnyController;
  readonly name: string;
  readonly trace: TraceRecorder;
  readonly tracker: ActivityTracker;
}): RunningController {
  const { controller, name, trace, tracker } = options;
  const outcomes: ReconcileOutcome[] = [];
  let running = true;
  let failure: Error | undefined;
  const subscription: Subscription = controller.run().subscribe({
    next: (outcome) => {
      outcomes.push(outcome);
      trace.recordReconcile(name, outcome);
      tracker.touch();
    },
    error: (error: unknown) => {
      running = false;
      failure = error instanceof Error ? error : new Error(String(error));
      tracker.touch();
    },
    complete: () => {
      running = false;
    },
  });
  return {
    name,
    outcomes,
    get running() {
      return running;
    },
    get failure() {
      return failure;
    },
    stop: () => {
      running = false;
      subscription.unsubscribe();
    },
  };
}
