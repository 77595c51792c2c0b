/**
 * Validating a custom resource against its CRD's OpenAPI v3 schema, with the field
 * errors the apiserver returns in a 422 Invalid.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/field-error.js';
import type { JSONSchemaProps, JSONSchemaType } from '../../api/codec/openapi-schema.js';
import {
  childPath,
  duplicate,
  forbidden,
  invalid,
  keyPath,
  notSupported,
  required,
  tooLong,
  tooMany,
  typeInvalid,
} from './field-errors.js';
import { hasOwn, isJSONObject, jsonEqual, jsonTypeOf, ownEntry } from './json-values.js';
import { hasFormat } from './schema-formats.js';

/** Where {@link validateAgainstSchema} reports errors. */
export interface ValidateAgainstSchemaOptions {
  /** The path of `value` in the object, prefixed to every error's field; `''` (the root) by default. */
  readonly path?: string;
}

/** Schema fields upstream has that {@link JSONSchemaProps} does not name. */
interface SchemaExtras {
  readonly multipleOf?: number;
}

/**
 * Every way `value` breaks `schema`, as the apiserver reports it for a custom
 * resource (after pruning and defaulting), in the schema's order.
 *
 * | rule | error |
 * |---|---|
 * | wrong JSON type (`null` unless `nullable`) | `FieldValueTypeInvalid`: `Invalid value: "string": must be of type integer` |
 * | `x-kubernetes-int-or-string` not an integer or string | `FieldValueTypeInvalid`: `... must be of type integer or string` |
 * | `required` field absent | `FieldValueRequired` at the field |
 * | not in `enum` | `FieldValueNotSupported` |
 * | `minimum`, `maximum` (and exclusive), `multipleOf`, `minLength`, `pattern`, `minItems`, `minProperties`, `format` | `FieldValueInvalid` (`should be greater than or equal to 1`, `should match '^a'`, `must be of type int32`...) |
 * | `maxLength` | `FieldValueTooLong` |
 * | `maxItems`, `maxProperties` | `FieldValueTooMany` |
 * | `uniqueItems`, `x-kubernetes-list-type: set`, `map` (by `x-kubernetes-list-map-keys`) | `FieldValueDuplicate` at the later item |
 * | `additionalProperties: false` with another field | `FieldValueForbidden` |
 * | `anyOf`, `oneOf`, `not` failing | `FieldValueInvalid` (`must validate at least one schema (anyOf)`...) |
 * | embedded resource without `apiVersion` or `kind` | `FieldValueRequired` |
 *
 * Paths: object fields joined with `.`, list items and map values (fields under
 * `additionalProperties`) in brackets: `spec.ports[0].name`, `spec.limits[cpu]`.
 * Lengths count characters (code points), as upstream counts runes.
 *
 * Guarantees: pure; never throws (a `pattern` that is not a valid regular expression
 * fails every value with a `FieldValueInvalid` saying so). A value of the wrong type is
 * not checked further. Fields the schema does not name are not errors: pruning
 * removes them, or reports them for `fieldValidation=Strict`.
 */
export function validateAgainstSchema(
  value: unknown,
  schema: JSONSchemaProps,
  options: ValidateAgainstSchemaOptions = {},
): readonly FieldError[] {
  const errors: FieldError[] = [];
  validateNode(value, schema, options.path ?? '', errors);
  return errors;
}

function validateNode(
  value: unknown,
  s: JSONSchemaProps,
  path: string,
  errors: FieldError[],
): void {
  if (value === null && s.nullable === true) {
    return;
  }
  if (s['x-kubernetes-int-or-string'] === true) {
    const type = jsonTypeOf(value);
    if (type !== 'integer' && type !== 'string') {
      errors.push(typeInvalid(path, type, ['integer', 'string']));
      return;
    }
  } else if (s.type !== undefined && !hasType(value, s.type)) {
    errors.push(typeInvalid(path, jsonTypeOf(value), [s.type]));
    return;
  }
  if (s.enum !== undefined && !s.enum.some((allowed) => jsonEqual(allowed, value))) {
    errors.push(notSupported(path, value, s.enum));
  }
  if (s.format !== undefined && !hasFormat(value, s.format)) {
    errors.push(invalid(path, value, `must be of type ${s.format}`));
  }
  if (typeof value === 'number') {
    validateNumber(value, s, path, errors);
  } else if (typeof value === 'string') {
    validateString(value, s, path, errors);
  } else if (Array.isArray(value)) {
    validateArray(value, s, path, errors);
  } else if (isJSONObject(value)) {
    validateObject(value, s, path, errors);
  }
  validateJunctors(value, s, path, errors);
}

function hasType(value: unknown, type: JSONSchemaType): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
    case 'boolean':
      return typeof value === type;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isJSONObject(value);
  }
}

function validateNumber(
  value: number,
  s: JSONSchemaProps & SchemaExtras,
  path: string,
  errors: FieldError[],
): void {
  if (s.minimum !== undefined) {
    if (s.exclusiveMinimum === true ? value <= s.minimum : value < s.minimum) {
      const bound = s.exclusiveMinimum === true ? 'greater than' : 'greater than or equal to';
      errors.push(invalid(path, value, `should be ${bound} ${String(s.minimum)}`));
    }
  }
  if (s.maximum !== undefined) {
    if (s.exclusiveMaximum === true ? value >= s.maximum : value > s.maximum) {
      const bound = s.exclusiveMaximum === true ? 'less than' : 'less than or equal to';
      errors.push(invalid(path, value, `should be ${bound} ${String(s.maximum)}`));
    }
  }
  const multipleOf = (s as SchemaExtras).multipleOf;
  if (typeof multipleOf === 'number' && multipleOf > 0) {
    const quotient = value / multipleOf;
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9) {
      errors.push(invalid(path, value, `should be a multiple of ${String(multipleOf)}`));
    }
  }
}

// Compiled patterns, per schema node: a schema is compiled once however many objects
// it validates. `null` marks a pattern that does not compile.
const patterns = new WeakMap<JSONSchemaProps, RegExp | null>();

function patternOf(s: JSONSchemaProps, source: string): RegExp | null {
  let compiled = patterns.get(s);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(source);
    } catch {
      // Reported below as a failed match; the CRD's validation reports the pattern.
      compiled = null;
    }
    patterns.set(s, compiled);
  }
  return compiled;
}

function validateString(
  value: string,
  s: JSONSchemaProps,
  path: string,
  errors: FieldError[],
): void {
  const length = s.minLength !== undefined || s.maxLength !== undefined ? [...value].length : 0;
  if (s.minLength !== undefined && length < s.minLength) {
    errors.push(invalid(path, value, `should be at least ${String(s.minLength)} chars long`));
  }
  if (s.maxLength !== undefined && length > s.maxLength) {
    errors.push(tooLong(path, s.maxLength));
  }
  if (s.pattern !== undefined) {
    const pattern = patternOf(s, s.pattern);
    if (pattern === null) {
      errors.push(invalid(path, value, `pattern '${s.pattern}' is not a valid regular expression`));
    } else if (!pattern.test(value)) {
      errors.push(invalid(path, value, `should match '${s.pattern}'`));
    }
  }
}

function validateArray(
  value: readonly unknown[],
  s: JSONSchemaProps,
  path: string,
  errors: FieldError[],
): void {
  if (s.minItems !== undefined && value.length < s.minItems) {
    errors.push(invalid(path, value, `should have at least ${String(s.minItems)} items`));
  }
  if (s.maxItems !== undefined && value.length > s.maxItems) {
    errors.push(tooMany(path, value.length, s.maxItems));
  }
  const listType = s['x-kubernetes-list-type'];
  if (listType === 'map') {
    const keys = s['x-kubernetes-list-map-keys'] ?? [];
    const identities = value.map((item) =>
      isJSONObject(item)
        ? Object.fromEntries(keys.filter((key) => hasOwn(item, key)).map((key) => [key, item[key]]))
        : item,
    );
    reportDuplicates(identities, path, errors);
  } else if (listType === 'set' || s.uniqueItems === true) {
    reportDuplicates(value, path, errors);
  }
  if (s.items !== undefined) {
    const items = s.items;
    value.forEach((item, i) => validateNode(item, items, keyPath(path, i), errors));
  }
}

function reportDuplicates(
  identities: readonly unknown[],
  path: string,
  errors: FieldError[],
): void {
  identities.forEach((identity, i) => {
    if (identities.slice(0, i).some((earlier) => jsonEqual(earlier, identity))) {
      errors.push(duplicate(keyPath(path, i), identity));
    }
  });
}

function validateObject(
  value: Readonly<Record<string, unknown>>,
  s: JSONSchemaProps,
  path: string,
  errors: FieldError[],
): void {
  for (const name of s.required ?? []) {
    if (!hasOwn(value, name)) {
      errors.push(required(childPath(path, name)));
    }
  }
  const count = Object.keys(value).length;
  if (s.minProperties !== undefined && count < s.minProperties) {
    errors.push(invalid(path, value, `should have at least ${String(s.minProperties)} properties`));
  }
  if (s.maxProperties !== undefined && count > s.maxProperties) {
    errors.push(tooMany(path, count, s.maxProperties));
  }
  if (s['x-kubernetes-embedded-resource'] === true) {
    for (const name of ['apiVersion', 'kind']) {
      if (typeof value[name] !== 'string' || value[name] === '') {
        errors.push(required(childPath(path, name), 'must not be empty'));
      }
    }
  }
  for (const [key, item] of Object.entries(value)) {
    const property = ownEntry(s.properties, key);
    if (property !== undefined) {
      validateNode(item, property, childPath(path, key), errors);
    } else if (typeof s.additionalProperties === 'object') {
      validateNode(item, s.additionalProperties, keyPath(path, key), errors);
    } else if (s.additionalProperties === false) {
      errors.push(forbidden(childPath(path, key), 'is a forbidden property'));
    }
  }
}

function passes(value: unknown, s: JSONSchemaProps, path: string): boolean {
  const errors: FieldError[] = [];
  validateNode(value, s, path, errors);
  return errors.length === 0;
}

function validateJunctors(
  value: unknown,
  s: JSONSchemaProps,
  path: string,
  errors: FieldError[],
): void {
  for (const member of s.allOf ?? []) {
    validateNode(value, member, path, errors);
  }
  if (s.anyOf !== undefined && !s.anyOf.some((member) => passes(value, member, path))) {
    errors.push(invalid(path, value, 'must validate at least one schema (anyOf)'));
  }
  if (
    s.oneOf !== undefined &&
    s.oneOf.filter((member) => passes(value, member, path)).length !== 1
  ) {
    errors.push(invalid(path, value, 'must validate one and only one schema (oneOf)'));
  }
  if (s.not !== undefined && passes(value, s.not, path)) {
    errors.push(invalid(path, value, 'must not validate the schema (not)'));
  }
}
