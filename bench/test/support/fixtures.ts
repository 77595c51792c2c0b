import type { Benchmark } from '../../src/benchmark.js';
import type { TextSink } from '../../src/cli.js';

/** A benchmark that resolves to `value` without measuring anything. */
export function fixedBenchmark(
  name: string,
  value = 1,
  overrides: Partial<Omit<Benchmark, 'name'>> = {},
): Benchmark {
  return {
    name,
    description: `${name}, for tests`,
    unit: 'ops/s',
    better: 'higher',
    run: () => Promise.resolve(value),
    ...overrides,
  };
}

/** A text sink that remembers what was written. */
export interface RecordingSink extends TextSink {
  /** Everything written so far. */
  readonly text: () => string;
}

/** A {@link RecordingSink}. */
export function recordingSink(): RecordingSink {
  const chunks: string[] = [];
  return {
    write: (text: string) => chunks.push(text),
    text: () => chunks.join(''),
  };
}
