import { describe, expect, it } from '@jest/globals';
import {
  validateNamespace,
  validateNamespaceUpdate,
} from '../../../src/apiserver/validation/index.js';

describe('validateNamespace', () => {
  it('accepts a label name with standard and qualified finalizers', () => {
    expect(
      validateNamespace({
        metadata: { name: 'team-a' },
        spec: { finalizers: ['kubernetes', 'example.com/x'] },
      }),
    ).toStrictEqual([]);
  });

  it('reports a dotted name and an unqualified, non-standard finalizer', () => {
    expect(
      validateNamespace({ metadata: { name: 'team.a' }, spec: { finalizers: ['custom'] } }),
    ).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: 'Invalid value: "team.a": must not contain dots',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.finalizers',
        message:
          'Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
      },
    ]);
  });

  it('reports a renamed namespace on update', () => {
    expect(
      validateNamespaceUpdate({ metadata: { name: 'b' } }, { metadata: { name: 'a' } }),
    ).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: 'Invalid value: "b": field is immutable',
      },
    ]);
  });
});
