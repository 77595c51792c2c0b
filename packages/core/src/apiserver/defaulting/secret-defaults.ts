/**
 * Upstream's defaults for a secret (`SetDefaults_Secret`).
 *
 * @module
 */
import type { Secret } from '../../api/kinds/core-v1/index.js';

/**
 * The secret with `type` `Opaque` when unset or empty.
 *
 * Guarantees: never changes its argument; idempotent; returns the argument itself when
 * the type is set.
 */
export function defaultSecret(secret: Secret): Secret {
  return (secret.type ?? '') === '' ? { ...secret, type: 'Opaque' } : secret;
}
