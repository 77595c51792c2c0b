/**
 * What the scheduler tells its subscriber about each pod it handled.
 *
 * @module
 */

/**
 * One outcome of the scheduler:
 * - `Scheduled`: the pod was bound to `node`;
 * - `Unschedulable`: no node fits; `message` is the `FailedScheduling` message
 *   (`0/3 nodes are available: 3 Insufficient cpu.`) and `reasons` counts each reason
 *   over the nodes;
 * - `Failed`: a plugin failed or the binding was rejected; the pod is retried with
 *   backoff;
 * - `ReportFailed`: the pod's `PodScheduled` condition could not be written (the
 *   scheduling itself went on).
 */
export type SchedulingOutcome =
  | { readonly _tag: 'Scheduled'; readonly pod: string; readonly node: string }
  | {
      readonly _tag: 'Unschedulable';
      readonly pod: string;
      readonly message: string;
      readonly reasons: ReadonlyMap<string, number>;
    }
  | { readonly _tag: 'Failed'; readonly pod: string; readonly message: string }
  | { readonly _tag: 'ReportFailed'; readonly pod: string; readonly message: string };
