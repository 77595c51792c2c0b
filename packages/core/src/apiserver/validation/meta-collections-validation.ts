/**
 * Semantic validation of metadata's collections, as upstream's `ValidateLabels`,
 * `ValidateAnnotations`, `ValidateOwnerReferences` and `ValidateFinalizers`
 * (`k8s.io/apimachinery/pkg/api/validation`).
 *
 * Each check has an `...Into` form that appends to a caller's list and takes the path
 * as `parent` and `name` (see `fieldPath`), so that valid input costs no allocation.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { OwnerReference } from '../../api/meta/index.js';
import { child, fieldPath, invalid, tooLong } from './field-errors.js';
import { isValidLabelValueFormat, isValidQualifiedNameFormat } from './name-format-scans.js';
import { isQualifiedName, isValidLabelValue } from './name-rules.js';

/** The most bytes all of an object's annotation keys and values may take together (256 KiB). */
export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

/** The problems with a label map: keys are qualified names, values label values. */
export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  validateLabelsInto(labels, path, '', errors);
  return errors;
}

/** {@link validateLabels} appending to `errors`, at `fieldPath(parent, name)`. */
export function validateLabelsInto(
  labels: Readonly<Record<string, string>> | undefined,
  parent: string,
  name: string,
  errors: FieldError[],
): void {
  for (const key in labels) {
    const value = labels[key] ?? '';
    if (isValidQualifiedNameFormat(key) && isValidLabelValueFormat(value)) {
      continue;
    }
    const path = fieldPath(parent, name);
    for (const problem of isQualifiedName(key)) {
      errors.push(invalid(path, key, problem));
    }
    for (const problem of isValidLabelValue(value)) {
      errors.push(invalid(path, value, problem));
    }
  }
}

/**
 * The problems with annotations: keys are qualified names (case-insensitive), and keys
 * and values take at most {@link TOTAL_ANNOTATION_SIZE_LIMIT_BYTES} together.
 */
export function validateAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  validateAnnotationsInto(annotations, path, '', errors);
  return errors;
}

/** {@link validateAnnotations} appending to `errors`, at `fieldPath(parent, name)`. */
export function validateAnnotationsInto(
  annotations: Readonly<Record<string, string>> | undefined,
  parent: string,
  name: string,
  errors: FieldError[],
): void {
  // A UTF-16 code unit takes at most 3 UTF-8 bytes: bytes are only counted when the
  // characters leave the limit in doubt.
  let characters = 0;
  for (const key in annotations) {
    const lowered = key.toLowerCase();
    if (!isValidQualifiedNameFormat(lowered)) {
      for (const problem of isQualifiedName(lowered)) {
        errors.push(invalid(fieldPath(parent, name), key, problem));
      }
    }
    characters += key.length + (annotations[key] ?? '').length;
  }
  if (characters * 3 > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
    let size = 0;
    for (const key in annotations) {
      size += Buffer.byteLength(key) + Buffer.byteLength(annotations[key] ?? '');
    }
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
      errors.push(tooLong(fieldPath(parent, name), TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
    }
  }
}

/**
 * The problems with finalizers: each a qualified name, and not both `orphan` and
 * `foregroundDeletion`.
 */
export function validateFinalizers(
  finalizers: readonly string[] | undefined,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  validateFinalizersInto(finalizers, path, '', errors);
  return errors;
}

/** {@link validateFinalizers} appending to `errors`, at `fieldPath(parent, name)`. */
export function validateFinalizersInto(
  finalizers: readonly string[] | undefined,
  parent: string,
  name: string,
  errors: FieldError[],
): void {
  if (finalizers === undefined) {
    return;
  }
  for (const finalizer of finalizers) {
    if (!isValidQualifiedNameFormat(finalizer)) {
      for (const problem of isQualifiedName(finalizer)) {
        errors.push(invalid(fieldPath(parent, name), finalizer, problem));
      }
    }
  }
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errors.push(
      invalid(
        fieldPath(parent, name),
        finalizers,
        'finalizer orphan and foregroundDeletion cannot be both set',
      ),
    );
  }
}

/**
 * The problems with owner references: `apiVersion` has a version, `kind`, `name` and
 * `uid` are set, no owner is a `v1` Event, and at most one is the controller.
 */
export function validateOwnerReferences(
  references: readonly OwnerReference[] | undefined,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  validateOwnerReferencesInto(references, path, '', errors);
  return errors;
}

/** {@link validateOwnerReferences} appending to `errors`, at `fieldPath(parent, name)`. */
export function validateOwnerReferencesInto(
  references: readonly OwnerReference[] | undefined,
  parent: string,
  name: string,
  errors: FieldError[],
): void {
  if (references === undefined) {
    return;
  }
  let controller: OwnerReference | undefined;
  for (const reference of references) {
    const apiVersion = reference.apiVersion;
    const slash = apiVersion.indexOf('/');
    // The version is what follows the first `/`, or all of it; the group what precedes.
    if (slash < 0 ? apiVersion === '' : slash === apiVersion.length - 1) {
      const path = child(fieldPath(parent, name), 'apiVersion');
      errors.push(invalid(path, apiVersion, 'version must not be empty'));
    }
    if (reference.kind === '') {
      errors.push(invalid(child(fieldPath(parent, name), 'kind'), '', 'must not be empty'));
    }
    if (reference.name === '') {
      errors.push(invalid(child(fieldPath(parent, name), 'name'), '', 'must not be empty'));
    }
    if (reference.uid === '') {
      errors.push(invalid(child(fieldPath(parent, name), 'uid'), '', 'must not be empty'));
    }
    if ((apiVersion === 'v1' || apiVersion === '/v1') && reference.kind === 'Event') {
      errors.push(
        invalid(
          fieldPath(parent, name),
          reference,
          '/v1, Kind=Event is disallowed from being an owner',
        ),
      );
    }
    if (reference.controller === true) {
      if (controller === undefined) {
        controller = reference;
      } else {
        errors.push(
          invalid(
            fieldPath(parent, name),
            references,
            `Only one reference can have Controller set to true. Found "true" in references for ${controller.kind}/${controller.name} and ${reference.kind}/${reference.name}`,
          ),
        );
      }
    }
  }
}
