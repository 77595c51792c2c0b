import { describe, expect, it } from '@jest/globals';
import * as t from 'io-ts';
import {
  decodeObject,
  DescribedType,
  withSchema,
  toOpenAPISchema,
} from '../../../src/api/codec/index.js';
import { expectLeft } from '../../support/either.js';

const Name = withSchema(t.string, { description: 'The name.', maxLength: 63 });

describe('attaching schema metadata with withSchema(codec, schema)', () => {
  it('decodes, checks and encodes as the inner codec', () => {
    expect(Name).toBeInstanceOf(DescribedType);
    expect(Name.name).toBe('string');
    expect(Name.decode('web')).toStrictEqual(t.string.decode('web'));
    expect(Name.is(1)).toBe(false);
    expect(Name.encode('web')).toBe('web');
    expect(withSchema(t.string, {}, 'Name').name).toBe('Name');
  });

  it('keeps its metadata through t.type, t.partial, t.array, t.exact and t.readonly', () => {
    const described = { type: 'string', description: 'The name.', maxLength: 63 };
    const codec = t.readonly(
      t.exact(t.type({ a: Name, b: t.partial({ c: t.array(Name) }), d: t.readonly(Name) })),
    );
    expect(toOpenAPISchema(codec)).toStrictEqual({
      type: 'object',
      properties: {
        a: described,
        b: { type: 'object', properties: { c: { type: 'array', items: described } } },
        d: described,
      },
      required: ['a', 'b', 'd'],
    });
  });

  it('gives each use of a shared codec its own metadata', () => {
    const codec = t.type({
      first: withSchema(t.string, { description: 'First.' }),
      second: withSchema(t.string, { description: 'Second.' }),
      plain: t.string,
    });
    expect(toOpenAPISchema(codec).properties).toStrictEqual({
      first: { type: 'string', description: 'First.' },
      second: { type: 'string', description: 'Second.' },
      plain: { type: 'string' },
    });
  });

  it('leaves error paths unchanged', () => {
    const codec = t.type({ spec: withSchema(t.type({ name: Name }), { description: 'Spec.' }) });
    expect(expectLeft(decodeObject(codec, { spec: {} }))).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'spec.name', message: 'Required value' },
    ]);
  });
});
