/**
 * Measures how many operations per second a piece of code sustains.
 *
 * @module
 */
import { isGcExposed, collectGarbage } from './gc.js';
import { median } from './stats.js';

/** Options of {@link measureThroughput}. */
export interface ThroughputOptions {
  /** How many times `run` is called in one round. A positive integer. */
  readonly operations: number;
  /**
   * Performs one operation: call number `index` (0 ≤ `index` < `operations`) of the
   * current round. `index` lets an operation pick its key without allocating.
   *
   * If it returns a promise (or any thenable), the harness awaits it before the next
   * call, so asynchronous operations are measured one at a time, end to end. To measure
   * concurrent operations, make one call start and await a whole batch, and count calls.
   */
  readonly run: (index: number) => unknown;
  /**
   * Prepares a round; not timed. For example, creates a fresh store so that every
   * round starts from the same state.
   */
  readonly beforeRound?: () => void | Promise<void>;
  /** Untimed rounds run first, so the JIT has compiled the hot path. Default 1. */
  readonly warmupRounds?: number;
  /** Timed rounds, at most. Default 5. */
  readonly rounds?: number;
  /**
   * No timed round starts once this many milliseconds have gone by since the first
   * timed round started; at least one timed round always runs. Default 30 000.
   */
  readonly timeBudgetMs?: number;
}

/**
 * The median rate, in operations per second, over several timed rounds of `run`.
 *
 * Each round calls `options.beforeRound` (untimed), collects garbage when the collector
 * is exposed (untimed; the harness exposes it), then times `operations` calls of `run`.
 *
 * Guarantees: the timed loop allocates nothing of its own, and never awaits a
 * synchronous result, so the cost measured is that of `run`. Size `operations` so that
 * a round takes at least ~100 ms; shorter rounds are dominated by timer resolution.
 *
 * @throws {RangeError} if an option is out of range, or a round took no measurable time.
 * @throws whatever `run` or `beforeRound` throws (or rejects with).
 */
export async function measureThroughput(options: ThroughputOptions): Promise<number> {
  const { operations, run, beforeRound } = options;
  const warmupRounds = options.warmupRounds ?? 1;
  const rounds = options.rounds ?? 5;
  const timeBudgetMs = options.timeBudgetMs ?? 30_000;
  requireInteger('operations', operations, 1);
  requireInteger('warmupRounds', warmupRounds, 0);
  requireInteger('rounds', rounds, 1);
  if (!(timeBudgetMs > 0)) {
    throw new RangeError(`measureThroughput: timeBudgetMs must be positive, got ${timeBudgetMs}`);
  }

  for (let round = 0; round < warmupRounds; round++) {
    await prepareRound(beforeRound);
    await timeRound(run, operations);
  }

  const rates: number[] = [];
  const budgetStart = performance.now();
  while (
    rates.length < rounds &&
    (rates.length === 0 || performance.now() - budgetStart < timeBudgetMs)
  ) {
    await prepareRound(beforeRound);
    const elapsedMs = await timeRound(run, operations);
    if (elapsedMs <= 0) {
      throw new RangeError(
        `measureThroughput: a round of ${operations} operations took no measurable time; ` +
          'raise `operations`',
      );
    }
    rates.push((operations * 1000) / elapsedMs);
  }
  return median(rates);
}

/** Runs the untimed preparation of one round. */
async function prepareRound(beforeRound: (() => void | Promise<void>) | undefined): Promise<void> {
  if (beforeRound !== undefined) {
    await beforeRound();
  }
  // Garbage left by earlier rounds (or by the preparation) would otherwise be collected
  // during the timed loop, charging one round for another's allocations.
  if (isGcExposed()) {
    await collectGarbage('measureThroughput');
  }
}

/** Calls `run` `operations` times and returns the elapsed time in milliseconds. */
async function timeRound(run: (index: number) => unknown, operations: number): Promise<number> {
  const start = performance.now();
  for (let index = 0; index < operations; index++) {
    const result = run(index);
    if (isThenable(result)) {
      await result;
    }
  }
  return performance.now() - start;
}

/** `true` if `value` has a `then` method, as promises do. */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Throws a `RangeError` naming the option unless `value` is an integer of at least `minimum`. */
function requireInteger(option: string, value: number, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(
      `measureThroughput: ${option} must be an integer of at least ${minimum}, got ${value}`,
    );
  }
}
