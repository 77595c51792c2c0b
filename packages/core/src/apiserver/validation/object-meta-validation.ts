/**
 * Semantic validation of `metadata`, as upstream's `ValidateObjectMeta` and
 * `ValidateObjectMetaUpdate` (`k8s.io/apimachinery/pkg/api/validation`).
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { ObjectMeta } from '../../api/meta/index.js';
import { child, forbidden, invalid, jsonEqual, required } from './field-errors.js';
import {
  validateAnnotationsInto,
  validateFinalizersInto,
  validateLabelsInto,
  validateOwnerReferencesInto,
} from './meta-collections-validation.js';
import { isValidDNS1123Label, isValidDNS1123Subdomain } from './name-format-scans.js';
import { isDNS1123Label, validateNameByRule, type NameRule } from './name-rules.js';

export {
  TOTAL_ANNOTATION_SIZE_LIMIT_BYTES,
  validateAnnotations,
  validateFinalizers,
  validateLabels,
  validateOwnerReferences,
} from './meta-collections-validation.js';

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
  const errors: FieldError[] = [];
  validateObjectMetaInto(meta, options, errors);
  return errors;
}

/** {@link validateObjectMeta} appending its problems to `errors`. */
export function validateObjectMetaInto(
  meta: ObjectMeta,
  options: ObjectMetaValidationOptions,
  errors: FieldError[],
): void {
  const path = options.path ?? 'metadata';
  const generateName = meta.generateName ?? '';
  if (generateName !== '' && !isValidName(generateName, options.nameRule, true)) {
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
  } else if (!isValidName(name, options.nameRule, false)) {
    for (const problem of validateNameByRule(name, { rule: options.nameRule })) {
      errors.push(invalid(child(path, 'name'), name, problem));
    }
  }
  const namespace = meta.namespace ?? '';
  if (options.namespaced) {
    if (namespace === '') {
      errors.push(required(child(path, 'namespace')));
    } else if (!isValidDNS1123Label(namespace)) {
      for (const problem of isDNS1123Label(namespace)) {
        errors.push(invalid(child(path, 'namespace'), namespace, problem));
      }
    }
  } else if (namespace !== '') {
    errors.push(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  if (meta.generation !== undefined && meta.generation < 0) {
    errors.push(
      invalid(child(path, 'generation'), meta.generation, 'must be greater than or equal to 0'),
    );
  }
  validateLabelsInto(meta.labels, path, 'labels', errors);
  validateAnnotationsInto(meta.annotations, path, 'annotations', errors);
  validateOwnerReferencesInto(meta.ownerReferences, path, 'ownerReferences', errors);
  validateFinalizersInto(meta.finalizers, path, 'finalizers', errors);
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
  checkImmutable(path, 'name', newMeta.name ?? '', oldMeta.name ?? '', errors);
  checkImmutable(path, 'namespace', newMeta.namespace ?? '', oldMeta.namespace ?? '', errors);
  checkImmutable(path, 'uid', newMeta.uid ?? '', oldMeta.uid ?? '', errors);
  checkImmutable(
    path,
    'creationTimestamp',
    newMeta.creationTimestamp ?? null,
    oldMeta.creationTimestamp ?? null,
    errors,
  );
  checkImmutable(
    path,
    'deletionTimestamp',
    newMeta.deletionTimestamp,
    oldMeta.deletionTimestamp,
    errors,
  );
  checkImmutable(
    path,
    'deletionGracePeriodSeconds',
    newMeta.deletionGracePeriodSeconds,
    oldMeta.deletionGracePeriodSeconds,
    errors,
  );
  validateObjectMetaInto(newMeta, options, errors);
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

// `Invalid value: <new>: field is immutable` at `parent.name` unless the values are equal.
function checkImmutable(
  parent: string,
  name: string,
  newValue: unknown,
  oldValue: unknown,
  errors: FieldError[],
): void {
  if (!jsonEqual(newValue, oldValue)) {
    errors.push(invalid(child(parent, name), newValue, 'field is immutable'));
  }
}

// Whether `validateNameByRule` finds no problem, without wording any.
function isValidName(value: string, rule: NameRule, prefix: boolean): boolean {
  switch (rule) {
    case 'subdomain':
      return isValidDNS1123Subdomain(
        prefix && value.endsWith('-') ? `${value.slice(0, -1)}a` : value,
      );
    case 'label':
      return isValidDNS1123Label(prefix && value.endsWith('-') ? `${value.slice(0, -1)}a` : value);
    case 'path-segment':
      return (
        (prefix || (value !== '.' && value !== '..')) &&
        !value.includes('/') &&
        !value.includes('%')
      );
  }
}
