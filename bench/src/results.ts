/**
 * `bench-results.json`: the machine-readable results, for CI to track over time.
 *
 * The file is a JSON array of `{ name, value, unit, better }`, exactly those four keys,
 * one entry per benchmark that produced a value, in the order they ran.
 *
 * @module
 */
import { rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Better } from './benchmark.js';
import type { BenchmarkOutcome } from './outcome.js';

/**
 * Where `npm run bench` writes its results: `bench-results.json` at the repository
 * root. Resolved from this module's location (`bench/src` or `bench/dist`, both two
 * levels down), not from the working directory.
 */
export const RESULTS_PATH: string = fileURLToPath(
  new URL('../../bench-results.json', import.meta.url),
);

/** One entry of `bench-results.json`. */
export interface BenchmarkResult {
  /** The benchmark's name. */
  readonly name: string;
  /** The measured value, in `unit`. */
  readonly value: number;
  /** The unit of `value`. */
  readonly unit: string;
  /** Whether a higher or a lower value is an improvement. */
  readonly better: Better;
}

/**
 * The entries of `bench-results.json` for `outcomes`: the measured ones, in order,
 * each with exactly the four keys of {@link BenchmarkResult}. Failed benchmarks have
 * no value and are left out; the run's exit status reports them.
 */
export function toResults(outcomes: readonly BenchmarkOutcome[]): BenchmarkResult[] {
  const results: BenchmarkResult[] = [];
  for (const { benchmark, report } of outcomes) {
    if (report.kind === 'measured') {
      // Built field by field: a benchmark object carries more than the file allows.
      const { name, unit, better } = benchmark;
      results.push({ name, value: report.value, unit, better });
    }
  }
  return results;
}

/**
 * Writes `results` to `path` as indented JSON.
 *
 * Writes a temporary file next to `path` and renames it over `path`, so a reader never
 * sees a half-written file.
 *
 * @throws the file system's error if the file cannot be written.
 */
export async function writeResults(
  path: string,
  results: readonly BenchmarkResult[],
): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(results, null, 2)}\n`, 'utf8');
  await rename(temporary, path);
}
