import { describe, expect, it } from '@jest/globals';
import { validateLease } from '../../../src/apiserver/validation/index.js';

describe('validateLease', () => {
  it('accepts a node heartbeat lease', () => {
    expect(
      validateLease({
        metadata: { name: 'node-1', namespace: 'kube-node-lease' },
        spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40 },
      }),
    ).toStrictEqual([]);
  });

  it('reports a zero duration, negative transitions and a preferred holder without strategy', () => {
    expect(
      validateLease({
        metadata: { name: 'l', namespace: 'default' },
        spec: { leaseDurationSeconds: 0, leaseTransitions: -1, preferredHolder: 'b' },
      }),
    ).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.leaseDurationSeconds',
        message: 'Invalid value: 0: must be greater than 0',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.leaseTransitions',
        message: 'Invalid value: -1: must be greater than or equal to 0',
      },
      {
        reason: 'FieldValueForbidden',
        field: 'spec.preferredHolder',
        message: 'Forbidden: may only be specified if `strategy` is defined',
      },
    ]);
  });
});
