/**
 * Benchmarks of the test harness (`@drydock/runtime/testing`): how long a test waits
 * for a fresh environment.
 *
 * @module
 */
import { createTestEnv } from '@drydock/runtime/testing';
import type { Benchmark } from './benchmark.js';
import { defineBenchmark } from './benchmark.js';
import { median } from './stats.js';

/** Environments started and timed; the first few warm the JIT and are not counted. */
const SAMPLES = 200;
const WARMUP = 20;

/**
 * The median time from calling `createTestEnv()` (RBAC with the bootstrap policy, the
 * system namespaces) to the env being ready, each env stopped before the next.
 */
async function startTime(log: (message: string) => void): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const started = performance.now();
    const env = await createTestEnv();
    const elapsed = performance.now() - started;
    await env.stop();
    if (i >= WARMUP) {
      samples.push(elapsed);
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  log(
    `min ${sorted[0]?.toFixed(2) ?? '?'} ms, p90 ${sorted[Math.floor(SAMPLES * 0.9)]?.toFixed(2) ?? '?'} ms`,
  );
  return median(samples);
}

/** The test harness's benchmarks. */
export const testingBenchmarks: readonly Benchmark[] = [
  defineBenchmark({
    name: 'testenv.start',
    description: `Median ms from createTestEnv() to a ready env (RBAC, system namespaces), over ${SAMPLES} envs.`,
    unit: 'ms',
    better: 'lower',
    target: 20,
    run: ({ log }) => startTime(log),
  }),
];
