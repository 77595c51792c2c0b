/**
 * Benchmarks of the API building blocks: selectors and quantities.
 *
 * @module
 */
import { parseLabelSelector, parseQuantity } from '@drydock/core';
import type { Benchmark } from './benchmark.js';
import { defineBenchmark, measureThroughput } from './benchmark.js';

/** Label sets like those of 10,000 pods from a handful of Deployments. */
function podLabels(count: number): Record<string, string>[] {
  const apps = ['web', 'api', 'db', 'cache', 'worker'];
  return Array.from({ length: count }, (_, i) => ({
    app: apps[i % apps.length]!,
    'pod-template-hash': `h${i % 7}`,
    tier: i % 2 === 0 ? 'frontend' : 'backend',
    ...(i % 10 === 0 ? { canary: 'true' } : {}),
  }));
}

/** The API building blocks' benchmarks, in the order they run. */
export const apiBenchmarks: readonly Benchmark[] = [
  defineBenchmark({
    name: 'api.selector.match.10k',
    description:
      'Filters of 10,000 pod label sets by the selector "app in (web,api),tier!=backend,!canary".',
    unit: 'lists/s',
    better: 'higher',
    run: () => {
      const labels = podLabels(10_000);
      const parsed = parseLabelSelector('app in (web,api),tier!=backend,!canary');
      if (parsed._tag === 'Left') {
        throw new Error(parsed.left.message);
      }
      const selector = parsed.right;
      return measureThroughput({
        operations: 2_000,
        run: () => {
          let matched = 0;
          for (let i = 0; i < labels.length; i++) {
            if (selector.matches(labels[i])) {
              matched++;
            }
          }
          if (matched !== 1_000) {
            throw new Error(`matched ${matched} pods, expected 1,000`);
          }
        },
      });
    },
  }),
  defineBenchmark({
    name: 'api.quantity.parse',
    description: 'Parses of typical resource quantities ("100m", "1.5Gi", "2", "512Mi").',
    unit: 'parses/s',
    better: 'higher',
    run: () => {
      const inputs = ['100m', '1.5Gi', '2', '512Mi', '250m', '4Gi', '1e3', '64Ki'];
      return measureThroughput({
        operations: 1_000_000,
        run: (i) => {
          if (parseQuantity(inputs[i % inputs.length]!)._tag === 'Left') {
            throw new Error('a valid quantity failed to parse');
          }
        },
      });
    },
  }),
];
