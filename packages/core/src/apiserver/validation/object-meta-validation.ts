/**
 * Semantic validation of `metadata`, as upstream's `ValidateObjectMeta` and
 * `ValidateObjectMetaUpdate` (`k8s.io/apimachinery/pkg/api/validation`).
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { ObjectMeta, OwnerReference } from '../../api/meta/index.js';
import {
  child,
  forbidden,
  invalid,
  jsonEqual,
  required,
  tooLong,
  validateNonnegative,
} from './field-errors.js';
import {
  isDNS1123Label,
  isQualifiedName,
  isValidLabelValue,
  validateNameByRule,
  type NameRule,
} from './name-rules.js';

/** The most bytes all of an object's annotation keys and values may take together (256 KiB). */
export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

/** How to validate an object's metadata: its scope and its kind's name rule. */
export interface ObjectMetaValidationOptions {
  /** Whether the kind is namespaced: `namespace` is then required, else forbidden. */
  readonly namespaced: boolean;
  /** How `name` (and `generateName`, as a prefix) is checked. */
  readonly nameRule: NameRule;
  /** The path of the metadata; `metadata` unless given. */
  readonly path?: string;
}

/**
 * The problems with an object's metadata on create, as upstream's `ValidateObjectMeta`.
 *
 * Checks: `name` or `generateName` is set (`Required value: name or generateName is
 * required`), and each is valid under the name rule (`generateName` as a prefix, which
 * may end in `-`); `namespace` is set and a DNS-1123 label when namespaced, absent
 * otherwise (`Forbidden: not allowed on this type`); `generation` is not negative;
 * labels, annotations (qualified keys, 256 KiB in all), owner references and
 * finalizers are valid.
 *
 * Caveats: as upstream, label and annotation problems are reported at `metadata.labels`
 * and `metadata.annotations`, and owner reference problems at
 * `metadata.ownerReferences.<field>`, without the key or index; managed fields are not
 * checked.
 */
export function validateObjectMeta(
  meta: ObjectMeta,
  options: ObjectMetaValidationOptions,
): FieldError[] {
  const path = options.path ?? 'metadata';
  const errors: FieldError[] = [];
  const generateName = meta.generateName ?? '';
  if (generateName !== '') {
    for (const problem of validateNameByRule(generateName, {
      rule: options.nameRule,
      prefix: true,
    })) {
      errors.push(invalid(child(path, 'generateName'), generateName, problem));
    }
  }
  const name = meta.name ?? '';
  if (name === '') {
    if (generateName === '') {
      errors.push(required(child(path, 'name'), 'name or generateName is required'));
    }
  } else {
    for (const problem of validateNameByRule(name, { rule: options.nameRule })) {
      errors.push(invalid(child(path, 'name'), name, problem));
    }
  }
  const namespace = meta.namespace ?? '';
  if (options.namespaced) {
    if (namespace === '') {
      errors.push(required(child(path, 'namespace')));
    } else {
      for (const problem of isDNS1123Label(namespace)) {
        errors.push(invalid(child(path, 'namespace'), namespace, problem));
      }
    }
  } else if (namespace !== '') {
    errors.push(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  errors.push(...validateNonnegative(child(path, 'generation'), meta.generation));
  errors.push(...validateMetaCollections(meta, path));
  return errors;
}

/**
 * The problems with an update of an object's metadata, as upstream's
 * `ValidateObjectMetaUpdate`, then {@link validateObjectMeta} on the new metadata.
 *
 * Checks: `name`, `namespace`, `uid`, `creationTimestamp`, `deletionTimestamp` and
 * `deletionGracePeriodSeconds` are unchanged (`Invalid value: "b": field is
 * immutable`): clients cannot set or move the deletion fields, the server does;
 * `generation` does not decrease (`must not be decremented`); no finalizer is added
 * once the object is being deleted.
 *
 * Caveats: upstream also requires `resourceVersion` on updates; drydock's store fills
 * it for unconditional updates, so it is not checked here.
 */
export function validateObjectMetaUpdate(
  newMeta: ObjectMeta,
  oldMeta: ObjectMeta,
  options: ObjectMetaValidationOptions,
): FieldError[] {
  const path = options.path ?? 'metadata';
  const errors: FieldError[] = [];
  if (oldMeta.deletionTimestamp !== undefined) {
    const old = new Set(oldMeta.finalizers ?? []);
    const added = [...new Set(newMeta.finalizers ?? [])].filter((f) => !old.has(f)).sort();
    if (added.length > 0) {
      errors.push(
        forbidden(
          child(path, 'finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`,
        ),
      );
    }
  }
  if ((newMeta.generation ?? 0) < (oldMeta.generation ?? 0)) {
    errors.push(
      invalid(child(path, 'generation'), newMeta.generation ?? 0, 'must not be decremented'),
    );
  }
  const immutable = [
    ['name', newMeta.name ?? '', oldMeta.name ?? ''],
    ['namespace', newMeta.namespace ?? '', oldMeta.namespace ?? ''],
    ['uid', newMeta.uid ?? '', oldMeta.uid ?? ''],
    ['creationTimestamp', newMeta.creationTimestamp ?? null, oldMeta.creationTimestamp ?? null],
    ['deletionTimestamp', newMeta.deletionTimestamp, oldMeta.deletionTimestamp],
    [
      'deletionGracePeriodSeconds',
      newMeta.deletionGracePeriodSeconds,
      oldMeta.deletionGracePeriodSeconds,
    ],
  ] as const;
  for (const [field, newValue, oldValue] of immutable) {
    errors.push(...validateImmutableField(child(path, field), newValue, oldValue));
  }
  errors.push(...validateObjectMeta(newMeta, options));
  return errors;
}

/** `Invalid value: <new>: field is immutable` unless the two values are equal. */
export function validateImmutableField(
  field: string,
  newValue: unknown,
  oldValue: unknown,
): FieldError[] {
  return jsonEqual(newValue, oldValue) ? [] : [invalid(field, newValue, 'field is immutable')];
}

/** The problems with a label map: keys are qualified names, values label values. */
export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const key in labels) {
    for (const problem of isQualifiedName(key)) {
      errors.push(invalid(path, key, problem));
    }
    const value = labels[key] ?? '';
    for (const problem of isValidLabelValue(value)) {
      errors.push(invalid(path, value, problem));
    }
  }
  return errors;
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
  let size = 0;
  for (const key in annotations) {
    for (const problem of isQualifiedName(key.toLowerCase())) {
      errors.push(invalid(path, key, problem));
    }
    size += Buffer.byteLength(key) + Buffer.byteLength(annotations[key] ?? '');
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
    errors.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
  }
  return errors;
}

/**
 * The problems with finalizers: each a qualified name, and not both `orphan` and
 * `foregroundDeletion`.
 */
export function validateFinalizers(
  finalizers: readonly string[] | undefined,
  path: string,
): FieldError[] {
  if (finalizers === undefined) {
    return [];
  }
  const errors: FieldError[] = [];
  for (const finalizer of finalizers) {
    for (const problem of isQualifiedName(finalizer)) {
      errors.push(invalid(path, finalizer, problem));
    }
  }
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errors.push(
      invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'),
    );
  }
  return errors;
}

/**
 * The problems with owner references: `apiVersion` has a version, `kind`, `name` and
 * `uid` are set, no owner is a `v1` Event, and at most one is the controller.
 */
export function validateOwnerReferences(
  references: readonly OwnerReference[] | undefined,
  path: string,
): FieldError[] {
  if (references === undefined) {
    return [];
  }
  const errors: FieldError[] = [];
  let controller = '';
  for (const reference of references) {
    const slash = reference.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : reference.apiVersion.slice(0, slash);
    const version = slash < 0 ? reference.apiVersion : reference.apiVersion.slice(slash + 1);
    if (version === '') {
      errors.push(
        invalid(child(path, 'apiVersion'), reference.apiVersion, 'version must not be empty'),
      );
    }
    for (const field of ['kind', 'name', 'uid'] as const) {
      if (reference[field] === '') {
        errors.push(invalid(child(path, field), '', 'must not be empty'));
      }
    }
    if (group === '' && version === 'v1' && reference.kind === 'Event') {
      errors.push(invalid(path, reference, '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (reference.controller === true) {
      const current = `${reference.kind}/${reference.name}`;
      if (controller === '') {
        controller = current;
      } else {
        errors.push(
          invalid(
            path,
            references,
            `Only one reference can have Controller set to true. Found "true" in references for ${controller} and ${current}`,
          ),
        );
      }
    }
  }
  return errors;
}

function validateMetaCollections(meta: ObjectMeta, path: string): FieldError[] {
  return [
    ...validateLabels(meta.labels, child(path, 'labels')),
    ...validateAnnotations(meta.annotations, child(path, 'annotations')),
    ...validateOwnerReferences(meta.ownerReferences, child(path, 'ownerReferences')),
    ...validateFinalizers(meta.finalizers, child(path, 'finalizers')),
  ];
}
