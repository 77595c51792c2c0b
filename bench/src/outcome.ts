/**
 * A benchmark together with what running it produced: the unit of everything the
 * harness prints and writes.
 *
 * @module
 */
import type { Benchmark, Better } from './benchmark.js';
import type { BenchmarkReport } from './report.js';

/** One benchmark and its report. */
export interface BenchmarkOutcome {
  /** The benchmark that ran. */
  readonly benchmark: Benchmark;
  /** What it produced. */
  readonly report: BenchmarkReport;
}

/**
 * Whether `value` meets `target`: at least the target when higher is better, at most
 * the target when lower is better. `undefined` when there is no target.
 */
export function meetsTarget(
  value: number,
  better: Better,
  target: number | undefined,
): boolean | undefined {
  if (target === undefined) {
    return undefined;
  }
  switch (better) {
    case 'higher':
      return value >= target;
    case 'lower':
      return value <= target;
  }
}

/** `0` when every benchmark produced a value; `1` when at least one failed. */
export function exitCodeFor(outcomes: readonly BenchmarkOutcome[]): 0 | 1 {
  return outcomes.every(({ report }) => report.kind === 'measured') ? 0 : 1;
}
