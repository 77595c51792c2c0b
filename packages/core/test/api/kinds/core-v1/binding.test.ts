import { describe, expect, it } from '@jest/globals';
import { Binding } from '../../../../src/api/kinds/core-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** The body the scheduler posts to `pods/web-0/binding`. */
const BINDING = {
  apiVersion: 'v1',
  kind: 'Binding',
  metadata: { name: 'web-0', namespace: 'default', uid: '3f1c2a9e-8b1d-4c55-9a0e-1f2b3c4d5e6f' },
  target: { apiVersion: 'v1', kind: 'Node', name: 'node-1' },
};

describe('Binding', () => {
  it('decodes a scheduler binding to an equal value, strictly', () => {
    expectDecodesAsIs(Binding, BINDING);
  });

  it('reports an unknown field in the target when strict', () => {
    expect(
      strictErrors(Binding, { ...BINDING, target: { kind: 'Node', name: 'n', node: 'n' } }),
    ).toStrictEqual([{ reason: 'FieldValueUnknown', field: 'target.node' }]);
  });

  it('requires the target and reports a wrongly typed target name', () => {
    expect(strictErrors(Binding, { metadata: { name: 'web-0' } })).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'target' },
    ]);
    expect(strictErrors(Binding, { target: { name: ['node-1'] } })).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'target.name' },
    ]);
  });

  it('has a schema that requires the target, an atomic object reference', () => {
    expect(schemaAt(Binding, '').required).toStrictEqual(['target']);
    expect(schemaAt(Binding, 'target')).toMatchObject({
      type: 'object',
      'x-kubernetes-map-type': 'atomic',
    });
    expect(schemaAt(Binding, 'apiVersion').enum).toStrictEqual(['v1']);
  });
});
