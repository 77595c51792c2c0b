import { describe, expect, it } from '@jest/globals';
import { Backoff, formatBackoff } from '../../src/kubelet/backoff.js';

describe('Backoff', () => {
  it('doubles from 10 seconds up to 5 minutes', () => {
    const backoff = new Backoff();
    const seen: number[] = [];
    for (let step = 0; step < 7; step++) {
      backoff.next('pod/app', step * 1000, step * 1000);
      seen.push(backoff.current('pod/app') ?? 0);
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  });

  it('starts over once the key was quiet for twice the maximum', () => {
    const backoff = new Backoff();
    backoff.next('k', 0, 0);
    backoff.next('k', 1, 1);
    backoff.next('k', 600_002, 600_002);
    expect(backoff.current('k')).toBe(10_000);
  });

  it('answers the time left since an event and since the last update', () => {
    const backoff = new Backoff();
    expect(backoff.remainingSince('k', 0, 0)).toBe(0);
    backoff.next('k', 0, 0);
    expect(backoff.remainingSince('k', 1_000, 4_000)).toBe(7_000);
    expect(backoff.remainingSinceUpdate('k', 4_000)).toBe(6_000);
    backoff.forgetPrefix('k');
    expect(backoff.current('k')).toBeUndefined();
  });

  it('formats back-offs as Go durations', () => {
    expect([10_000, 80_000, 160_000, 300_000].map(formatBackoff)).toEqual([
      '10s',
      '1m20s',
      '2m40s',
      '5m0s',
    ]);
  });
});
