/**
 * Benchmarks of reconciling (`@drydock/core`'s `reconcile`): the controller work queue
 * and the applier.
 *
 * @module
 */
import { Subject } from 'rxjs';
import { applier, awaitChange, VirtualClock, WorkQueue, type ObjectKey } from '@drydock/core';
import type { Benchmark } from './benchmark.js';
import { defineBenchmark, measureThroughput } from './benchmark.js';

/** Adds per round; one in ten is of a key not yet queued. */
const ADDS = 2_000_000;
const NEW_KEY_EVERY = 10;

/**
 * Adds to one queue with one `ready$` subscriber, as a controller's event handlers
 * make them: 90% of the adds are of a key already waiting (an object that changed
 * again before its reconcile ran), spread over every key queued so far.
 */
async function dedupeAddRate(log: (message: string) => void): Promise<number> {
  const distinct = ADDS / NEW_KEY_EVERY;
  // Built once, so the timed loop allocates none.
  const keys = Array.from({ length: distinct }, (_, i) => `default/pod-${i}`);
  let queue = new WorkQueue<string>({ clock: new VirtualClock() });
  let signals = 0;
  const rate = await measureThroughput({
    operations: ADDS,
    beforeRound: () => {
      queue.shutDown();
      queue = new WorkQueue<string>({ clock: new VirtualClock() });
      signals = 0;
      queue.ready$.subscribe(() => {
        signals++;
      });
    },
    run: (i) => {
      const added = Math.floor(i / NEW_KEY_EVERY);
      // Every tenth add brings the next new key; the others repeat a queued one.
      const key = i % NEW_KEY_EVERY === 0 ? keys[added] : keys[(i * 7_919) % (added + 1)];
      queue.add(key!);
    },
  });
  if (queue.length !== distinct || signals !== distinct) {
    throw new Error(
      `expected ${distinct} ready keys and signals, got ${queue.length} keys and ${signals} signals`,
    );
  }
  log(`${distinct} distinct keys over ${ADDS} adds`);
  return rate;
}

/**
 * Reconciles per second of a no-op reconciler over 10,000 keys: every key triggered,
 * the applier drained (queue, per-key serialisation, outcome per reconcile), 8 at once.
 */
async function noopReconcileRate(): Promise<number> {
  const requests: ObjectKey[] = Array.from({ length: 10_000 }, (_, i) => ({
    namespace: 'default',
    name: `pod-${i}`,
  }));
  const clock = new VirtualClock();
  const triggers = new Subject<ObjectKey>();
  let reconciled = 0;
  let drained: (() => void) | undefined;
  applier({
    reconcile: () => Promise.resolve(awaitChange()),
    context: undefined,
    triggers,
    clock,
    concurrency: 8,
  }).subscribe(() => {
    reconciled++;
    if (reconciled % requests.length === 0) {
      drained?.();
    }
  });
  const rate = await measureThroughput({
    operations: 1,
    run: () =>
      new Promise<void>((resolve) => {
        drained = resolve;
        for (const request of requests) {
          triggers.next(request);
        }
      }),
  });
  return rate * requests.length;
}

/** The reconcile benchmarks, in the order they run. */
export const reconcileBenchmarks: readonly Benchmark[] = [
  defineBenchmark({
    name: 'queue.add.dedupe',
    description:
      'WorkQueue.add calls per second, 90% of them of a key already waiting, with one ready$ subscriber.',
    unit: 'adds/s',
    better: 'higher',
    target: 2_000_000,
    run: (context) => dedupeAddRate(context.log),
  }),
  defineBenchmark({
    name: 'controller.noop.10k',
    description:
      'Reconciles per second through the applier of a no-op reconciler over 10,000 keys (concurrency 8).',
    unit: 'reconciles/s',
    better: 'higher',
    target: 100_000,
    run: () => noopReconcileRate(),
  }),
];
