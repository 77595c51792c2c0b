/**
 * A pod's {@link PodInfo}: its effective requests in numbers, computed once per list
 * of containers and cached (pods are frozen and replaced on every change, and keep
 * their containers list through bindings and status updates).
 *
 * The effective requests follow upstream's `PodRequests`: the sum of the containers'
 * requests; each init container's requests (plus those of the restartable "sidecar"
 * init containers started before it) raise that to their maximum; sidecars add to the
 * sum; then `spec.overhead` is added. The non-zero requests are the same with 100m cpu
 * and 200 MiB memory for any container that does not set them.
 *
 * @module
 */
import type { Container, Pod } from '../../api/kinds/index.js';
import type { PodInfo, ResourceAmounts } from './node-info.js';
import {
  addResourceList,
  emptyResourceAmounts,
  quantityNumber,
  type MutableResourceAmounts,
} from './resource-amounts.js';

/** The cpu a container without a cpu request counts for in scoring: 100m (upstream's). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;

/** The memory a container without a memory request counts for in scoring: 200 MiB. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** What a pod's containers decide: its requests (see {@link podInfoOf}). */
type RequestFacts = Pick<PodInfo, 'requests' | 'nonZeroRequests'>;

// Requests are computed once per list of containers when the spec has nothing else that
// adds to them (no init containers, no overhead): the pods of one template share their
// containers (the apiserver keeps a template's frozen parts as they are), and a
// binding or status update keeps them. Otherwise once per spec object.
const requestFacts = new WeakMap<object, RequestFacts>();

/**
 * The scheduler's view of `pod`: its key, effective requests (`pods` is 1), non-zero
 * requests and whether it has pod (anti-)affinity terms.
 *
 * Guarantees: the requests are computed once per containers list (or per spec, for a
 * pod with init containers or an overhead) and shared, frozen, by the pods that have
 * it: the versions of a pod, and the pods of one template, cost no quantity parsing;
 * the caches do not keep pods alive; never throws: a quantity that does not parse
 * counts as 0.
 */
export function podInfoOf(pod: Pod): PodInfo {
  const spec = pod.spec;
  let facts: RequestFacts | undefined;
  let factsKey: object | undefined;
  if (spec !== undefined) {
    factsKey =
      spec.initContainers === undefined &&
      spec.overhead === undefined &&
      Array.isArray(spec.containers)
        ? spec.containers
        : spec;
    facts = requestFacts.get(factsKey);
  }
  if (facts === undefined) {
    facts = computeRequestFacts(pod);
    if (factsKey !== undefined) {
      requestFacts.set(factsKey, facts);
    }
  }
  const affinity = spec?.affinity;
  const podAffinity = affinity?.podAffinity;
  const podAntiAffinity = affinity?.podAntiAffinity;
  const hasRequiredAntiAffinity =
    (podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
  const hasAffinity =
    hasRequiredAntiAffinity ||
    (podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0 ||
    (podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0 ||
    (podAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
  return Object.freeze({
    pod,
    key: podKeyOf(pod),
    requests: facts.requests,
    nonZeroRequests: facts.nonZeroRequests,
    hasAffinity,
    hasRequiredAntiAffinity,
  });
}

/** `namespace/name` of a pod (`name` alone for an empty namespace). */
export function podKeyOf(pod: Pod): string {
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  return namespace === '' ? name : `${namespace}/${name}`;
}

function computeRequestFacts(pod: Pod): RequestFacts {
  const spec = pod.spec;
  const requests = emptyResourceAmounts();
  const nonZero = { milliCpu: 0, memory: 0 };
  const containers: readonly Container[] = Array.isArray(spec?.containers) ? spec.containers : [];
  for (const container of containers) {
    addResourceList(requests, container.resources?.requests, false);
    addNonZero(nonZero, container);
  }
  const initContainers: readonly Container[] = Array.isArray(spec?.initContainers)
    ? spec.initContainers
    : [];
  if (initContainers.length > 0) {
    const sidecars = emptyResourceAmounts();
    const sidecarsNonZero = { milliCpu: 0, memory: 0 };
    const initMax = emptyResourceAmounts();
    const initMaxNonZero = { milliCpu: 0, memory: 0 };
    for (const container of initContainers) {
      const own = emptyResourceAmounts();
      addResourceList(own, container.resources?.requests, false);
      const ownNonZero = { milliCpu: 0, memory: 0 };
      addNonZero(ownNonZero, container);
      if (container.restartPolicy === 'Always') {
        addAmounts(requests, own);
        addAmounts(sidecars, own);
        addNonZeroAmounts(nonZero, ownNonZero);
        addNonZeroAmounts(sidecarsNonZero, ownNonZero);
        maxAmounts(initMax, sidecars);
        maxNonZero(initMaxNonZero, sidecarsNonZero);
      } else {
        addAmounts(own, sidecars);
        addNonZeroAmounts(ownNonZero, sidecarsNonZero);
        maxAmounts(initMax, own);
        maxNonZero(initMaxNonZero, ownNonZero);
      }
    }
    maxAmounts(requests, initMax);
    maxNonZero(nonZero, initMaxNonZero);
  }
  const overhead = spec?.overhead;
  if (overhead !== undefined) {
    addResourceList(requests, overhead, false);
    nonZero.milliCpu += quantityNumber(overhead['cpu'], true);
    nonZero.memory += quantityNumber(overhead['memory'], false);
  }
  requests.pods = 1;
  return Object.freeze({
    requests: Object.freeze(requests),
    nonZeroRequests: Object.freeze(nonZero),
  });
}

interface NonZero {
  milliCpu: number;
  memory: number;
}

function addNonZero(into: NonZero, container: Container): void {
  const requests = container.resources?.requests;
  const cpu = requests?.['cpu'];
  const memory = requests?.['memory'];
  into.milliCpu += cpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : quantityNumber(cpu, true);
  into.memory += memory === undefined ? DEFAULT_MEMORY_REQUEST : quantityNumber(memory, false);
}

function addNonZeroAmounts(into: NonZero, other: NonZero): void {
  into.milliCpu += other.milliCpu;
  into.memory += other.memory;
}

function maxNonZero(into: NonZero, other: NonZero): void {
  into.milliCpu = Math.max(into.milliCpu, other.milliCpu);
  into.memory = Math.max(into.memory, other.memory);
}

function addAmounts(into: MutableResourceAmounts, other: ResourceAmounts): void {
  into.milliCpu += other.milliCpu;
  into.memory += other.memory;
  into.ephemeralStorage += other.ephemeralStorage;
  for (const [name, value] of other.scalar) {
    into.scalar.set(name, (into.scalar.get(name) ?? 0) + value);
  }
}

function maxAmounts(into: MutableResourceAmounts, other: ResourceAmounts): void {
  into.milliCpu = Math.max(into.milliCpu, other.milliCpu);
  into.memory = Math.max(into.memory, other.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, other.ephemeralStorage);
  for (const [name, value] of other.scalar) {
    into.scalar.set(name, Math.max(into.scalar.get(name) ?? 0, value));
  }
}
