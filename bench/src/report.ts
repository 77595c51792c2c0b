/**
 * What one benchmark run produced, as the benchmark process reports it to the harness.
 *
 * Reports cross a process boundary (as JSON over the IPC channel), so they hold plain
 * data only, and the receiving side decodes them rather than trusting their shape.
 *
 * @module
 */
import { inspect } from 'node:util';
import type { Benchmark, BenchmarkContext } from './benchmark.js';

// ---------------------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------------------

/** The benchmark produced a value. */
export interface Measured {
  readonly kind: 'measured';
  /** The value, in the benchmark's unit. Always finite. */
  readonly value: number;
}

/** The benchmark produced no value. */
export interface Failed {
  readonly kind: 'failed';
  /** One line saying what went wrong, e.g. `threw TypeError: x is undefined`. */
  readonly reason: string;
  /** More lines to help diagnose it, such as a stack trace. */
  readonly detail?: string;
}

/** The result of running one benchmark: {@link Measured} or {@link Failed}. */
export type BenchmarkReport = Measured | Failed;

// ---------------------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------------------

/**
 * Runs `benchmark` in this process and reports what happened.
 *
 * Never rejects: a benchmark that throws, rejects, or resolves to something other than
 * a finite number yields a {@link Failed} report naming the problem.
 *
 * @param log - Receives the lines the benchmark writes with `context.log`.
 */
export async function runBenchmark(
  benchmark: Benchmark,
  log: (line: string) => void,
): Promise<BenchmarkReport> {
  const context: BenchmarkContext = {
    name: benchmark.name,
    log: (message) => log(`${benchmark.name}: ${message}`),
  };
  let value: unknown;
  try {
    value = await benchmark.run(context);
  } catch (error: unknown) {
    return failedWith('threw', error);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { kind: 'failed', reason: `resolved to ${inspect(value)}, not a finite number` };
  }
  return { kind: 'measured', value };
}

/**
 * A {@link Failed} report for an `error` that was thrown (or emitted); `verb` says how
 * it surfaced, e.g. `threw`.
 */
export function failedWith(verb: string, error: unknown): Failed {
  if (error instanceof Error) {
    const reason = `${verb} ${error.name}: ${error.message}`;
    return error.stack === undefined
      ? { kind: 'failed', reason }
      : { kind: 'failed', reason, detail: error.stack };
  }
  return { kind: 'failed', reason: `${verb} ${inspect(error)}` };
}

/**
 * Reads a report received from another process.
 *
 * A message that is not a well-formed report becomes a {@link Failed} report that says
 * so, rather than an exception: the harness then reports the broken benchmark and
 * carries on with the others.
 */
export function decodeReport(message: unknown): BenchmarkReport {
  const malformed = (problem: string): Failed => ({
    kind: 'failed',
    reason: `sent a malformed report (${problem}): ${inspect(message)}`,
  });
  if (typeof message !== 'object' || message === null) {
    return malformed('not an object');
  }
  const fields = message as Record<string, unknown>;
  switch (fields['kind']) {
    case 'measured': {
      const value = fields['value'];
      return typeof value === 'number' && Number.isFinite(value)
        ? { kind: 'measured', value }
        : malformed('value is not a finite number');
    }
    case 'failed': {
      const { reason, detail } = { reason: fields['reason'], detail: fields['detail'] };
      if (typeof reason !== 'string') {
        return malformed('reason is not a string');
      }
      return typeof detail === 'string'
        ? { kind: 'failed', reason, detail }
        : { kind: 'failed', reason };
    }
    default:
      return malformed('kind is neither "measured" nor "failed"');
  }
}
