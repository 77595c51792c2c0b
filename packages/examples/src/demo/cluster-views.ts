/**
 * How the cluster tour describes what it reads: one line per node, pod, endpoint
 * list, route, refusal or Website, as `kubectl` would summarize them.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type {
  ApiObject,
  Backend,
  Endpoints,
  Node,
  Pod,
  ResolveFailure,
  Status,
} from '@drydock/core';
import type { Website } from '../operators/website.js';

/** Resolves to the answer's object, or throws with the apiserver's message. */
export async function must<T>(answer: Promise<Either<Status, T>>): Promise<T> {
  const result = await answer;
  if (result._tag === 'Left') {
    throw new Error(`unexpected failure: ${result.left.message ?? ''}`);
  }
  return result.right;
}

/** The status of a node's `Ready` condition (`True`, `False`, `Unknown`), or `?`. */
export function readyOf(node: Node): string {
  return node.status?.conditions?.find((condition) => condition.type === 'Ready')?.status ?? '?';
}

/** The effects of a node's `node.kubernetes.io/unreachable` taints, sorted. */
export function unreachableTaints(node: Node): readonly string[] {
  return (node.spec?.taints ?? [])
    .filter((taint) => taint.key === 'node.kubernetes.io/unreachable')
    .map((taint) => taint.effect)
    .sort();
}

/** Whether a pod is Running, Ready and not being deleted. */
export function isServing(pod: Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') &&
    pod.metadata?.deletionTimestamp === undefined
  );
}

/** `web-7f9c-x2kq → node-1: Running, Ready=True, IP 10.244.0.2`. */
export function describePod(pod: Pod): string {
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status ?? 'False';
  const deleting = pod.metadata?.deletionTimestamp === undefined ? '' : ', terminating';
  return (
    `${pod.metadata?.name ?? ''} → ${pod.spec?.nodeName ?? '(unscheduled)'}: ` +
    `${pod.status?.phase ?? 'Pending'}, Ready=${ready}, IP ${pod.status?.podIP ?? '-'}${deleting}`
  );
}

/** `ready 10.244.0.2:8080, 10.244.2.2:8080; not ready 10.244.1.2:8080`. */
export function describeEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  const list = (key: 'addresses' | 'notReadyAddresses'): string =>
    subsets
      .flatMap((subset) =>
        (subset[key] ?? []).flatMap((address) =>
          (subset.ports ?? []).map((port) => `${address.ip}:${port.port}`),
        ),
      )
      .sort()
      .join(', ');
  const ready = list('addresses');
  const notReady = list('notReadyAddresses');
  return `ready ${ready === '' ? 'none' : ready}${notReady === '' ? '' : `; not ready ${notReady}`}`;
}

/** `10.96.0.10:80 → 10.244.0.2:8080 (web-7f9c-x2kq on node-1)`, or why nothing answers. */
export function describeRoute(
  route: Either<ResolveFailure, Backend> | undefined,
  service: string,
): string {
  if (route === undefined) {
    return `${service}: no kube-proxy`;
  }
  if (route._tag === 'Left') {
    return `${service}: ${route.left.reason} (${route.left.message})`;
  }
  const { ip, port, podName, nodeName } = route.right;
  return `${service} → ${ip}:${port} (${podName ?? '?'} on ${nodeName ?? '?'})`;
}

/** `422 Invalid: spec.image: Invalid value: "": ..., spec.replicas: ...`. */
export function describeRefusal(status: Status): string {
  const causes = (status.details?.causes ?? [])
    .map((cause) => `${cause.field ?? ''}: ${cause.message ?? ''}`)
    .join('; ');
  return `${status.code ?? 0} ${status.reason ?? ''}: ${causes}`;
}

/** `Website shop` for an object's controller, or `nobody`. */
export function controllerName(object: ApiObject): string {
  const owner = object.metadata?.ownerReferences?.find((reference) => reference.controller);
  return owner === undefined ? 'nobody' : `${owner.kind} ${owner.name}`;
}

/** `website shop: 3/3 ready, url http://10.96.0.10` (the status its operator wrote). */
export function describeWebsite(website: Website): string {
  const status = website.status ?? {};
  return (
    `website ${website.metadata.name ?? ''}: ${status.readyReplicas ?? 0}/${website.spec.replicas} ready, ` +
    `url ${status.url ?? '(none yet)'}`
  );
}
