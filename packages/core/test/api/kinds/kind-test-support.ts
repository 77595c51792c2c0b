import { expect } from '@jest/globals';
import type * as t from 'io-ts';
import {
  decodeObject,
  type FieldError,
  type JSONSchemaProps,
  toOpenAPISchema,
} from '../../../src/api/codec/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

/**
 * The schema at a dotted path in a kind's schema: field names step into `properties`,
 * `[*]` into an array's `items` or a map's `additionalProperties`; `''` is the root.
 */
export function schemaAt(codec: t.Mixed, path: string): JSONSchemaProps {
  let schema = toOpenAPISchema(codec);
  for (const step of path === '' ? [] : path.split(/\.|(?=\[\*\])/)) {
    const next =
      step === '[*]'
        ? (schema.items ??
          (typeof schema.additionalProperties === 'object'
            ? schema.additionalProperties
            : undefined))
        : schema.properties?.[step];
    if (next === undefined || Array.isArray(next)) {
      throw new Error(`no schema at ${path} (stopped at ${step})`);
    }
    schema = next;
  }
  return schema;
}

/** Expects `input` to decode strictly to an equal value. */
export function expectDecodesAsIs(codec: t.Mixed, input: unknown): void {
  expect(expectRight(decodeObject(codec, input, { strictFields: true }))).toStrictEqual(input);
}

/** The reasons and fields of the errors of a strict decoding that fails. */
export function strictErrors(
  codec: t.Mixed,
  input: unknown,
): readonly Pick<FieldError, 'reason' | 'field'>[] {
  return expectLeft(decodeObject(codec, input, { strictFields: true })).map(
    ({ reason, field }) => ({
      reason,
      field,
    }),
  );
}
