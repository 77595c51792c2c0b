/**
 * Upstream's defaults for a pod (`SetDefaults_Pod`, `SetDefaults_PodSpec` and the
 * containers'), and those the built-in admission plugins add on create: `Priority`,
 * `DefaultTolerationSeconds` and `ServiceAccount`.
 *
 * @module
 */
import type { Pod, PodSpec, Toleration, Volume } from '../../api/kinds/core-v1/index.js';
import { defaultContainer, mapSame } from './container-defaults.js';

/** How long a pod tolerates its node being not ready or unreachable before eviction. */
export const DEFAULT_TOLERATION_SECONDS = 300;

const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

/**
 * The pod with upstream's defaults:
 * - spec: `restartPolicy` `Always`, `terminationGracePeriodSeconds` 30, `dnsPolicy`
 *   `ClusterFirst`, `schedulerName` `default-scheduler`, `securityContext` `{}`,
 *   `enableServiceLinks` true; a volume without a source gets `emptyDir: {}`;
 * - containers and init containers: see `defaultContainer`;
 * - admission: `priority` 0 and `preemptionPolicy` `PreemptLowerPriority` when no
 *   `priorityClassName` is given; tolerations of `node.kubernetes.io/not-ready` and
 *   `node.kubernetes.io/unreachable` (`Exists`, `NoExecute`, 300 s) unless already
 *   tolerated; `serviceAccountName` (and its deprecated alias `serviceAccount`)
 *   `default`.
 *
 * Guarantees: never changes its argument; idempotent; returns the argument itself when
 * every default is already there.
 *
 * Caveats: a `priorityClassName` is not resolved to its priority (that needs the
 * PriorityClass store); the service account's token volume is not added.
 */
export function defaultPod(pod: Pod): Pod {
  if (pod.spec === undefined) {
    return pod;
  }
  const spec = defaultPodSpec(pod.spec);
  return spec === pod.spec ? pod : { ...pod, spec };
}

/** The pod spec with the defaults {@link defaultPod} lists; the argument itself if complete. */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  let result = spec;
  const set = <K extends keyof PodSpec>(key: K, value: PodSpec[K]): void => {
    if (result === spec) {
      result = { ...spec };
    }
    result[key] = value;
  };
  const scalarDefaults: Partial<PodSpec> = {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
  };
  for (const key of Object.keys(scalarDefaults) as (keyof typeof scalarDefaults)[]) {
    if (spec[key] === undefined) {
      set(key, scalarDefaults[key]);
    }
  }
  if (spec.securityContext === undefined) {
    set('securityContext', {});
  }
  const containers = mapSame(spec.containers, defaultContainer);
  if (containers !== spec.containers) {
    set('containers', containers);
  }
  if (spec.initContainers !== undefined) {
    const initContainers = mapSame(spec.initContainers, defaultContainer);
    if (initContainers !== spec.initContainers) {
      set('initContainers', initContainers);
    }
  }
  if (spec.volumes !== undefined) {
    const volumes = mapSame(spec.volumes, defaultVolume);
    if (volumes !== spec.volumes) {
      set('volumes', volumes);
    }
  }
  if ((spec.priorityClassName ?? '') === '') {
    if (spec.priority === undefined) {
      set('priority', 0);
    }
    if (spec.preemptionPolicy === undefined) {
      set('preemptionPolicy', 'PreemptLowerPriority');
    }
  }
  const tolerations = withDefaultTolerations(spec.tolerations);
  if (tolerations !== spec.tolerations) {
    set('tolerations', tolerations);
  }
  const serviceAccount = spec.serviceAccountName || spec.serviceAccount || 'default';
  if (spec.serviceAccountName !== serviceAccount) {
    set('serviceAccountName', serviceAccount);
  }
  if (spec.serviceAccount !== serviceAccount) {
    set('serviceAccount', serviceAccount);
  }
  return result;
}

function defaultVolume(volume: Volume): Volume {
  const hasSource = Object.keys(volume).some(
    (key) => key !== 'name' && (volume as Record<string, unknown>)[key] !== undefined,
  );
  return hasSource ? volume : { ...volume, emptyDir: {} };
}

// The tolerations plus DefaultTolerationSeconds' two, for the taints not yet tolerated.
function withDefaultTolerations(tolerations: Toleration[] | undefined): Toleration[] | undefined {
  const existing = tolerations ?? [];
  const tolerates = (taint: string) =>
    existing.some(
      (t) =>
        ((t.key ?? '') === '' || t.key === taint) &&
        ((t.effect ?? '') === '' || t.effect === 'NoExecute'),
    );
  const added = [NOT_READY_TAINT, UNREACHABLE_TAINT]
    .filter((taint) => !tolerates(taint))
    .map((key): Toleration => ({
      key,
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
    }));
  return added.length === 0 ? tolerations : [...existing, ...added];
}
