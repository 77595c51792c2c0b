import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import { podIpAllocator, type PodIpAllocator } from '../../src/kubelet/ip-allocation.js';

function allocator(cidr: string): PodIpAllocator {
  const made = podIpAllocator(cidr);
  if (isLeft(made)) {
    throw new Error(made.left);
  }
  return made.right;
}

describe('podIpAllocator', () => {
  it('hands out host addresses from .2, the same one to the same owner', () => {
    const ips = allocator('10.244.1.0/24');
    expect(ips.allocate('a')).toBe('10.244.1.2');
    expect(ips.allocate('b')).toBe('10.244.1.3');
    expect(ips.allocate('a')).toBe('10.244.1.2');
    expect(ips.inUse).toBe(2);
  });

  it('does not reuse a released address before going round', () => {
    const ips = allocator('10.0.0.0/29');
    expect(['a', 'b', 'c', 'd', 'e'].map((owner) => ips.allocate(owner))).toEqual([
      '10.0.0.2',
      '10.0.0.3',
      '10.0.0.4',
      '10.0.0.5',
      '10.0.0.6',
    ]);
    expect(ips.allocate('f')).toBeUndefined();
    ips.release('b');
    expect(ips.allocate('f')).toBe('10.0.0.3');
  });

  it('rejects what is not an IPv4 CIDR with room for a pod', () => {
    for (const cidr of ['10.0.0.0', '10.0.0.0/31', '300.0.0.0/24', 'fd00::/64', '']) {
      expect(isLeft(podIpAllocator(cidr))).toBe(true);
    }
  });
});
