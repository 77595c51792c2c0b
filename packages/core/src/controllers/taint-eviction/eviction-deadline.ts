/**
 * When a pod on a node with NoExecute taints must go (upstream's `processPodOnNode`).
 *
 * @module
 */
import type { Taint, Toleration } from '../../api/kinds/index.js';
import { noExecuteTolerationSeconds } from '../../api/scheduling/index.js';

/** What to do about one pod: evict now, at a time, or leave it be. */
export type EvictionDecision =
  | { readonly _tag: 'EvictNow' }
  | { readonly _tag: 'EvictAt'; readonly at: number; readonly since: number }
  | { readonly _tag: 'Stay' };

/**
 * Decides about a pod with `tolerations` on a node with `taints`:
 * - no NoExecute taint, or all tolerated forever: `Stay`;
 * - one not tolerated (or tolerated for 0 s or less): `EvictNow`;
 * - else `EvictAt` the smallest `tolerationSeconds` (as
 *   {@link noExecuteTolerationSeconds} reads them) after `since`: the earliest
 *   `timeAdded` of the NoExecute taints, or `scheduledSince` (when an eviction was
 *   already scheduled while the taints stayed) if earlier, or `now` when neither is
 *   known. An `at` not after `now` is `EvictNow`.
 *
 * Guarantees: pure. Caveats: upstream counts from when the controller first saw the
 * taints; counting from `timeAdded` makes a restarted controller keep the deadline.
 */
export function evictionDecision(options: {
  readonly taints: readonly Taint[];
  readonly tolerations: readonly Toleration[];
  readonly now: number;
  readonly scheduledSince?: number;
}): EvictionDecision {
  const { taints, tolerations, now } = options;
  const seconds = noExecuteTolerationSeconds({ taints, tolerations });
  if (seconds === undefined) {
    return { _tag: 'Stay' };
  }
  if (seconds <= 0) {
    return { _tag: 'EvictNow' };
  }
  let since = options.scheduledSince ?? Number.POSITIVE_INFINITY;
  for (const taint of taints) {
    if (taint.effect === 'NoExecute' && taint.timeAdded !== undefined) {
      const added = Date.parse(taint.timeAdded);
      if (!Number.isNaN(added) && added < since) {
        since = added;
      }
    }
  }
  if (since === Number.POSITIVE_INFINITY) {
    since = now;
  }
  const at = since + seconds * 1000;
  return at <= now ? { _tag: 'EvictNow' } : { _tag: 'EvictAt', at, since };
}

/** The node's NoExecute taints (a fresh array; empty when it has none). */
export function noExecuteTaintsOf(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((taint) => taint.effect === 'NoExecute');
}
