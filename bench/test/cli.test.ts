import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from '../src/benchmark.js';
import { runCli, type CliEnvironment } from '../src/cli.js';
import type { BenchmarkReport } from '../src/report.js';
import { fixedBenchmark, recordingSink, type RecordingSink } from './support/fixtures.js';

let directory: string;
let resultsPath: string;
let stdout: RecordingSink;
let stderr: RecordingSink;
let executed: string[];

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'bench-cli-'));
  resultsPath = join(directory, 'bench-results.json');
  stdout = recordingSink();
  stderr = recordingSink();
  executed = [];
});

afterEach(async () => {
  await rm(directory, { recursive: true });
});

/**
 * An environment that records what it executes, runs benchmarks in this process (or
 * through `execute`, when given), and in which time stands still.
 */
function environment(
  benchmarks: readonly Benchmark[],
  execute?: (benchmark: Benchmark) => Promise<BenchmarkReport>,
): CliEnvironment {
  return {
    benchmarks,
    execute: async (benchmark) => {
      executed.push(benchmark.name);
      return execute === undefined
        ? {
            kind: 'measured',
            value: await benchmark.run({ name: benchmark.name, log: () => undefined }),
          }
        : execute(benchmark);
    },
    resultsPath,
    stdout,
    stderr,
    now: () => 0,
  };
}

/** `true` if a file exists at `path`. */
async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

const registry = [
  fixedBenchmark('store.put', 1000, { target: 500 }),
  fixedBenchmark('store.get', 2000),
  fixedBenchmark('clock.now', 3000),
];

describe('runCli', () => {
  it('runs every benchmark, prints the table and writes the results, when given no prefix', async () => {
    expect(await runCli([], environment(registry))).toBe(0);
    expect(executed).toEqual(['store.put', 'store.get', 'clock.now']);
    expect(stdout.text()).toContain('store.put  1,000  ops/s  higher     500  ✓');
    expect(stdout.text()).toContain(`Wrote ${resultsPath}`);
    expect(JSON.parse(await readFile(resultsPath, 'utf8'))).toEqual([
      { name: 'store.put', value: 1000, unit: 'ops/s', better: 'higher' },
      { name: 'store.get', value: 2000, unit: 'ops/s', better: 'higher' },
      { name: 'clock.now', value: 3000, unit: 'ops/s', better: 'higher' },
    ]);
  });

  it('runs only the benchmarks matching a prefix', async () => {
    expect(await runCli(['store.', 'clock.now'], environment(registry))).toBe(0);
    expect(executed).toEqual(['store.put', 'store.get', 'clock.now']);
    expect(await runCli(['store.g'], environment(registry))).toBe(0);
    expect(executed.slice(3)).toEqual(['store.get']);
    expect(JSON.parse(await readFile(resultsPath, 'utf8'))).toEqual([
      { name: 'store.get', value: 2000, unit: 'ops/s', better: 'higher' },
    ]);
  });

  it('exits with 2, runs nothing and writes nothing when a prefix matches nothing', async () => {
    expect(await runCli(['store', 'nope'], environment(registry))).toBe(2);
    expect(executed).toEqual([]);
    expect(await exists(resultsPath)).toBe(false);
    expect(stdout.text()).toBe('');
    expect(stderr.text()).toBe(
      'bench: no benchmark name starts with "nope"\n' +
        'Known benchmarks:\n  store.put\n  store.get\n  clock.now\n',
    );
  });

  it('reports a failing benchmark, runs the others, and exits with 1', async () => {
    const code = await runCli(
      [],
      environment(registry, (benchmark) =>
        Promise.resolve<BenchmarkReport>(
          benchmark.name === 'store.get'
            ? { kind: 'failed', reason: 'threw Error: boom', detail: 'Error: boom\n    at get' }
            : { kind: 'measured', value: 7 },
        ),
      ),
    );
    expect(code).toBe(1);
    expect(executed).toEqual(['store.put', 'store.get', 'clock.now']);
    expect(stderr.text()).toContain('[2/3] store.get\n      FAILED: threw Error: boom (0.0 s)\n');
    expect(stdout.text()).toMatch(/^store\.get +FAILED +ops\/s +higher$/m);
    expect(stderr.text()).toContain(
      '1 failed:\n✗ store.get threw Error: boom\n    Error: boom\n        at get\n',
    );
    expect(JSON.parse(await readFile(resultsPath, 'utf8'))).toEqual([
      { name: 'store.put', value: 7, unit: 'ops/s', better: 'higher' },
      { name: 'clock.now', value: 7, unit: 'ops/s', better: 'higher' },
    ]);
  });

  it('reports a runner that rejects as a failure of that benchmark and carries on', async () => {
    const code = await runCli(
      [],
      environment(registry, (benchmark) =>
        benchmark.name === 'store.put'
          ? Promise.reject(new Error('fork failed'))
          : Promise.resolve({ kind: 'measured', value: 1 }),
      ),
    );
    expect(code).toBe(1);
    expect(executed).toHaveLength(3);
    expect(stderr.text()).toContain('✗ store.put could not be run: Error: fork failed');
  });

  it('lists the selected benchmarks without running them', async () => {
    expect(await runCli(['--list', 'store.p'], environment(registry))).toBe(0);
    expect(executed).toEqual([]);
    expect(stdout.text()).toBe(
      'store.put (ops/s, higher is better, target 500)\n    store.put, for tests\n',
    );
    expect(await exists(resultsPath)).toBe(false);
  });

  it('prints the usage for --help', async () => {
    expect(await runCli(['--help'], environment(registry))).toBe(0);
    expect(stdout.text()).toMatch(/^Usage: npm run bench -- \[options\] \[name-prefix\.\.\.\]/);
  });

  it('exits with 2 and prints the usage for an unknown option', async () => {
    expect(await runCli(['--fast'], environment(registry))).toBe(2);
    expect(executed).toEqual([]);
    expect(stderr.text()).toMatch(/^bench: unknown option "--fast"\n\nUsage: /);
  });

  it('exits with 2 before running anything when two benchmarks share a name', async () => {
    const duplicated = [...registry, fixedBenchmark('store.get')];
    expect(await runCli([], environment(duplicated))).toBe(2);
    expect(executed).toEqual([]);
    expect(stderr.text()).toContain('"store.get" is used more than once');
  });

  it('writes an empty result list, and says why, when no benchmark is registered', async () => {
    expect(await runCli([], environment([]))).toBe(0);
    expect(stderr.text()).toContain('no benchmarks are registered');
    expect(await readFile(resultsPath, 'utf8')).toBe('[]\n');
  });
});
