/**
 * io-ts validation errors as Kubernetes field errors. Internal to the codec layer.
 *
 * @module
 */
import type * as t from 'io-ts';
import { asKnownCodec, literalValues, unwrapCodec } from './codec-nodes.js';
import type { FieldError, FieldErrorReason } from './field-error.js';
import { childPath } from './prune-unknown-fields.js';

/**
 * The field errors io-ts's errors stand for, each once, in the order met; see
 * {@link decodeObject} for how each kind of failure is classified.
 */
export function fieldErrorsFromValidation(errors: t.Errors): FieldError[] {
  return dedupe(fieldErrorsOf(errors.map(toFailure), 0));
}

interface Failure {
  readonly context: t.Context;
  readonly value: unknown;
  readonly message: string | undefined;
}

function toFailure(error: t.ValidationError): Failure {
  return { context: error.context, value: error.value, message: error.message };
}

type JSONType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

// The field path of the context's entries up to `end` (exclusive): io-ts appends an
// entry per object field, list item, map value, and union or intersection member.
function fieldPath(context: t.Context, end: number = context.length): string {
  let path = '';
  for (let i = 1; i < end; i++) {
    const parent = context[i - 1];
    const entry = context[i];
    if (parent === undefined || entry === undefined) {
      break;
    }
    const tag = asKnownCodec(unwrapCodec(parent.type))?._tag;
    if (tag === 'UnionType' || tag === 'IntersectionType') {
      continue;
    }
    path =
      tag === 'ArrayType' || tag === 'ReadonlyArrayType' || tag === 'DictionaryType'
        ? `${path}[${entry.key}]`
        : childPath(path, entry.key);
  }
  return path;
}

function isUnionEntry(context: t.Context, index: number): boolean {
  const entry = context[index];
  return (
    entry !== undefined &&
    index < context.length - 1 &&
    asKnownCodec(unwrapCodec(entry.type))?._tag === 'UnionType'
  );
}

type Item =
  | { readonly kind: 'leaf'; readonly failure: Failure }
  | { readonly kind: 'union'; readonly at: number; readonly failures: Failure[] };

// Field errors for failures whose contexts agree up to `from`: failures under the same
// union are judged together (every member failed; only one is the user's intent).
function fieldErrorsOf(failures: readonly Failure[], from: number): FieldError[] {
  const items: Item[] = [];
  const unions = new Map<string, Failure[]>();
  for (const failure of failures) {
    let at = -1;
    for (let i = from; i < failure.context.length; i++) {
      if (isUnionEntry(failure.context, i)) {
        at = i;
        break;
      }
    }
    if (at === -1) {
      items.push({ kind: 'leaf', failure });
      continue;
    }
    const key = JSON.stringify(failure.context.slice(0, at + 1).map((entry) => entry.key));
    const group = unions.get(key);
    if (group === undefined) {
      const created = [failure];
      unions.set(key, created);
      items.push({ kind: 'union', at, failures: created });
    } else {
      group.push(failure);
    }
  }
  return items.flatMap((item) =>
    item.kind === 'leaf' ? [leafError(item.failure)] : unionErrors(item.failures, item.at),
  );
}

function unionErrors(failures: readonly Failure[], at: number): FieldError[] {
  const [first] = failures;
  const entry = first?.context[at];
  if (first === undefined || entry === undefined) {
    return [];
  }
  const union = asKnownCodec(unwrapCodec(entry.type));
  if (union?._tag !== 'UnionType') {
    return [];
  }
  const value = entry.actual;
  const field = fieldPath(first.context, at + 1);
  if (value === undefined) {
    return [fieldError('FieldValueRequired', field, 'Required value')];
  }
  const members = union.types.filter(
    (member) => value === null || asKnownCodec(member)?._tag !== 'NullType',
  );
  const fitting = members.filter((member) => fits(value, expectedTypes(member)));
  const literals = members.map(literalValues);
  if (fitting.length > 0 && literals.every((values) => values !== undefined)) {
    return [notSupported(field, value, literals.flat())];
  }
  const [only] = fitting;
  if (fitting.length === 1 && only !== undefined) {
    const index = String(union.types.indexOf(only));
    return fieldErrorsOf(
      failures.filter((failure) => failure.context[at + 1]?.key === index),
      at + 1,
    );
  }
  if (fitting.length === 0) {
    const types = [...new Set(members.flatMap((member) => [...(expectedTypes(member) ?? [])]))];
    return [typeInvalid(field, value, types)];
  }
  return [invalid(field, value, `must be ${union.name}`)];
}

function leafError(failure: Failure): FieldError {
  const leaf = failure.context[failure.context.length - 1];
  const field = fieldPath(failure.context);
  const value = failure.value;
  if (value === undefined || leaf === undefined) {
    return fieldError('FieldValueRequired', field, 'Required value');
  }
  const expected = expectedTypes(leaf.type);
  if (!fits(value, expected)) {
    return typeInvalid(field, value, [...(expected ?? [])]);
  }
  const literals = literalValues(leaf.type);
  if (literals !== undefined) {
    return notSupported(field, value, literals);
  }
  return invalid(field, value, failure.message ?? `must be ${leaf.type.name}`);
}

function fieldError(reason: FieldErrorReason, field: string, message: string): FieldError {
  return { reason, field, message };
}

function invalid(field: string, value: unknown, detail: string): FieldError {
  return fieldError('FieldValueInvalid', field, `Invalid value: ${renderValue(value)}: ${detail}`);
}

function typeInvalid(field: string, value: unknown, types: readonly JSONType[]): FieldError {
  return fieldError(
    'FieldValueTypeInvalid',
    field,
    `Invalid value: ${JSON.stringify(jsonTypeOf(value))}: must be of type ${types.join(' or ')}`,
  );
}

function notSupported(
  field: string,
  value: unknown,
  supported: readonly (string | number | boolean)[],
): FieldError {
  const values = supported.map((v) => JSON.stringify(v)).join(', ');
  return fieldError(
    'FieldValueNotSupported',
    field,
    `Unsupported value: ${renderValue(value)}: supported values: ${values}`,
  );
}

// As upstream prints a bad value: numbers and booleans bare, strings quoted, anything
// else as JSON.
function renderValue(value: unknown): string {
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : (JSON.stringify(value) ?? String(value));
}

function jsonTypeOf(value: unknown): JSONType {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  if (typeof value === 'string') {
    return 'string';
  }
  if (typeof value === 'boolean') {
    return 'boolean';
  }
  return 'object';
}

function fits(value: unknown, expected: ReadonlySet<JSONType> | undefined): boolean {
  if (expected === undefined) {
    return true;
  }
  const actual = jsonTypeOf(value);
  return expected.has(actual) || (actual === 'integer' && expected.has('number'));
}

// The JSON types a codec accepts at its top level, or `undefined` for any.
function expectedTypes(codec: object): ReadonlySet<JSONType> | undefined {
  const node = asKnownCodec(codec);
  switch (node?._tag) {
    case undefined:
    case 'UnknownType':
      return undefined;
    case 'DescribedType':
      if (node.schema['x-kubernetes-int-or-string'] === true) {
        return new Set(['integer', 'string']);
      }
      if (node.schema.type !== undefined) {
        return new Set([node.schema.type]);
      }
      return expectedTypes(node.type);
    case 'StringType':
    case 'KeyofType':
      return new Set(['string']);
    case 'NumberType':
      return new Set(['number']);
    case 'BooleanType':
      return new Set(['boolean']);
    case 'NullType':
      return new Set(['null']);
    case 'LiteralType':
      return new Set([jsonTypeOf(node.value)]);
    case 'AnyArrayType':
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return new Set(['array']);
    case 'AnyDictionaryType':
    case 'InterfaceType':
    case 'PartialType':
    case 'DictionaryType':
      return new Set(['object']);
    case 'RefinementType':
      return node.name === 'Int' ? new Set(['integer']) : expectedTypes(node.type);
    case 'ReadonlyType':
    case 'ExactType':
    case 'RecursiveType':
      return expectedTypes(node.type);
    case 'IntersectionType':
    case 'UnionType': {
      const sets = node.types.map(expectedTypes);
      if (sets.some((set) => set === undefined)) {
        return undefined;
      }
      const all = sets.flatMap((set) => [...(set ?? [])]);
      return new Set(
        node._tag === 'UnionType' ? all : all.filter((type) => sets.every((s) => s?.has(type))),
      );
    }
  }
}

function dedupe(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.reason}\u0000${error.field}\u0000${error.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
