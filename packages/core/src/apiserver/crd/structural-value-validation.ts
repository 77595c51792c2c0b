/**
 * The structural rules of value validation: `anyOf`, `allOf`, `oneOf` and `not` may
 * only restrict values. Internal to {@link structuralSchemaErrors}.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/field-error.js';
import type { JSONSchemaProps } from '../../api/codec/openapi-schema.js';
import { childPath, forbidden, invalid, keyPath } from './field-errors.js';
import { hasOwn } from './json-values.js';

/** Whether `anyOf` is `[{type: integer}, {type: string}]`, which int-or-string nodes may have. */
export function isIntOrStringAnyOf(anyOf: readonly JSONSchemaProps[] | undefined): boolean {
  if (anyOf?.length !== 2) {
    return false;
  }
  const [first, second] = anyOf;
  const only = (member: JSONSchemaProps | undefined, type: string) =>
    member !== undefined && member.type === type && Object.keys(member).length === 1;
  return only(first, 'integer') && only(second, 'string');
}

/**
 * Pushes the errors of a node's value validation (`anyOf`, `allOf`, `oneOf`, `not`,
 * `pattern`) to `errors`; `skip` lets through the int-or-string `anyOf` patterns.
 */
export function checkValueValidation(
  s: JSONSchemaProps,
  path: string,
  errors: FieldError[],
  skip: { readonly skipAnyOf: boolean; readonly skipFirstAllOfAnyOf: boolean },
): void {
  if (!skip.skipAnyOf) {
    s.anyOf?.forEach((member, i) =>
      checkNested(member, keyPath(childPath(path, 'anyOf'), i), errors, false),
    );
  }
  s.allOf?.forEach((member, i) =>
    checkNested(
      member,
      keyPath(childPath(path, 'allOf'), i),
      errors,
      skip.skipFirstAllOfAnyOf && i === 0,
    ),
  );
  s.oneOf?.forEach((member, i) =>
    checkNested(member, keyPath(childPath(path, 'oneOf'), i), errors, false),
  );
  if (s.not !== undefined) {
    checkNested(s.not, childPath(path, 'not'), errors, false);
  }
  if (s.pattern !== undefined) {
    try {
      new RegExp(s.pattern);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      errors.push(
        invalid(
          childPath(path, 'pattern'),
          s.pattern,
          `must be a valid regular expression, but isn't: ${reason}`,
        ),
      );
    }
  }
}

const NESTED_FORBIDDEN: readonly (readonly [keyof JSONSchemaProps | 'title', string])[] = [
  ['type', 'must be empty to be structural'],
  ['additionalProperties', 'must be undefined to be structural'],
  ['default', 'must be undefined to be structural'],
  ['title', 'must be empty to be structural'],
  ['description', 'must be empty to be structural'],
  ['nullable', 'must be false to be structural'],
  ['x-kubernetes-preserve-unknown-fields', 'must be false to be structural'],
  ['x-kubernetes-embedded-resource', 'must be false to be structural'],
  ['x-kubernetes-int-or-string', 'must be false to be structural'],
  ['x-kubernetes-list-map-keys', 'must be empty to be structural'],
  ['x-kubernetes-list-type', 'must be undefined to be structural'],
];

// A schema under anyOf, allOf, oneOf or not: it may only restrict values.
function checkNested(
  v: JSONSchemaProps,
  path: string,
  errors: FieldError[],
  skipAnyOf: boolean,
): void {
  checkValueValidation(v, path, errors, { skipAnyOf, skipFirstAllOfAnyOf: false });
  if (v.items !== undefined) {
    checkNested(v.items, childPath(path, 'items'), errors, false);
  }
  for (const [key, property] of Object.entries(v.properties ?? {})) {
    checkNested(property, keyPath(childPath(path, 'properties'), key), errors, false);
  }
  const fields = v as Readonly<Record<string, unknown>>;
  for (const [key, detail] of NESTED_FORBIDDEN) {
    const value = fields[key];
    const present =
      value !== undefined &&
      value !== false &&
      value !== '' &&
      !(Array.isArray(value) && value.length === 0);
    if (present) {
      errors.push(forbidden(childPath(path, key), detail));
    }
  }
  if (hasOwn(v.properties ?? {}, 'metadata')) {
    errors.push(
      forbidden(
        keyPath(childPath(path, 'properties'), 'metadata'),
        'must not be specified in a nested context',
      ),
    );
  }
}
