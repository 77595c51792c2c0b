/**
 * Checks that custom codecs register so that the compiled decoder can accept their
 * values without calling `validate` (no `Either`, no context). Internal to the codec
 * layer.
 *
 * @module
 */
import type * as t from 'io-ts';

/** Whether a value is accepted, as a predicate that allocates nothing. */
export type IdentityCheck = (value: unknown) => boolean;

const checks = new WeakMap<t.Mixed, IdentityCheck>();

/**
 * Records that `codec.validate(value)` succeeds exactly when `accepts(value)` holds,
 * and then with `value` itself.
 *
 * Caveats: nothing verifies the promise; register only codecs built to keep it (the
 * primitives, whose `validate` is their check).
 */
export function registerIdentityCheck(codec: t.Mixed, accepts: IdentityCheck): void {
  checks.set(codec, accepts);
}

/** The check registered for `codec` with {@link registerIdentityCheck}, if any. */
export function identityCheckOf(codec: t.Mixed): IdentityCheck | undefined {
  return checks.get(codec);
}
