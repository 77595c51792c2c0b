/**
 * The parts of the pod strategy that are not validation or defaulting: the status of
 * a new pod and the grace period of a deleted one.
 *
 * @module
 */
import type { Container, Pod, PodStatus } from '../../api/kinds/core-v1/index.js';
import { withFields } from '../object-copy.js';

/** The default `terminationGracePeriodSeconds` of a pod. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

/**
 * A new pod's status, as upstream's `PrepareForCreate` sets it: phase `Pending` and
 * its QoS class.
 */
export function preparePodForCreate(pod: Pod): Pod {
  return withFields(pod, { status: { phase: 'Pending', qosClass: qosClassOf(pod) } });
}

/**
 * The QoS class of a pod, as upstream's `GetPodQOS`: `BestEffort` when no container
 * requests or limits CPU or memory; `Guaranteed` when every container limits both
 * and requests exactly its limits; `Burstable` otherwise.
 *
 * Caveats: quantities are compared as written (`1` and `1000m` differ), which the
 * defaulting of requests from limits makes equal in practice.
 */
export function qosClassOf(pod: Pod): NonNullable<PodStatus['qosClass']> {
  const qos = { anyResource: false, guaranteed: true };
  for (const container of pod.spec?.containers ?? []) {
    addContainerResources(container, qos);
  }
  for (const container of pod.spec?.initContainers ?? []) {
    addContainerResources(container, qos);
  }
  if (!qos.anyResource) {
    return 'BestEffort';
  }
  return qos.guaranteed ? 'Guaranteed' : 'Burstable';
}

/** What {@link qosClassOf} learns from the containers seen so far. */
interface QosEvidence {
  anyResource: boolean;
  guaranteed: boolean;
}

function addContainerResources(container: Container, qos: QosEvidence): void {
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  addResource(requests['cpu'], limits['cpu'], qos);
  addResource(requests['memory'], limits['memory'], qos);
}

function addResource(
  request: string | number | undefined,
  limit: string | number | undefined,
  qos: QosEvidence,
): void {
  if (request !== undefined || limit !== undefined) {
    qos.anyResource = true;
  }
  if (limit === undefined || (request !== undefined && request !== limit)) {
    qos.guaranteed = false;
  }
}

/**
 * The grace period of a pod deletion, as upstream's `CheckGracefulDelete`: 0 for a
 * pod that is not scheduled or has finished (nothing to stop); else the requested
 * period (a negative one counts as 1), or the pod's `terminationGracePeriodSeconds`.
 */
export function podGracePeriodSeconds(pod: Pod, requested: number | undefined): number {
  const phase = pod.status?.phase;
  if (
    pod.spec?.nodeName === undefined ||
    pod.spec.nodeName === '' ||
    phase === 'Succeeded' ||
    phase === 'Failed'
  ) {
    return 0;
  }
  if (requested !== undefined) {
    return requested < 0 ? 1 : requested;
  }
  return pod.spec.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
}
