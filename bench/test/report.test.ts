import { describe, expect, it } from '@jest/globals';
import type { Benchmark } from '../src/benchmark.js';
import { decodeReport, failedWith, runBenchmark } from '../src/report.js';
import { fixedBenchmark } from './support/fixtures.js';

/** A benchmark whose `run` is `run`, whatever its declared type says. */
function benchmarkRunning(run: () => unknown): Benchmark {
  return fixedBenchmark('store.put', 0, { run: run as Benchmark['run'] });
}

describe('runBenchmark', () => {
  it('reports the value the benchmark resolves to', async () => {
    expect(await runBenchmark(fixedBenchmark('store.put', 42), () => undefined)).toEqual({
      kind: 'measured',
      value: 42,
    });
  });

  it('passes the benchmark its name and a log that prefixes it', async () => {
    const lines: string[] = [];
    const benchmark = fixedBenchmark('store.put', 0, {
      run: (context) => {
        context.log(`running ${context.name}`);
        return Promise.resolve(1);
      },
    });
    await runBenchmark(benchmark, (line) => lines.push(line));
    expect(lines).toEqual(['store.put: running store.put']);
  });

  it('reports a rejection as a failure with the error and its stack', async () => {
    const report = await runBenchmark(
      benchmarkRunning(() => Promise.reject(new TypeError('no store'))),
      () => undefined,
    );
    expect(report).toMatchObject({ kind: 'failed', reason: 'threw TypeError: no store' });
    expect(report.kind === 'failed' && report.detail).toMatch(/^TypeError: no store\n\s+at /);
  });

  it('reports a synchronous throw as a failure', async () => {
    const report = await runBenchmark(
      benchmarkRunning(() => {
        throw new Error('too early');
      }),
      () => undefined,
    );
    expect(report).toMatchObject({ kind: 'failed', reason: 'threw Error: too early' });
  });

  it('reports a thrown non-error as a failure, showing it', async () => {
    const report = await runBenchmark(
      // Benchmarks may call code that rejects with anything; the report must still say what.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      benchmarkRunning(() => Promise.reject({ code: 7 })),
      () => undefined,
    );
    expect(report).toEqual({ kind: 'failed', reason: 'threw { code: 7 }' });
  });

  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    ['12', "'12'"],
    [undefined, 'undefined'],
  ])('reports a value of %p as a failure', async (value, shown) => {
    const report = await runBenchmark(
      benchmarkRunning(() => Promise.resolve(value)),
      () => undefined,
    );
    expect(report).toEqual({
      kind: 'failed',
      reason: `resolved to ${shown}, not a finite number`,
    });
  });
});

describe('failedWith', () => {
  it('leaves out the detail of an error without a stack', () => {
    const error = new Error('gone');
    delete error.stack;
    expect(failedWith('threw', error)).toEqual({ kind: 'failed', reason: 'threw Error: gone' });
  });
});

describe('decodeReport', () => {
  it('reads a measured report', () => {
    expect(decodeReport({ kind: 'measured', value: 3 })).toEqual({ kind: 'measured', value: 3 });
  });

  it('reads a failed report, with or without detail, dropping unknown fields', () => {
    expect(decodeReport({ kind: 'failed', reason: 'r', detail: 'd', extra: 1 })).toEqual({
      kind: 'failed',
      reason: 'r',
      detail: 'd',
    });
    expect(decodeReport({ kind: 'failed', reason: 'r' })).toEqual({ kind: 'failed', reason: 'r' });
  });

  it.each([
    [null, 'not an object'],
    ['measured', 'not an object'],
    [{ kind: 'measured', value: null }, 'value is not a finite number'],
    [{ kind: 'failed' }, 'reason is not a string'],
    [{ kind: 'done', value: 1 }, 'kind is neither "measured" nor "failed"'],
  ])('turns the malformed message %p into a failure saying what is wrong', (message, problem) => {
    const report = decodeReport(message);
    expect(report.kind).toBe('failed');
    expect(report.kind === 'failed' && report.reason).toContain(
      `sent a malformed report (${problem})`,
    );
  });
});
