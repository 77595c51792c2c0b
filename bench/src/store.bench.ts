/**
 * Benchmarks of the observable MVCC store (`@drydock/core`'s `store`).
 *
 * @module
 */
import { MemoryStore, VirtualClock } from '@drydock/core';
import type { Benchmark } from './benchmark.js';
import { defineBenchmark, measureHeap, measureThroughput } from './benchmark.js';
import { realisticPod, valueOfSize } from './fixtures.js';

const PODS = '/registry/pods/default/';

/** `count` keys under the pods prefix, built once so the timed loop allocates none. */
function podKeys(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${PODS}pod-${i}`);
}

/**
 * A store as the apiserver runs it in steady state: history compacted as it grows
 * (keeping the last 100,000 revisions), on a clock that never fires on its own.
 */
function steadyStore<V>(): MemoryStore<V> {
  return new MemoryStore<V>({
    clock: new VirtualClock(),
    autoCompaction: { mode: 'revision', retention: 100_000 },
  });
}

/** Puts of 1 KiB values over 10,000 keys, each awaited, with `watchers` prefix watchers. */
async function putRate(watchers: number, log: (message: string) => void): Promise<number> {
  const keys = podKeys(10_000);
  // As etcd's own `benchmark put` does, values are built once and reused.
  const values = Array.from({ length: 1_000 }, (_, i) => valueOfSize(1024, i));
  const operations = 1_000_000;
  let store = steadyStore<(typeof values)[number]>();
  let received: number[] = [];
  const rate = await measureThroughput({
    operations,
    beforeRound: () => {
      void store.close();
      store = steadyStore();
      received = Array.from({ length: watchers }, () => 0);
      for (let w = 0; w < watchers; w++) {
        store.watch({ prefix: PODS }).subscribe(() => {
          received[w]!++;
        });
      }
    },
    run: (i) => store.put(keys[i % keys.length]!, values[i % values.length]!),
  });
  if (received.some((count) => count !== operations)) {
    throw new Error(`a watcher missed events: received ${received.join(', ')} of ${operations}`);
  }
  log(`history kept: ${store.revision - store.compactRevision} revisions`);
  return rate;
}

/** The store's benchmarks, in the order they run. */
export const storeBenchmarks: readonly Benchmark[] = [
  defineBenchmark({
    name: 'store.put.nowatch',
    description: 'Awaited puts of 1 KiB values over 10,000 keys, no watchers.',
    unit: 'puts/s',
    better: 'higher',
    target: 1_000_000,
    run: (context) => putRate(0, context.log),
  }),
  defineBenchmark({
    name: 'store.put.watch10',
    description:
      'Awaited puts of 1 KiB values over 10,000 keys, with 10 prefix watchers each receiving every event.',
    unit: 'puts/s',
    better: 'higher',
    target: 300_000,
    run: (context) => putRate(10, context.log),
  }),
  defineBenchmark({
    name: 'store.range.10k',
    description:
      'Ranges of a 10,000-key prefix (pods) in a store that also holds 10,000 other keys.',
    unit: 'ranges/s',
    better: 'higher',
    target: 500,
    run: async () => {
      const store = steadyStore<Record<string, unknown>>();
      const keys = podKeys(10_000);
      for (let i = 0; i < keys.length; i++) {
        await store.put(keys[i]!, realisticPod(i));
        await store.put(`/registry/configmaps/default/cm-${i}`, { data: { i } });
      }
      return measureThroughput({
        operations: 500,
        run: async () => {
          const result = await store.range({ prefix: PODS });
          if (result._tag === 'Left' || result.right.count !== 10_000) {
            throw new Error('range returned the wrong keys');
          }
        },
      });
    },
  }),
  defineBenchmark({
    name: 'store.watch.replay',
    description: 'Events per second replayed to a new watcher from 100,000 events of history.',
    unit: 'events/s',
    better: 'higher',
    target: 2_000_000,
    run: async () => {
      const store = new MemoryStore<{ readonly id: number; readonly data: string }>({
        clock: new VirtualClock(),
        autoCompaction: { mode: 'off' },
      });
      const keys = podKeys(10_000);
      const history = 100_000;
      for (let i = 0; i < history; i++) {
        await store.put(keys[i % keys.length]!, valueOfSize(256, i));
      }
      const replays = 20;
      const rate = await measureThroughput({
        operations: replays,
        run: () => {
          let received = 0;
          store
            .watch({ prefix: PODS }, { fromRevision: 1 })
            .subscribe(() => {
              received++;
            })
            .unsubscribe();
          if (received !== history) {
            throw new Error(`replayed ${received} of ${history} events`);
          }
        },
      });
      return rate * history;
    },
  }),
  defineBenchmark({
    name: 'store.memory.150k',
    description: 'Heap retained by a store holding 150,000 pod-sized (~2 KiB) values.',
    unit: 'MiB',
    better: 'lower',
    target: 1024,
    run: () =>
      measureHeap({
        build: async () => {
          const store = new MemoryStore<Record<string, unknown>>({
            clock: new VirtualClock(),
            autoCompaction: { mode: 'off' },
          });
          for (let i = 0; i < 150_000; i++) {
            await store.put(`${PODS}${i}`, realisticPod(i));
          }
          return store;
        },
      }),
  }),
];
