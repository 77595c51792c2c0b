/**
 * A guided tour of drydock's store: etcd's semantics on a virtual clock, narrated.
 * `npm start` runs it.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { StoreError } from '@drydock/core';
import { MemoryStore, VirtualClock, formatDuration } from '@drydock/core';

/** What the tour writes: a tiny stand-in for a Kubernetes object. */
interface TourObject {
  readonly kind: string;
  readonly name: string;
  readonly phase?: string;
}

/** Where the tour writes its narration. */
export type Narrator = (line: string) => void;

function orThrow<A>(either: Either<StoreError, A>): A {
  if (either._tag === 'Left') {
    throw new Error(`unexpected store error: ${either.left.message}`);
  }
  return either.right;
}

/**
 * Runs the tour: writes, a watch that catches up from history, an optimistic
 * concurrency conflict, a node lease that expires, automatic compaction, and a
 * snapshot restored into a second store — an hour of cluster time, in milliseconds.
 */
export async function storeTour(say: Narrator): Promise<void> {
  const startedAt = performance.now();
  const clock = new VirtualClock();
  const store = new MemoryStore<TourObject>({ clock });
  const pods = '/registry/pods/default/';

  say('1. Writes: every write gets the next global revision.');
  for (const name of ['web-1', 'web-2']) {
    const created = orThrow(
      await store.txn({
        compare: [{ key: pods + name, target: 'present', value: false }],
        success: [{ op: 'put', key: pods + name, value: { kind: 'Pod', name, phase: 'Pending' } }],
      }),
    );
    say(`   created pod ${name} at revision ${created.revision}`);
  }

  say('2. Watch: a late watcher replays history from revision 1, then follows live writes.');
  const watch = store.watch({ prefix: pods }, { fromRevision: 1 }).subscribe((event) => {
    say(
      `   watch: ${event.type} ${event.kv.key.slice(pods.length)} @ revision ${event.kv.modRevision}`,
    );
  });
  await store.put(pods + 'web-1', { kind: 'Pod', name: 'web-1', phase: 'Running' });

  say('3. Optimistic concurrency: two writers read revision 3; only the first update wins.');
  const seen = orThrow(await store.range({ key: pods + 'web-1' })).items[0]!;
  for (const writer of ['scheduler', 'kubelet']) {
    const update = orThrow(
      await store.txn({
        compare: [{ key: seen.key, target: 'modRevision', operator: '=', value: seen.modRevision }],
        success: [
          { op: 'put', key: seen.key, value: { ...seen.value, phase: `set by ${writer}` } },
        ],
      }),
    );
    say(
      update.succeeded
        ? `   ${writer}: updated at revision ${update.revision}`
        : `   ${writer}: conflict (the apiserver answers 409) — retry from the latest version`,
    );
  }

  say('4. Leases: a node heartbeat expires 40 s after its last renewal.');
  const lease = orThrow(await store.grantLease('40s'));
  await store.put(
    '/registry/leases/kube-node-lease/node-1',
    { kind: 'Lease', name: 'node-1' },
    { lease: lease.id },
  );
  const nodeLeases = store.watch({ prefix: '/registry/leases/' }).subscribe((event) => {
    say(`   lease watch: ${event.type} ${event.kv.key} at ${new Date(clock.now()).toISOString()}`);
  });
  for (let renewal = 0; renewal < 3; renewal++) {
    clock.advance('10s');
    orThrow(await store.keepAliveLease(lease.id));
  }
  say('   the kubelet stops renewing...');
  clock.advance('40s');

  say('5. Compaction: history older than 5 minutes is dropped, as the apiserver does.');
  clock.advance('10m');
  const old = await store.range({ prefix: pods }, { revision: 1 });
  say(
    old._tag === 'Left'
      ? `   read at revision 1: ${old.left._tag} (the apiserver answers 410 Gone): ${old.left.message}`
      : '   read at revision 1 still works',
  );

  say('6. Snapshot and restore: a second store with the same state, sharing the same values.');
  const copy = orThrow(MemoryStore.restore(orThrow(await store.snapshot()), { clock }));
  const original = orThrow(await store.range({ prefix: '' }));
  const restored = orThrow(await copy.range({ prefix: '' }));
  say(
    `   restored ${restored.count} keys at revision ${copy.revision}; values shared: ${restored.items.every((kv, i) => kv.value === original.items[i]!.value)}`,
  );

  watch.unsubscribe();
  nodeLeases.unsubscribe();
  await store.close();
  await copy.close();
  const virtual = clock.now() - new VirtualClock().now();
  say(
    `Done: ${formatDuration(virtual)} of cluster time in ${Math.round(performance.now() - startedAt)} ms of wall time.`,
  );
}
