import { describe, expect, it } from '@jest/globals';
import { validateNode } from '../../../src/apiserver/validation/index.js';

describe('validateNode', () => {
  it('accepts a node with taints and a dual-stack pod CIDR pair', () => {
    expect(
      validateNode({
        metadata: { name: 'node-1.example.com' },
        spec: {
          podCIDR: '10.244.1.0/24',
          podCIDRs: ['10.244.1.0/24', 'fd00:10:244:1::/64'],
          taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
        },
      }),
    ).toStrictEqual([]);
  });

  it('reports a namespace, duplicate taints, bad taint values and bad CIDRs', () => {
    const taint = { key: 'k', value: 'a b', effect: 'NoExecute' } as const;
    expect(
      validateNode({
        metadata: { name: 'n', namespace: 'default' },
        spec: { taints: [taint, taint], podCIDRs: ['10.0.0.0/33', '10.1.0.0/16'] },
      }),
    ).toStrictEqual([
      {
        reason: 'FieldValueForbidden',
        field: 'metadata.namespace',
        message: 'Forbidden: not allowed on this type',
      },
      expect.objectContaining({ reason: 'FieldValueInvalid', field: 'spec.taints[0].value' }),
      expect.objectContaining({ reason: 'FieldValueInvalid', field: 'spec.taints[1].value' }),
      {
        reason: 'FieldValueDuplicate',
        field: 'spec.taints[1]',
        message: `Duplicate value: ${JSON.stringify(taint)}: taints must be unique by key and effect pair`,
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podCIDRs[0]',
        message:
          'Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podCIDRs',
        message:
          'Invalid value: ["10.0.0.0/33","10.1.0.0/16"]: may specify no more than one CIDR for each IP family',
      },
    ]);
  });
});
