/**
 * Upstream's defaults for a pod (`SetDefaults_Pod`, `SetDefaults_PodSpec` and the
 * containers'), and those the built-in admission plugins add on create: `Priority`,
 * `DefaultTolerationSeconds` and `ServiceAccount`.
 *
 * @module
 */
import type { Pod, PodSpec, Toleration, Volume } from '../../api/kinds/core-v1/index.js';
import { defaultContainer, mapSame, withRequestsFromLimits } from './container-defaults.js';
import { copyObject } from '../object-copy.js';

/** How long a pod tolerates its node being not ready or unreachable before eviction. */
export const DEFAULT_TOLERATION_SECONDS = 300;

const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

// Looked up once: in a `vm` context (as jest runs tests) each global lookup goes
// through the context's interceptors.
const hasOwnField = Object.hasOwn;

/**
 * The pod with upstream's defaults:
 * - its spec as a pod template's (see {@link defaultPodSpec});
 * - and what only pods get (`SetDefaults_Pod`): `enableServiceLinks` true, and each
 *   container's limited resources requested at their limit when no request is given;
 * - admission: `priority` 0 and `preemptionPolicy` `PreemptLowerPriority` when no
 *   `priorityClassName` is given; tolerations of `node.kubernetes.io/not-ready` and
 *   `node.kubernetes.io/unreachable` (`Exists`, `NoExecute`, 300 s) unless already
 *   tolerated; `serviceAccountName` (and its deprecated alias `serviceAccount`)
 *   `default`.
 *
 * Guarantees: never changes its argument; idempotent; returns the argument itself when
 * every default is already there. The two tolerations it adds are frozen objects
 * shared by every pod (and so is the list, for a pod that had none).
 *
 * Caveats: a `priorityClassName` is not resolved to its priority (that needs the
 * PriorityClass store); the service account's token volume is not added.
 */
export function defaultPod(pod: Pod): Pod {
  if (pod.spec === undefined) {
    return pod;
  }
  const templateDefaulted = defaultPodSpec(pod.spec);
  const spec = withPodOnlyDefaults(templateDefaulted, templateDefaulted !== pod.spec);
  if (spec === pod.spec) {
    return pod;
  }
  const result = copyObject(pod);
  result.spec = spec;
  return result;
}

/**
 * The pod spec with upstream's `SetDefaults_PodSpec`, which pod templates get too
 * (those of Deployments, ReplicaSets...): `restartPolicy` `Always`,
 * `terminationGracePeriodSeconds` 30, `dnsPolicy` `ClusterFirst`, `schedulerName`
 * `default-scheduler`, `securityContext` `{}`; the containers' defaults (see
 * `defaultContainer`); a volume without a source gets `emptyDir: {}`. The argument
 * itself if complete.
 */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  const containers = mapSame(spec.containers, defaultContainer);
  const initContainers =
    spec.initContainers === undefined ? undefined : mapSame(spec.initContainers, defaultContainer);
  const volumes = spec.volumes === undefined ? undefined : mapSame(spec.volumes, defaultVolume);
  const complete =
    spec.restartPolicy !== undefined &&
    spec.terminationGracePeriodSeconds !== undefined &&
    spec.dnsPolicy !== undefined &&
    spec.schedulerName !== undefined &&
    spec.securityContext !== undefined &&
    containers === spec.containers &&
    initContainers === spec.initContainers &&
    volumes === spec.volumes;
  if (complete) {
    return spec;
  }
  // One copy, filled in place: existing fields keep their place, new ones follow.
  const result = copyObject(spec);
  if (spec.restartPolicy === undefined) {
    result.restartPolicy = 'Always';
  }
  if (spec.terminationGracePeriodSeconds === undefined) {
    result.terminationGracePeriodSeconds = 30;
  }
  if (spec.dnsPolicy === undefined) {
    result.dnsPolicy = 'ClusterFirst';
  }
  if (spec.schedulerName === undefined) {
    result.schedulerName = 'default-scheduler';
  }
  if (spec.securityContext === undefined) {
    result.securityContext = {};
  }
  result.containers = containers;
  if (initContainers !== undefined) {
    result.initContainers = initContainers;
  }
  if (volumes !== undefined) {
    result.volumes = volumes;
  }
  return result;
}

// The defaults only a pod's spec gets (see defaultPod): filled into `spec` itself when
// it is a copy of this defaulting's own (`fresh`), else into one new copy; `spec`
// itself when they are all there.
function withPodOnlyDefaults(spec: PodSpec, fresh: boolean): PodSpec {
  const containers = mapSame(spec.containers, withRequestsFromLimits);
  const initContainers =
    spec.initContainers === undefined
      ? undefined
      : mapSame(spec.initContainers, withRequestsFromLimits);
  const tolerations = withDefaultTolerations(spec.tolerations);
  const serviceAccount = spec.serviceAccountName || spec.serviceAccount || 'default';
  const classless = (spec.priorityClassName ?? '') === '';
  const complete =
    spec.enableServiceLinks !== undefined &&
    containers === spec.containers &&
    initContainers === spec.initContainers &&
    tolerations === spec.tolerations &&
    spec.serviceAccountName === serviceAccount &&
    spec.serviceAccount === serviceAccount &&
    (!classless || (spec.priority !== undefined && spec.preemptionPolicy !== undefined));
  if (complete) {
    return spec;
  }
  const result = fresh ? spec : copyObject(spec);
  if (spec.enableServiceLinks === undefined) {
    result.enableServiceLinks = true;
  }
  result.containers = containers;
  if (initContainers !== undefined) {
    result.initContainers = initContainers;
  }
  if (classless && spec.priority === undefined) {
    result.priority = 0;
  }
  if (classless && spec.preemptionPolicy === undefined) {
    result.preemptionPolicy = 'PreemptLowerPriority';
  }
  if (tolerations !== undefined) {
    result.tolerations = tolerations;
  }
  result.serviceAccountName = serviceAccount;
  result.serviceAccount = serviceAccount;
  return result;
}

function defaultVolume(volume: Volume): Volume {
  const fields = volume as Readonly<Record<string, unknown>>;
  for (const key in fields) {
    if (key !== 'name' && fields[key] !== undefined && hasOwnField(fields, key)) {
      return volume;
    }
  }
  const result = copyObject(volume);
  result.emptyDir = {};
  return result;
}

// DefaultTolerationSeconds' two tolerations, frozen and shared by every pod that gets
// them (stored objects are frozen anyway, and never changed in place).
const NOT_READY_TOLERATION = defaultToleration(NOT_READY_TAINT);
const UNREACHABLE_TOLERATION = defaultToleration(UNREACHABLE_TAINT);
const DEFAULT_TOLERATIONS: Toleration[] = Object.freeze([
  NOT_READY_TOLERATION,
  UNREACHABLE_TOLERATION,
]) as Toleration[];

// The tolerations plus DefaultTolerationSeconds' two, for the taints not yet tolerated;
// the argument itself when both are tolerated.
function withDefaultTolerations(tolerations: Toleration[] | undefined): Toleration[] | undefined {
  const existing = tolerations ?? [];
  if (existing.length === 0) {
    return DEFAULT_TOLERATIONS;
  }
  const notReady = tolerates(existing, NOT_READY_TAINT);
  const unreachable = tolerates(existing, UNREACHABLE_TAINT);
  if (notReady && unreachable) {
    return tolerations;
  }
  // Sized exactly (`push` would leave room for 16 more in the stored pod).
  const result = new Array<Toleration>(
    existing.length + (notReady ? 0 : 1) + (unreachable ? 0 : 1),
  );
  let at = 0;
  for (const toleration of existing) {
    result[at++] = toleration;
  }
  if (!notReady) {
    result[at++] = NOT_READY_TOLERATION;
  }
  if (!unreachable) {
    result[at] = UNREACHABLE_TOLERATION;
  }
  return result;
}

// Whether one of the tolerations tolerates the taint with effect `NoExecute`.
function tolerates(tolerations: readonly Toleration[], taint: string): boolean {
  for (const toleration of tolerations) {
    if (
      ((toleration.key ?? '') === '' || toleration.key === taint) &&
      ((toleration.effect ?? '') === '' || toleration.effect === 'NoExecute')
    ) {
      return true;
    }
  }
  return false;
}

function defaultToleration(key: string): Toleration {
  return Object.freeze({
    key,
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
  });
}
