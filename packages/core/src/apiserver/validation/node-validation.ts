/**
 * Semantic validation of a node, as upstream's `ValidateNode` (lightly: taints and pod
 * CIDRs).
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Node, Taint } from '../../api/kinds/core-v1/index.js';
import { at, child, duplicate, invalid } from './field-errors.js';
import { isQualifiedName, isValidLabelValue } from './name-rules.js';
import { validateObjectMeta } from './object-meta-validation.js';
import { validateTaintEffect } from './toleration-validation.js';

const IPV4_CIDR =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/;
const IPV6_CIDR = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\/(12[0-8]|1[01]\d|[1-9]?\d)$/;
const CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/**
 * The problems with a node: its metadata (cluster-scoped, name a DNS-1123 subdomain);
 * its taints (keys qualified names, values label values, effects set and supported,
 * unique by key and effect: `Duplicate value: {...}: taints must be unique by key and
 * effect pair`); its pod CIDRs (each a CIDR, at most one per IP family).
 *
 * Caveats: CIDRs are checked by shape (an IPv6 address's groups are not counted);
 * status is not validated.
 */
export function validateNode(node: Node): FieldError[] {
  const errors = validateObjectMeta(node.metadata ?? {}, {
    namespaced: false,
    nameRule: 'subdomain',
  });
  errors.push(...validateTaints(node.spec?.taints, 'spec.taints'));
  const podCIDRs = node.spec?.podCIDRs ?? [];
  podCIDRs.forEach((cidr, i) => {
    if (!IPV4_CIDR.test(cidr) && !IPV6_CIDR.test(cidr)) {
      errors.push(invalid(at('spec.podCIDRs', i), cidr, CIDR_MESSAGE));
    }
  });
  if (
    podCIDRs.length > 2 ||
    (podCIDRs.length === 2 && isIPv6(podCIDRs[0]) === isIPv6(podCIDRs[1]))
  ) {
    errors.push(
      invalid('spec.podCIDRs', podCIDRs, 'may specify no more than one CIDR for each IP family'),
    );
  }
  const podCIDR = node.spec?.podCIDR;
  if (
    podCIDR !== undefined &&
    podCIDR !== '' &&
    !IPV4_CIDR.test(podCIDR) &&
    !IPV6_CIDR.test(podCIDR)
  ) {
    errors.push(invalid('spec.podCIDR', podCIDR, CIDR_MESSAGE));
  }
  return errors;
}

function validateTaints(taints: readonly Taint[] | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  (taints ?? []).forEach((taint, i) => {
    const item = at(path, i);
    for (const problem of isQualifiedName(taint.key)) {
      errors.push(invalid(child(item, 'key'), taint.key, problem));
    }
    const value = taint.value ?? '';
    const valueProblems = isValidLabelValue(value);
    if (valueProblems.length > 0) {
      errors.push(invalid(child(item, 'value'), value, valueProblems.join(';')));
    }
    errors.push(
      ...validateTaintEffect(taint.effect, { path: child(item, 'effect'), allowEmpty: false }),
    );
    const identity = `${taint.effect}\u0000${taint.key}`;
    if (seen.has(identity)) {
      errors.push(duplicate(item, taint, 'taints must be unique by key and effect pair'));
    }
    seen.add(identity);
  });
  return errors;
}

function isIPv6(cidr: string | undefined): boolean {
  return cidr?.includes(':') === true;
}
