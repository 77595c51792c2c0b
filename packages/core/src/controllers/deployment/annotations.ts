/**
 * The labels and annotations the Deployment controller writes on its ReplicaSets
 * (and on the Deployment itself), and reading them back, as upstream's
 * `deployment/util`.
 *
 * @module
 */
import type { ApiObject } from '../../apiserver/index.js';

/** The label that tells apart the ReplicaSets (and pods) of each template of a Deployment. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** The revision of a ReplicaSet (and the Deployment's current one): `1`, `2`, ... */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** The Deployment's `spec.replicas` when it last sized this ReplicaSet. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';

/** The Deployment's `spec.replicas` plus its max surge when it last sized this ReplicaSet. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';

/**
 * The integer annotation `key` of `object`; `undefined` when absent or not a
 * base-10 integer (upstream ignores such a value too).
 */
export function intAnnotation(object: ApiObject, key: string): number | undefined {
  const value = object.metadata?.annotations?.[key];
  if (value === undefined || !/^-?\d+$/.test(value)) {
    return undefined;
  }
  return Number.parseInt(value, 10);
}

/** The object's revision ({@link REVISION_ANNOTATION}); 0 when it has none (or an unreadable one). */
export function revisionOf(object: ApiObject): number {
  return intAnnotation(object, REVISION_ANNOTATION) ?? 0;
}

/** The highest revision of `objects`; 0 when none has one. */
export function maxRevision(objects: readonly ApiObject[]): number {
  let max = 0;
  for (const object of objects) {
    max = Math.max(max, revisionOf(object));
  }
  return max;
}

/**
 * Whether the ReplicaSet's replicas annotations differ from `desired` and `max`
 * (upstream's `ReplicasAnnotationsNeedUpdate`).
 */
export function replicasAnnotationsNeedUpdate(
  replicaSet: ApiObject,
  sizes: { readonly desired: number; readonly max: number },
): boolean {
  const annotations = replicaSet.metadata?.annotations;
  return (
    annotations?.[DESIRED_REPLICAS_ANNOTATION] !== String(sizes.desired) ||
    annotations[MAX_REPLICAS_ANNOTATION] !== String(sizes.max)
  );
}

/** The replicas annotations to write for a Deployment of `desired` replicas and `max` with surge. */
export function replicasAnnotations(sizes: {
  readonly desired: number;
  readonly max: number;
}): Readonly<Record<string, string>> {
  return {
    [DESIRED_REPLICAS_ANNOTATION]: String(sizes.desired),
    [MAX_REPLICAS_ANNOTATION]: String(sizes.max),
  };
}
