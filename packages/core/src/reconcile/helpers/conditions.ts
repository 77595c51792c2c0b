/**
 * Pure functions over a `status.conditions` list of `metav1.Condition`s: set one by
 * type, find, remove, test. Modelled on apimachinery's `meta.SetStatusCondition` and
 * friends, but never changing their input.
 *
 * @module
 */
import type { Condition } from '../../api/meta/condition.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * A condition to set: a {@link Condition} whose `lastTransitionTime` may be left out
 * (the helper then fills it in when the status changes).
 */
export type ConditionUpdate = Omit<Condition, 'lastTransitionTime'> & {
  readonly lastTransitionTime?: string;
};

// ---------------------------------------------------------------------------
// combinators
// ---------------------------------------------------------------------------

/**
 * The conditions with `condition` set in place of the one of the same `type` (or
 * appended, when there is none).
 *
 * - When the status changes (or the condition is new), `lastTransitionTime` is the
 *   update's own, else `now`;
 * - when the status does not change, the existing `lastTransitionTime` is kept, and
 *   `reason`, `message` and `observedGeneration` are taken from the update (an update
 *   without `observedGeneration` clears it, as upstream).
 *
 * Guarantees: never changes its inputs; answers the very same array when nothing
 * changed at all, so `result === conditions` tells a caller there is nothing to
 * write; conditions of other types are kept, in order, by reference.
 *
 * @param conditions - the current list (absent when the object has none yet).
 * @param condition - the condition to set.
 * @param now - the current time, RFC 3339 (`2025-01-01T00:00:00Z`).
 */
export function setCondition(
  conditions: readonly Condition[] | undefined,
  condition: ConditionUpdate,
  now: string,
): readonly Condition[] {
  const current = conditions ?? [];
  const index = current.findIndex((existing) => existing.type === condition.type);
  const existing = index === -1 ? undefined : current[index];
  const lastTransitionTime =
    existing !== undefined && existing.status === condition.status
      ? existing.lastTransitionTime
      : (condition.lastTransitionTime ?? now);
  const next: Condition = {
    type: condition.type,
    status: condition.status,
    reason: condition.reason,
    message: condition.message,
    lastTransitionTime,
    ...(condition.observedGeneration === undefined
      ? {}
      : { observedGeneration: condition.observedGeneration }),
  };
  if (existing === undefined) {
    return [...current, next];
  }
  if (sameCondition(existing, next)) {
    return current;
  }
  return current.map((item, i) => (i === index ? next : item));
}

/**
 * The conditions without the one of type `type`.
 *
 * Guarantees: never changes its input; answers the very same array when there is no
 * such condition (an absent list stays absent).
 */
export function removeCondition(
  conditions: readonly Condition[] | undefined,
  type: string,
): readonly Condition[] | undefined {
  if (conditions === undefined || !conditions.some((condition) => condition.type === type)) {
    return conditions;
  }
  return conditions.filter((condition) => condition.type !== type);
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/**
 * The condition of type `type`, if the list has one: of any kind of condition (a
 * pod's, a node's, a `Condition`). A plain loop, as controllers call it for every
 * object of every sync.
 */
export function findCondition<C extends { readonly type: string }>(
  conditions: readonly C[] | undefined,
  type: string,
): C | undefined {
  if (conditions === undefined) {
    return undefined;
  }
  for (const condition of conditions) {
    if (condition.type === type) {
      return condition;
    }
  }
  return undefined;
}

/** Whether the condition of type `type` is present with status `True`. */
export function isConditionTrue(
  conditions: readonly Condition[] | undefined,
  type: string,
): boolean {
  return findCondition(conditions, type)?.status === 'True';
}

function sameCondition(a: Condition, b: Condition): boolean {
  return (
    a.type === b.type &&
    a.status === b.status &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.lastTransitionTime === b.lastTransitionTime &&
    a.observedGeneration === b.observedGeneration
  );
}
