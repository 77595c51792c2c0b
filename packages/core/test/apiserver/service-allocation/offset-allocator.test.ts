import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseIpv4Range } from '../../../src/apiserver/service-allocation/ipv4-range.js';
import { parsePortRange } from '../../../src/apiserver/service-allocation/node-port-range.js';
import {
  OffsetAllocator,
  staticBandSize,
} from '../../../src/apiserver/service-allocation/offset-allocator.js';

describe('OffsetAllocator', () => {
  it('hands out the dynamic band first, then the static band, then nothing', () => {
    const pool = new OffsetAllocator({ size: 4, staticBand: 2 });
    const taken = [0, 1, 2, 3, 4].map(() => pool.allocateNext('svc'));
    expect(taken).toEqual([2, 3, 0, 1, undefined]);
  });

  it('never hands out the request-only offset dynamically', () => {
    const pool = new OffsetAllocator({ size: 2, staticBand: 0, requestOnly: 0 });
    expect(pool.allocateNext('svc')).toBe(1);
    expect(pool.allocateNext('svc')).toBeUndefined();
    expect(pool.reserve(0, 'kubernetes')).toBe(true);
  });

  it('releases only for the owner', () => {
    const pool = new OffsetAllocator({ size: 4, staticBand: 0 });
    pool.reserve(1, 'a');
    pool.release(1, 'b');
    expect(pool.ownerOf(1)).toBe('a');
    expect(pool.reserve(1, 'b')).toBe(false);
    pool.release(1, 'a');
    expect(pool.used).toBe(0);
  });

  it('never gives one offset to two owners', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (steps) => {
        const pool = new OffsetAllocator({ size: 8, staticBand: 3 });
        const held: number[] = [];
        let doubled = false;
        for (const [index, allocate] of steps.entries()) {
          if (allocate || held.length === 0) {
            const offset = pool.allocateNext(`s${index}`);
            if (offset !== undefined) {
              doubled ||= held.includes(offset);
              held.push(offset);
            }
          } else {
            const offset = held.shift()!;
            pool.release(offset, pool.ownerOf(offset)!);
          }
        }
        expect(doubled).toBe(false);
        expect(pool.used).toBe(held.length);
      }),
    );
  });

  it('sizes the static band as upstream', () => {
    expect(staticBandSize(2 ** 20, 16, 256)).toBe(256);
    expect(staticBandSize(256, 16, 256)).toBe(16);
    expect(staticBandSize(16, 16, 256)).toBe(0);
    expect(staticBandSize(2768, 32, 128)).toBe(86);
  });
});

describe('service ranges', () => {
  it('parses a CIDR into its usable addresses', () => {
    const range = parseIpv4Range('10.96.0.0/12');
    expect(range.size).toBe(2 ** 20 - 2);
    expect(range.addressAt(0)).toBe('10.96.0.1');
    expect(range.offsetOf('10.111.255.254')).toBe(2 ** 20 - 3);
    expect(range.offsetOf('10.111.255.255')).toBe('out-of-range');
    expect(range.offsetOf('10.96.0.0')).toBe('out-of-range');
    expect(range.offsetOf('10.96.0.256')).toBe('invalid');
  });

  it('refuses ranges it cannot model', () => {
    expect(() => parseIpv4Range('fd00::/108')).toThrow(RangeError);
    expect(() => parseIpv4Range('10.0.0.0/31')).toThrow(RangeError);
    expect(() => parsePortRange('32767-30000')).toThrow(RangeError);
    expect(parsePortRange('30000-32767')).toEqual({
      text: '30000-32767',
      first: 30000,
      size: 2768,
    });
  });
});
