/**
 * What a benchmark is, and the helpers benchmarks are written with.
 *
 * A benchmark module imports everything it needs from here:
 *
 * ```ts
 * import { defineBenchmark, measureThroughput, type Benchmark } from './benchmark.js';
 * ```
 *
 * @module
 */

export { measureThroughput, type ThroughputOptions } from './throughput.js';
export { measureHeap, type HeapOptions } from './heap.js';
export { GcNotExposedError } from './gc.js';

// ---------------------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------------------

/** Which direction of change is an improvement: `'higher'` for rates, `'lower'` for costs. */
export type Better = 'higher' | 'lower';

/** What the harness hands to a running benchmark. */
export interface BenchmarkContext {
  /** The name of the benchmark being run. */
  readonly name: string;
  /**
   * Writes a diagnostic line to stderr, prefixed with the benchmark's name. Does not
   * affect the result; use it for details such as the rate of each round.
   */
  readonly log: (message: string) => void;
}

/**
 * One measured quantity: a name, a unit, and how to measure it.
 *
 * Assumptions: `run` is called once, in a process of its own started with
 * `--expose-gc`, so it may measure the heap and need not clean up after itself.
 */
export interface Benchmark {
  /**
   * Unique, stable identifier, dotted from general to specific:
   * `<area>.<subject>.<metric>`, e.g. `store.put.throughput`. `npm run bench -- store`
   * runs every benchmark whose name starts with `store`. Results are compared across
   * runs by name, so renaming a benchmark loses its history.
   */
  readonly name: string;
  /** One sentence: what is measured, and under which conditions. Shown by `--list`. */
  readonly description: string;
  /** Unit of the value, e.g. `ops/s`, `MiB`, `ms`. */
  readonly unit: string;
  /** Whether a higher or a lower value is an improvement. */
  readonly better: Better;
  /**
   * The value the project commits to (e.g. from the issue that introduced the hot
   * path). The table shows whether it was met; a missed target does not fail the run.
   */
  readonly target?: number;
  /**
   * Performs the measurement and resolves to the value, in `unit`.
   *
   * Errors: a rejection, or a value that is not a finite number, fails this benchmark;
   * the harness reports it and carries on with the others.
   */
  readonly run: (context: BenchmarkContext) => Promise<number>;
}

// ---------------------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------------------

/** Thrown by {@link defineBenchmark} for a definition the harness could not run or report. */
export class InvalidBenchmarkError extends Error {
  /** Creates the error for the benchmark called `name`; `problem` says what is wrong. */
  constructor(name: string, problem: string) {
    super(`invalid benchmark ${JSON.stringify(name)}: ${problem}`);
    this.name = 'InvalidBenchmarkError';
  }
}

/**
 * Letters, digits and `.`, `_`, `/`, `-`; not starting with `-`, so that a name can
 * never be mistaken for a command-line flag.
 */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/**
 * Checks a benchmark definition and returns it, frozen.
 *
 * @example
 * ```ts
 * const clock = new RealClock();
 * export const clockBenchmarks: readonly Benchmark[] = [
 *   defineBenchmark({
 *     name: 'clock.now.throughput',
 *     description: 'RealClock.now() calls per second.',
 *     unit: 'ops/s',
 *     better: 'higher',
 *     run: () => measureThroughput({ operations: 1_000_000, run: () => clock.now() }),
 *   }),
 * ];
 * ```
 *
 * @throws {@link InvalidBenchmarkError} if the name does not match the naming rule, the
 * unit or description is empty, or the target is not a finite number.
 */
export function defineBenchmark(definition: Benchmark): Benchmark {
  const { name, description, unit, target } = definition;
  if (!NAME_PATTERN.test(name)) {
    throw new InvalidBenchmarkError(
      name,
      'a name is letters, digits, ".", "_", "/" and "-", and does not start with "-"',
    );
  }
  if (description.trim() === '') {
    throw new InvalidBenchmarkError(name, 'the description is empty');
  }
  if (unit.trim() === '') {
    throw new InvalidBenchmarkError(name, 'the unit is empty');
  }
  if (target !== undefined && !Number.isFinite(target)) {
    throw new InvalidBenchmarkError(name, `the target ${target} is not a finite number`);
  }
  return Object.freeze({ ...definition });
}
