/**
 * Upstream's defaults for a namespace: the `kubernetes` finalizer the namespace
 * strategy adds on create, and `status.phase` `Active` (`SetDefaults_NamespaceStatus`).
 *
 * @module
 */
import type { Namespace } from '../../api/kinds/core-v1/index.js';

/**
 * The namespace with `spec.finalizers` containing `kubernetes` and `status.phase`
 * `Active` when unset.
 *
 * Guarantees: never changes its argument; idempotent; returns the argument itself when
 * both are already there.
 */
export function defaultNamespace(namespace: Namespace): Namespace {
  let result = namespace;
  const finalizers = namespace.spec?.finalizers ?? [];
  if (!finalizers.includes('kubernetes')) {
    result = { ...result, spec: { ...namespace.spec, finalizers: [...finalizers, 'kubernetes'] } };
  }
  if (namespace.status?.phase === undefined) {
    result = { ...result, status: { ...namespace.status, phase: 'Active' } };
  }
  return result;
}
