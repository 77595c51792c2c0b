/**
 * The cluster IP step of a service write: IP family fields, then the cluster IP,
 * requested or allocated, as upstream's `allocClusterIPs` on a single-stack IPv4
 * cluster.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { ServiceSpec } from '../../api/kinds/core-v1/index.js';
import { internalError, type Status } from '../../api/status/index.js';
import { withFields } from '../object-copy.js';
import { invalid } from '../validation/field-errors.js';
import { isHeadless, type AllocationContext } from './allocation-context.js';

/**
 * `spec` with `ipFamilyPolicy` and `ipFamilies` set: `SingleStack` / `[IPv4]` unless
 * given; a headless service without selector `RequireDualStack` / `[IPv4, IPv6]`, as
 * upstream allows even on a single-stack cluster.
 *
 * Errors: 422 for an IPv6 family (`spec.ipFamilies[0]: Invalid value: "IPv6": not
 * configured on this cluster`) or `RequireDualStack` on a service with a cluster IP
 * (`this cluster is not configured for dual-stack services`).
 */
export function withIPFamilyFields(
  spec: ServiceSpec,
  context: AllocationContext,
): Either<Status, ServiceSpec> {
  if (isHeadless(spec) && Object.keys(spec.selector ?? {}).length === 0) {
    const policy = spec.ipFamilyPolicy ?? 'RequireDualStack';
    const families = spec.ipFamilies ?? ['IPv4'];
    const dual = policy !== 'SingleStack' && families.length < 2;
    return right(
      withFields(spec, {
        ipFamilyPolicy: policy,
        ipFamilies: dual ? [...families, families[0] === 'IPv4' ? 'IPv6' : 'IPv4'] : families,
      }),
    );
  }
  const policy = spec.ipFamilyPolicy ?? 'SingleStack';
  const errors = [];
  if (policy === 'RequireDualStack') {
    errors.push(
      invalid(
        'spec.ipFamilyPolicy',
        policy,
        'this cluster is not configured for dual-stack services',
      ),
    );
  }
  for (const [index, family] of (spec.ipFamilies ?? []).entries()) {
    if (family !== 'IPv4') {
      errors.push(invalid(`spec.ipFamilies[${index}]`, family, 'not configured on this cluster'));
    }
  }
  if (errors.length > 0) {
    return left(context.invalid(errors));
  }
  return right(withFields(spec, { ipFamilyPolicy: policy, ipFamilies: ['IPv4'] }));
}

/**
 * `spec` with its cluster IP: `None` kept for a headless service; a requested one
 * (`clusterIP`, or `clusterIPs[0]`) reserved; otherwise the next free address of the
 * range. `clusterIP` and `clusterIPs` agree afterwards. What it takes is listed in
 * `context.reserved` (a dry run's too: the caller gives those back at once).
 *
 * Errors: 422 at `spec.clusterIPs` for a requested address that is no IPv4 address,
 * lies outside the range (`failed to allocate IP 10.0.0.1: provided IP is not in the
 * valid range. The range of valid IPs is 10.96.0.0/12`) or is taken (`...: provided
 * IP is already allocated`), or when `clusterIP` and `clusterIPs[0]` differ; 500
 * `failed to allocate a serviceIP: range is full`.
 */
export function withClusterIP(
  spec: ServiceSpec,
  context: AllocationContext,
): Either<Status, ServiceSpec> {
  if (isHeadless(spec)) {
    return right(withFields(spec, { clusterIP: 'None', clusterIPs: ['None'] }));
  }
  const single = spec.clusterIP ?? '';
  const listed = spec.clusterIPs ?? [];
  const first = listed[0] ?? '';
  if (single !== '' && first !== '' && single !== first) {
    return left(
      context.invalid([invalid('spec.clusterIPs', listed, 'must match `clusterIP` at index 0')]),
    );
  }
  const requested = single === '' ? first : single;
  const { clusterIPRange: range, clusterIPs: pool } = context;
  if (requested === '') {
    const offset = pool.allocateNext(context.owner, { keepCursor: context.dryRun });
    if (offset === undefined) {
      return left(internalError({ message: 'failed to allocate a serviceIP: range is full' }));
    }
    context.reserved.push({ pool, offset });
    const address = range.addressAt(offset);
    return right(withFields(spec, { clusterIP: address, clusterIPs: [address] }));
  }
  const offset = range.offsetOf(requested);
  const failure = (detail: string): Either<Status, ServiceSpec> =>
    left(
      context.invalid([
        invalid('spec.clusterIPs', [requested], `failed to allocate IP ${requested}: ${detail}`),
      ]),
    );
  if (offset === 'invalid') {
    return left(
      context.invalid([invalid('spec.clusterIPs[0]', requested, 'must be a valid IP address')]),
    );
  }
  if (offset === 'out-of-range') {
    return failure(
      `provided IP is not in the valid range. The range of valid IPs is ${range.cidr}`,
    );
  }
  const owner = pool.ownerOf(offset);
  if (owner !== undefined) {
    return failure('provided IP is already allocated');
  }
  pool.reserve(offset, context.owner);
  context.reserved.push({ pool, offset });
  return right(withFields(spec, { clusterIP: requested, clusterIPs: [requested] }));
}
