import { describe, expect, it } from '@jest/globals';
import { formatFailures, formatTable, formatValue } from '../src/format.js';
import type { BenchmarkOutcome } from '../src/outcome.js';
import { fixedBenchmark } from './support/fixtures.js';

describe('formatValue', () => {
  it('separates thousands and drops the fraction from 100 up', () => {
    expect(formatValue(1_234_567.89)).toBe('1,234,568');
    expect(formatValue(100.4)).toBe('100');
  });

  it('keeps two decimals from 1 to 100', () => {
    expect(formatValue(12.345)).toBe('12.35');
    expect(formatValue(3)).toBe('3');
  });

  it('keeps three significant digits below 1', () => {
    expect(formatValue(0.001234)).toBe('0.00123');
    expect(formatValue(0)).toBe('0');
  });

  it('formats negative values like positive ones', () => {
    expect(formatValue(-1234.5)).toBe('-1,235');
  });
});

const outcomes: BenchmarkOutcome[] = [
  {
    benchmark: fixedBenchmark('store.put.throughput', 0, { target: 100_000 }),
    report: { kind: 'measured', value: 123_456.7 },
  },
  {
    benchmark: fixedBenchmark('store.heap', 0, { unit: 'MiB', better: 'lower', target: 10 }),
    report: { kind: 'measured', value: 12.5 },
  },
  {
    benchmark: fixedBenchmark('clock.now', 0),
    report: { kind: 'measured', value: 9_000_000 },
  },
  {
    benchmark: fixedBenchmark('store.broken', 0, { target: 5 }),
    report: { kind: 'failed', reason: 'threw Error: boom', detail: 'Error: boom\n    at run' },
  },
];

describe('formatTable', () => {
  it('aligns names and text left, numbers right, and marks targets met or missed', () => {
    expect(formatTable(outcomes)).toBe(
      [
        'benchmark                 value  unit   better   target  met',
        '--------------------  ---------  -----  ------  -------  ---',
        'store.put.throughput    123,457  ops/s  higher  100,000  ✓',
        'store.heap                 12.5  MiB    lower        10  ✗',
        'clock.now             9,000,000  ops/s  higher',
        'store.broken             FAILED  ops/s  higher        5',
      ].join('\n'),
    );
  });

  it('is only the header for no outcomes', () => {
    expect(formatTable([])).toBe(
      'benchmark  value  unit  better  target  met\n' +
        '---------  -----  ----  ------  ------  ---',
    );
  });
});

describe('formatFailures', () => {
  it('explains each failure, with its detail indented', () => {
    expect(formatFailures(outcomes)).toBe(
      '1 failed:\n✗ store.broken threw Error: boom\n    Error: boom\n        at run',
    );
  });

  it('is empty when nothing failed', () => {
    expect(formatFailures(outcomes.slice(0, 3))).toBe('');
  });
});
