/**
 * What a Deployment's spec means for a rollout, read once per sync with upstream's
 * defaults: the strategy and its bounds (`maxSurge`, `maxUnavailable`), the history
 * limit, the progress deadline.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Deployment } from '../../api/kinds/index.js';

/** upstream's "no progress deadline": `progressDeadlineSeconds` set to MaxInt32. */
const NO_PROGRESS_DEADLINE = 2_147_483_647;

/** The default bound of `maxSurge` and `maxUnavailable`. */
const DEFAULT_BOUND = '25%';

/** A Deployment's spec as the controller uses it, defaults applied. */
export interface RolloutParameters {
  /** `spec.replicas` (1 when absent). */
  readonly replicas: number;
  /** `spec.strategy.type` (`RollingUpdate` when absent). */
  readonly strategy: 'RollingUpdate' | 'Recreate';
  /** How many pods may exist above `replicas`: 0 for Recreate. */
  readonly maxSurge: number;
  /** How many of `replicas` may be unavailable: 0 for Recreate and for 0 replicas, at most `replicas`. */
  readonly maxUnavailable: number;
  /** `spec.revisionHistoryLimit` (10 when absent). */
  readonly revisionHistoryLimit: number;
  /** `spec.progressDeadlineSeconds` (600 when absent); `undefined` when MaxInt32 (no deadline). */
  readonly progressDeadlineSeconds: number | undefined;
  /** `spec.minReadySeconds` (0 when absent). */
  readonly minReadySeconds: number;
  /** `spec.paused`. */
  readonly paused: boolean;
}

/**
 * An int-or-percent bound scaled against `total` (upstream's
 * `GetScaledValueFromIntOrPercent`): an integer as is, `'N%'` as `N% of total`,
 * rounded up or down.
 *
 * Errors: `left` with a message for a string that is not `<integer>%`, or a negative value.
 */
export function scaledValue(options: {
  readonly value: number | string;
  readonly total: number;
  readonly roundUp: boolean;
}): Either<string, number> {
  const { value, total, roundUp } = options;
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0
      ? right(value)
      : left(`invalid value ${JSON.stringify(value)}: must be a non-negative integer`);
  }
  const match = /^(\d+)%$/.exec(value);
  if (match?.[1] === undefined) {
    return left(`invalid value ${JSON.stringify(value)}: must be an integer or a percentage`);
  }
  const scaled = (Number.parseInt(match[1], 10) * total) / 100;
  return right(roundUp ? Math.ceil(scaled) : Math.floor(scaled));
}

/**
 * The surge and unavailability bounds of a rolling update of `desired` replicas
 * (upstream's `ResolveFenceposts`): surge rounds up, unavailability rounds down, and
 * when both come to 0 unavailability is 1 (a rollout must be able to move).
 *
 * Errors: `left` naming the field for a value {@link scaledValue} refuses.
 */
export function resolveFenceposts(options: {
  readonly maxSurge: number | string;
  readonly maxUnavailable: number | string;
  readonly desired: number;
}): Either<string, { readonly surge: number; readonly unavailable: number }> {
  const surge = scaledValue({ value: options.maxSurge, total: options.desired, roundUp: true });
  if (surge._tag === 'Left') {
    return left(`spec.strategy.rollingUpdate.maxSurge: ${surge.left}`);
  }
  const unavailable = scaledValue({
    value: options.maxUnavailable,
    total: options.desired,
    roundUp: false,
  });
  if (unavailable._tag === 'Left') {
    return left(`spec.strategy.rollingUpdate.maxUnavailable: ${unavailable.left}`);
  }
  if (surge.right === 0 && unavailable.right === 0) {
    return right({ surge: 0, unavailable: 1 });
  }
  return right({ surge: surge.right, unavailable: unavailable.right });
}

/**
 * The {@link RolloutParameters} of `deployment`.
 *
 * Errors: `left` with a message when a rolling update bound is malformed (the
 * apiserver does not validate them here).
 */
export function rolloutParametersOf(deployment: Deployment): Either<string, RolloutParameters> {
  const spec = deployment.spec;
  const replicas = spec?.replicas ?? 1;
  const strategy = spec?.strategy?.type ?? 'RollingUpdate';
  let maxSurge = 0;
  let maxUnavailable = 0;
  if (strategy === 'RollingUpdate') {
    const bounds = resolveFenceposts({
      maxSurge: spec?.strategy?.rollingUpdate?.maxSurge ?? DEFAULT_BOUND,
      maxUnavailable: spec?.strategy?.rollingUpdate?.maxUnavailable ?? DEFAULT_BOUND,
      desired: replicas,
    });
    if (bounds._tag === 'Left') {
      return bounds;
    }
    maxSurge = bounds.right.surge;
    maxUnavailable = replicas === 0 ? 0 : Math.min(bounds.right.unavailable, replicas);
  }
  const deadline = spec?.progressDeadlineSeconds ?? 600;
  return right({
    replicas,
    strategy,
    maxSurge,
    maxUnavailable,
    revisionHistoryLimit: spec?.revisionHistoryLimit ?? 10,
    progressDeadlineSeconds: deadline === NO_PROGRESS_DEADLINE ? undefined : deadline,
    minReadySeconds: spec?.minReadySeconds ?? 0,
    paused: spec?.paused === true,
  });
}
