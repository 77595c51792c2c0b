import { describe, expect, it } from '@jest/globals';
import { Scale } from '../../../../src/api/kinds/autoscaling-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A deployment's scale, as `kubectl get --subresource=scale deployment/web -o json` prints it. */
const SCALE = {
  kind: 'Scale',
  apiVersion: 'autoscaling/v1',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918',
    resourceVersion: '50112',
    creationTimestamp: '2024-05-01T12:00:00Z',
  },
  spec: { replicas: 3 },
  status: { replicas: 3, selector: 'app=web' },
};

describe('Scale', () => {
  it('decodes a deployment scale and a bare request body, strictly', () => {
    expectDecodesAsIs(Scale, SCALE);
    expectDecodesAsIs(Scale, { spec: { replicas: 5 } });
  });

  it('reports an unknown field in the status when strict', () => {
    const input = { ...SCALE, status: { replicas: 3, targetSelector: 'app=web' } };
    expect(strictErrors(Scale, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'status.targetSelector' },
    ]);
  });

  it('requires status.replicas and reports wrongly typed replicas', () => {
    expect(
      strictErrors(Scale, { spec: { replicas: '3' }, status: { selector: 'app=web' } }),
    ).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'spec.replicas' },
      { reason: 'FieldValueRequired', field: 'status.replicas' },
    ]);
  });

  it('has a schema with int32 replicas and a required status.replicas', () => {
    expect(schemaAt(Scale, 'spec.replicas')).toMatchObject({ type: 'integer', format: 'int32' });
    expect(schemaAt(Scale, 'status').required).toStrictEqual(['replicas']);
    expect(schemaAt(Scale, 'status.selector').type).toBe('string');
  });
});
