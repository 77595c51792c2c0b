/**
 * Pod admission: whether a pod bound to the node fits in what the node has left of
 * its allocatable resources (upstream's `PredicateAdmitHandler`, its resource part).
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Container, Pod } from '../api/kinds/index.js';
import { parseQuantity, quantityMilliValue, quantityValue } from '../api/quantity/index.js';

/**
 * Amounts of resources: `cpu` in millicores, `pods` in pods, any other resource in its
 * own unit (bytes for `memory` and `ephemeral-storage`).
 */
export type ResourceQuantities = ReadonlyMap<string, number>;

/** A pod the node cannot run, as the kubelet reports it in the pod's status. */
export interface AdmissionRejection {
  /** `OutOfcpu`, `OutOfmemory`, `OutOfpods`, ...; `UnexpectedAdmissionError` for bad input. */
  readonly reason: string;
  /** Without the `Pod was rejected: ` prefix the pod status message adds. */
  readonly message: string;
}

/** The amount of a quantity: millicores for `cpu`, whole units otherwise. */
function amountOf(resource: string, value: string | number): Either<string, number> {
  const parsed = parseQuantity(String(value));
  if (isLeft(parsed)) {
    return left(`invalid quantity for ${resource}: ${parsed.left.message}`);
  }
  const amount =
    resource === 'cpu' ? quantityMilliValue(parsed.right) : quantityValue(parsed.right);
  return right(Number(amount));
}

/**
 * A resource list (`{ cpu: '4', memory: '16Gi' }`) as {@link ResourceQuantities}.
 *
 * Errors: `left(message)` naming the first quantity that does not parse.
 */
export function resourceAmounts(
  list: Readonly<Record<string, string | number>> | undefined,
): Either<string, ResourceQuantities> {
  const amounts = new Map<string, number>();
  for (const [resource, value] of Object.entries(list ?? {})) {
    const amount = amountOf(resource, value);
    if (isLeft(amount)) {
      return amount;
    }
    amounts.set(resource, amount.right);
  }
  return right(amounts);
}

/** One container's requests: its `requests`, and its `limits` where it requests nothing. */
function containerRequests(container: Container): Either<string, ResourceQuantities> {
  const resources = container.resources;
  const merged: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(resources?.limits ?? {})) {
    merged[name] = value;
  }
  for (const [name, value] of Object.entries(resources?.requests ?? {})) {
    merged[name] = value;
  }
  return resourceAmounts(merged);
}

/**
 * What a pod requests (upstream's `PodRequests`): per resource, the larger of the sum
 * over its containers and the largest of its init containers, plus `spec.overhead`;
 * and one `pods`.
 *
 * Errors: `left(message)` for a quantity that does not parse.
 */
export function podRequests(pod: Pod): Either<string, ResourceQuantities> {
  const sum = new Map<string, number>();
  for (const container of pod.spec?.containers ?? []) {
    const requests = containerRequests(container);
    if (isLeft(requests)) {
      return requests;
    }
    for (const [resource, amount] of requests.right) {
      sum.set(resource, (sum.get(resource) ?? 0) + amount);
    }
  }
  for (const container of pod.spec?.initContainers ?? []) {
    const requests = containerRequests(container);
    if (isLeft(requests)) {
      return requests;
    }
    for (const [resource, amount] of requests.right) {
      sum.set(resource, Math.max(sum.get(resource) ?? 0, amount));
    }
  }
  const overhead = resourceAmounts(pod.spec?.overhead);
  if (isLeft(overhead)) {
    return overhead;
  }
  for (const [resource, amount] of overhead.right) {
    sum.set(resource, (sum.get(resource) ?? 0) + amount);
  }
  sum.set('pods', 1);
  return right(sum);
}

/** The order upstream checks resources in: pods, cpu, memory, ephemeral storage, then the rest. */
const CHECK_ORDER = ['pods', 'cpu', 'memory', 'ephemeral-storage'];

/**
 * The resources of a node that admitted pods use up: admit or reject each new pod
 * against `allocatable` minus the requests of the pods admitted and not yet released.
 *
 * Guarantees: {@link NodeAdmission.admit} is synchronous, so pods are admitted in the
 * order they are offered; a rejected pod uses nothing.
 */
export class NodeAdmission {
  readonly #allocatable: ResourceQuantities;
  readonly #used = new Map<string, number>();
  readonly #admitted = new Map<string, ResourceQuantities>();

  /** Admission against `allocatable` (in the units of {@link ResourceQuantities}). */
  constructor(allocatable: ResourceQuantities) {
    this.#allocatable = allocatable;
  }

  /**
   * Admits `pod` (keyed by `uid`): answers `undefined` and counts its requests, or the
   * rejection (the first resource short, in upstream's order), as upstream's message
   * `Node didn't have enough resource: cpu, requested: 2000, used: 0, capacity: 1000`.
   * A pod already admitted is admitted again without being counted twice.
   *
   * Errors: a pod whose quantities do not parse is rejected with reason
   * `UnexpectedAdmissionError`.
   */
  admit(uid: string, pod: Pod): AdmissionRejection | undefined {
    if (this.#admitted.has(uid)) {
      return undefined;
    }
    const requests = podRequests(pod);
    if (isLeft(requests)) {
      return { reason: 'UnexpectedAdmissionError', message: requests.left };
    }
    const resources = [
      ...CHECK_ORDER.filter((resource) => requests.right.has(resource)),
      ...[...requests.right.keys()].filter((resource) => !CHECK_ORDER.includes(resource)),
    ];
    for (const resource of resources) {
      const requested = requests.right.get(resource) ?? 0;
      if (requested === 0) {
        continue;
      }
      const used = this.#used.get(resource) ?? 0;
      const capacity = this.#allocatable.get(resource) ?? 0;
      if (used + requested > capacity) {
        return {
          reason: `OutOf${resource}`,
          message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`,
        };
      }
    }
    for (const [resource, amount] of requests.right) {
      this.#used.set(resource, (this.#used.get(resource) ?? 0) + amount);
    }
    this.#admitted.set(uid, requests.right);
    return undefined;
  }

  /** Gives back what the pod `uid` used (it finished or is gone); nothing when not admitted. */
  release(uid: string): void {
    const requests = this.#admitted.get(uid);
    if (requests === undefined) {
      return;
    }
    this.#admitted.delete(uid);
    for (const [resource, amount] of requests) {
      this.#used.set(resource, (this.#used.get(resource) ?? 0) - amount);
    }
  }

  /** What the admitted pods use, per resource. */
  get used(): ResourceQuantities {
    return this.#used;
  }
}
