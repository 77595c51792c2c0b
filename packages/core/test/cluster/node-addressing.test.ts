import { describe, expect, it } from '@jest/globals';
import { MAX_ADDRESSED_NODES, nodeAddressing } from '../../src/cluster/node-addressing.js';

describe('nodeAddressing', () => {
  it('gives the first node kind-like addresses', () => {
    expect(nodeAddressing(0)).toEqual({ internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24' });
    expect(nodeAddressing(1)).toEqual({ internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' });
  });

  it('gives every node of a 5,000-node cluster its own IP and pod CIDR', () => {
    const ips = new Set<string>();
    const cidrs = new Set<string>();
    for (let index = 0; index < 5_000; index++) {
      const { internalIP, podCIDR } = nodeAddressing(index);
      ips.add(internalIP);
      cidrs.add(podCIDR);
    }
    expect(ips.size).toBe(5_000);
    expect(cidrs.size).toBe(5_000);
    expect(nodeAddressing(254)).toEqual({ internalIP: '172.18.1.0', podCIDR: '10.244.254.0/24' });
  });

  it('keeps pod CIDRs out of the default service range 10.96.0.0/12', () => {
    for (const index of [0, 3_000, 3_071, 3_072, MAX_ADDRESSED_NODES - 1]) {
      const second = Number(nodeAddressing(index).podCIDR.split('.')[1]);
      expect(second).toBeGreaterThanOrEqual(224);
    }
  });

  it('refuses an index out of range', () => {
    expect(() => nodeAddressing(-1)).toThrow(RangeError);
    expect(() => nodeAddressing(MAX_ADDRESSED_NODES)).toThrow(/from 0 to 8191/);
    expect(() => nodeAddressing(1.5)).toThrow(RangeError);
  });
});
