import { describe, expect, it } from '@jest/globals';
import { exitCodeFor, meetsTarget } from '../src/outcome.js';
import { fixedBenchmark } from './support/fixtures.js';

describe('meetsTarget', () => {
  it('is met by a value at or above the target when higher is better', () => {
    expect(meetsTarget(10, 'higher', 10)).toBe(true);
    expect(meetsTarget(9.9, 'higher', 10)).toBe(false);
  });

  it('is met by a value at or below the target when lower is better', () => {
    expect(meetsTarget(10, 'lower', 10)).toBe(true);
    expect(meetsTarget(10.1, 'lower', 10)).toBe(false);
  });

  it('is undefined without a target', () => {
    expect(meetsTarget(10, 'higher', undefined)).toBeUndefined();
  });
});

describe('exitCodeFor', () => {
  const measured = {
    benchmark: fixedBenchmark('a'),
    report: { kind: 'measured', value: 1 },
  } as const;
  const failed = {
    benchmark: fixedBenchmark('b'),
    report: { kind: 'failed', reason: 'x' },
  } as const;

  it('is 0 when every benchmark produced a value, or none ran', () => {
    expect(exitCodeFor([measured, measured])).toBe(0);
    expect(exitCodeFor([])).toBe(0);
  });

  it('is 1 when any benchmark failed', () => {
    expect(exitCodeFor([measured, failed])).toBe(1);
  });
});
