import { describe, expect, it } from '@jest/globals';
import { defineBenchmark, InvalidBenchmarkError } from '../src/benchmark.js';
import { fixedBenchmark } from './support/fixtures.js';

describe('defineBenchmark', () => {
  it('returns the definition, frozen', () => {
    const definition = fixedBenchmark('store.put.throughput', 1, { target: 10 });
    const defined = defineBenchmark(definition);
    expect(defined).toEqual(definition);
    expect(Object.isFrozen(defined)).toBe(true);
  });

  it.each(['', 'store put', '-store', 'store\tput', 'ström'])('rejects the name %j', (name) => {
    expect(() => defineBenchmark(fixedBenchmark(name))).toThrow(InvalidBenchmarkError);
  });

  it.each(['store', 'store.put.p99', 'store/watch-fan_out.1k'])('accepts the name %j', (name) => {
    expect(defineBenchmark(fixedBenchmark(name)).name).toBe(name);
  });

  it('rejects an empty unit or description, naming the benchmark', () => {
    expect(() => defineBenchmark(fixedBenchmark('store.put', 1, { unit: ' ' }))).toThrow(
      'invalid benchmark "store.put": the unit is empty',
    );
    expect(() => defineBenchmark(fixedBenchmark('store.put', 1, { description: '' }))).toThrow(
      'invalid benchmark "store.put": the description is empty',
    );
  });

  it('rejects a target that is not a finite number', () => {
    expect(() => defineBenchmark(fixedBenchmark('store.put', 1, { target: Number.NaN }))).toThrow(
      'invalid benchmark "store.put": the target NaN is not a finite number',
    );
  });
});
