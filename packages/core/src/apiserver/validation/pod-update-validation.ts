/**
 * Semantic validation of pod updates, as upstream's `ValidatePodUpdate` and
 * `ValidatePodStatusUpdate`: a pod's spec is all but immutable once created.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Pod, PodSpec, Toleration } from '../../api/kinds/core-v1/index.js';
import { child, forbidden, invalid, jsonEqual, required } from './field-errors.js';
import { isDNS1123Subdomain } from './name-rules.js';
import { validateObjectMetaUpdate } from './object-meta-validation.js';
import { validatePodSpec } from './pod-validation.js';

/** Upstream's `spec: Forbidden` detail for a pod update that changes an immutable field. */
export const POD_SPEC_UPDATE_FORBIDDEN_DETAIL =
  'pod updates may not change fields other than `spec.containers[*].image`,' +
  '`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,' +
  '`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const META_OPTIONS = { namespaced: true, nameRule: 'subdomain' } as const;
const INT32_MAX = 2 ** 31 - 1;

/**
 * The problems with an update of a pod's metadata and spec.
 *
 * Checks: the metadata update (see `validateObjectMetaUpdate`); the new spec (see
 * `validatePodSpec`); no container is added or removed; images are set;
 * `activeDeadlineSeconds` may only be set or lowered, never removed; existing
 * tolerations may only change their `tolerationSeconds`; and every other spec field
 * is unchanged, else `spec: Forbidden: pod updates may not change fields other than
 * ...` ({@link POD_SPEC_UPDATE_FORBIDDEN_DETAIL}).
 *
 * Caveats: upstream appends a Go diff of the two specs to that message; drydock does not.
 */
export function validatePodUpdate(newPod: Pod, oldPod: Pod): FieldError[] {
  const errors = validateObjectMetaUpdate(
    newPod.metadata ?? {},
    oldPod.metadata ?? {},
    META_OPTIONS,
  );
  const newSpec = newPod.spec;
  const oldSpec = oldPod.spec;
  if (newSpec === undefined) {
    return [...errors, required('spec')];
  }
  errors.push(...validatePodSpec(newSpec, 'spec'));
  if (oldSpec === undefined) {
    return errors;
  }
  if (
    newSpec.containers.length !== oldSpec.containers.length ||
    (newSpec.initContainers?.length ?? 0) !== (oldSpec.initContainers?.length ?? 0)
  ) {
    const list =
      newSpec.containers.length !== oldSpec.containers.length ? 'containers' : 'initContainers';
    errors.push(forbidden(child('spec', list), 'pod updates may not add or remove containers'));
    return errors;
  }
  const deadlineErrors = validateDeadlineUpdate(newSpec, oldSpec);
  if (deadlineErrors.length > 0) {
    return [...errors, ...deadlineErrors];
  }
  const tolerationErrors = validateOnlyAddedTolerations(
    newSpec.tolerations ?? [],
    oldSpec.tolerations ?? [],
  );
  errors.push(...tolerationErrors);
  if (!jsonEqual(withMutableFieldsOf(oldSpec, newSpec), newSpec)) {
    errors.push(forbidden('spec', POD_SPEC_UPDATE_FORBIDDEN_DETAIL));
  }
  return errors;
}

/**
 * The problems with an update of a pod's status (the `/status` subresource): the
 * metadata update, `spec.nodeName` unchanged (`status.nodeName: Forbidden: may not be
 * changed directly`, as upstream words it), and a new `nominatedNodeName` a DNS-1123
 * subdomain.
 */
export function validatePodStatusUpdate(newPod: Pod, oldPod: Pod): FieldError[] {
  const errors = validateObjectMetaUpdate(
    newPod.metadata ?? {},
    oldPod.metadata ?? {},
    META_OPTIONS,
  );
  if ((newPod.spec?.nodeName ?? '') !== (oldPod.spec?.nodeName ?? '')) {
    errors.push(forbidden('status.nodeName', 'may not be changed directly'));
  }
  const nominated = newPod.status?.nominatedNodeName ?? '';
  if (nominated !== '' && nominated !== (oldPod.status?.nominatedNodeName ?? '')) {
    for (const problem of isDNS1123Subdomain(nominated)) {
      errors.push(invalid('status.nominatedNodeName', nominated, problem));
    }
  }
  return errors;
}

function validateDeadlineUpdate(newSpec: PodSpec, oldSpec: PodSpec): FieldError[] {
  const path = 'spec.activeDeadlineSeconds';
  const next = newSpec.activeDeadlineSeconds;
  const previous = oldSpec.activeDeadlineSeconds;
  if (next === undefined) {
    return previous === undefined
      ? []
      : [invalid(path, undefined, 'must not update from a positive integer to nil value')];
  }
  if (next < 0 || next > INT32_MAX) {
    return [invalid(path, next, `must be between 0 and ${INT32_MAX}, inclusive`)];
  }
  if (previous !== undefined && previous < next) {
    return [invalid(path, next, 'must be less than or equal to previous value')];
  }
  return [];
}

// Every old toleration must still be there, its tolerationSeconds aside.
function validateOnlyAddedTolerations(
  newTolerations: readonly Toleration[],
  oldTolerations: readonly Toleration[],
): FieldError[] {
  const kept = oldTolerations.every((old) =>
    newTolerations.some((next) =>
      jsonEqual({ ...old, tolerationSeconds: next.tolerationSeconds }, next),
    ),
  );
  return kept
    ? []
    : [
        forbidden(
          'spec.tolerations',
          'existing toleration can not be modified except its tolerationSeconds',
        ),
      ];
}

// The old spec with the fields an update may change taken from the new one.
function withMutableFieldsOf(oldSpec: PodSpec, newSpec: PodSpec): PodSpec {
  const merged: PodSpec = {
    ...oldSpec,
    containers: oldSpec.containers.map((container, i) =>
      withImage(container, newSpec.containers[i]?.image),
    ),
  };
  if (oldSpec.initContainers !== undefined) {
    merged.initContainers = oldSpec.initContainers.map((container, i) =>
      withImage(container, newSpec.initContainers?.[i]?.image),
    );
  }
  setOrDelete(merged, 'activeDeadlineSeconds', newSpec.activeDeadlineSeconds);
  setOrDelete(merged, 'tolerations', newSpec.tolerations);
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (oldGrace !== undefined && oldGrace < 0 && newSpec.terminationGracePeriodSeconds === 1) {
    merged.terminationGracePeriodSeconds = 1;
  }
  return merged;
}

function withImage<C extends { image?: string }>(container: C, image: string | undefined): C {
  const copy = { ...container };
  setOrDelete(copy, 'image', image);
  return copy;
}

function setOrDelete<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value === undefined) {
    delete target[key];
  } else {
    target[key] = value;
  }
}
