/**
 * Semantic validation of a `coordination.k8s.io/v1` Lease, as upstream's `ValidateLease`.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Lease } from '../../api/kinds/coordination-v1/index.js';
import { forbidden, invalid } from './field-errors.js';
import { validateObjectMeta } from './object-meta-validation.js';

/**
 * The problems with a lease: its metadata (namespaced, name a DNS-1123 subdomain);
 * `spec.leaseDurationSeconds` greater than 0 and `spec.leaseTransitions` not negative
 * when set; `spec.preferredHolder` only with `spec.strategy`.
 */
export function validateLease(lease: Lease): FieldError[] {
  const errors = validateObjectMeta(lease.metadata ?? {}, {
    namespaced: true,
    nameRule: 'subdomain',
  });
  const spec = lease.spec ?? {};
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) {
    errors.push(
      invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'),
    );
  }
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0) {
    errors.push(
      invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'),
    );
  }
  if ((spec.preferredHolder ?? '') !== '' && (spec.strategy ?? '') === '') {
    errors.push(
      forbidden('spec.preferredHolder', 'may only be specified if `strategy` is defined'),
    );
  }
  return errors;
}
