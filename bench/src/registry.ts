/**
 * Every benchmark the harness knows.
 *
 * To add an area, write `<area>.bench.ts` exporting a `readonly Benchmark[]` and spread
 * it into {@link benchmarks} below. To add a benchmark to an area, append it to that
 * area's array. Nothing else needs to change.
 *
 * Every benchmark process imports this module, and so every area: keep module top
 * levels cheap, and build what a benchmark measures inside its `run`.
 *
 * @module
 */
import type { Benchmark } from './benchmark.js';
import { apiBenchmarks } from './api.bench.js';
import { apiserverBenchmarks } from './apiserver.bench.js';
import { clusterBenchmarks } from './cluster.bench.js';
import { reconcileBenchmarks } from './reconcile.bench.js';
import { schedulerBenchmarks } from './scheduler.bench.js';
import { storeBenchmarks } from './store.bench.js';
import { testingBenchmarks } from './testing.bench.js';

/** All benchmarks, in the order `npm run bench` runs them. Names are unique. */
export const benchmarks: readonly Benchmark[] = [
  ...storeBenchmarks,
  ...apiBenchmarks,
  ...apiserverBenchmarks,
  ...reconcileBenchmarks,
  ...testingBenchmarks,
  ...schedulerBenchmarks,
  ...clusterBenchmarks,
];
