/**
 * Semantic validation of pod updates, as upstream's `ValidatePodUpdate` and
 * `ValidatePodStatusUpdate`: a pod's spec is all but immutable once created.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Container, Pod, PodSpec, Toleration } from '../../api/kinds/core-v1/index.js';
import { child, forbidden, invalid, jsonEqual, required } from './field-errors.js';
import { isDNS1123Subdomain } from './name-rules.js';
import { validateObjectMetaUpdate } from './object-meta-validation.js';
import { validatePodSpecInto } from './pod-validation.js';

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
  validatePodSpecInto(newSpec, 'spec', errors);
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
  if (!isUnchangedOutsideMutableFields(oldSpec, newSpec)) {
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
  for (const old of oldTolerations) {
    if (!hasEqualExceptKey(newTolerations, old, 'tolerationSeconds')) {
      return [
        forbidden(
          'spec.tolerations',
          'existing toleration can not be modified except its tolerationSeconds',
        ),
      ];
    }
  }
  return [];
}

function hasEqualExceptKey(
  candidates: readonly Toleration[],
  target: Toleration,
  ignored: string,
): boolean {
  for (const candidate of candidates) {
    if (jsonEqualExceptKey(target, candidate, ignored)) {
      return true;
    }
  }
  return false;
}

// The spec fields an update may change, or that are compared apart.
const SPEC_FIELDS_COMPARED_APART: ReadonlySet<string> = new Set([
  'containers',
  'initContainers',
  'activeDeadlineSeconds',
  'tolerations',
  'terminationGracePeriodSeconds',
]);

// Whether the new spec equals (`jsonEqual`) the old one with the fields an update may
// change (images, `activeDeadlineSeconds`, tolerations, a negative grace period set to 1)
// taken from the new one; compared in place, without building that merged spec.
function isUnchangedOutsideMutableFields(oldSpec: PodSpec, newSpec: PodSpec): boolean {
  const oldFields = oldSpec as unknown as Readonly<Record<string, unknown>>;
  const newFields = newSpec as unknown as Readonly<Record<string, unknown>>;
  for (const key in oldFields) {
    if (!SPEC_FIELDS_COMPARED_APART.has(key) && !fieldEqual(oldFields[key], newFields[key])) {
      return false;
    }
  }
  for (const key in newFields) {
    if (
      !SPEC_FIELDS_COMPARED_APART.has(key) &&
      newFields[key] !== undefined &&
      !Object.prototype.hasOwnProperty.call(oldFields, key)
    ) {
      return false;
    }
  }
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  const newGrace = newSpec.terminationGracePeriodSeconds;
  const mergedGrace = oldGrace !== undefined && oldGrace < 0 && newGrace === 1 ? 1 : oldGrace;
  if (!jsonEqual(mergedGrace, newGrace)) {
    return false;
  }
  if (!containersEqualExceptImages(oldSpec.containers, newSpec.containers)) {
    return false;
  }
  return oldSpec.initContainers === undefined
    ? newSpec.initContainers === undefined
    : newSpec.initContainers !== undefined &&
        containersEqualExceptImages(oldSpec.initContainers, newSpec.initContainers);
}

// Whether the lists are equal once each new image is put into the old container.
function containersEqualExceptImages(
  oldContainers: readonly Container[],
  newContainers: readonly Container[],
): boolean {
  if (!Array.isArray(newContainers) || newContainers.length !== oldContainers.length) {
    return false;
  }
  for (let i = 0; i < oldContainers.length; i++) {
    if (!jsonEqualExceptKey(oldContainers[i] as Container, newContainers[i], 'image')) {
      return false;
    }
  }
  return true;
}

// `jsonEqual` of an object field's values: `undefined` stands for an absent field.
function fieldEqual(oldValue: unknown, newValue: unknown): boolean {
  return oldValue === undefined ? newValue === undefined : jsonEqual(oldValue, newValue);
}

// Whether `jsonEqual({ ...a, [ignored]: b[ignored] }, b)`, without the copy.
function jsonEqualExceptKey(a: object, b: unknown, ignored: string): boolean {
  if (a === b) {
    return true;
  }
  if (typeof b !== 'object' || b === null || Array.isArray(b)) {
    return false;
  }
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  for (const key in left) {
    if (key !== ignored && !fieldEqual(left[key], right[key])) {
      return false;
    }
  }
  for (const key in right) {
    if (
      key !== ignored &&
      right[key] !== undefined &&
      !Object.prototype.hasOwnProperty.call(left, key)
    ) {
      return false;
    }
  }
  return true;
}
