import { describe, expect, it } from '@jest/globals';
import type { StoreSnapshot, WatchEvent } from '../../../src/store/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { VirtualClock } from '../../../src/clock/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

async function busyStore(clock: VirtualClock): Promise<MemoryStore<{ n: number }>> {
  const store = new MemoryStore<{ n: number }>({ clock, autoCompaction: { mode: 'off' } });
  const lease = expectRight(await store.grantLease('30s'));
  await store.put('/a', { n: 1 });
  await store.put('/b', { n: 2 }, { lease: lease.id });
  await store.txn({
    compare: [],
    success: [
      { op: 'put', key: '/c', value: { n: 3 } },
      { op: 'put', key: '/a', value: { n: 4 } },
    ],
  });
  await store.delete({ key: '/c' });
  await store.put('/d', { n: 5 });
  expectRight(await store.compact(3));
  await store.put('/a', { n: 6 });
  return store;
}

function replay<V>(store: MemoryStore<V>, fromRevision: number): WatchEvent<V>[] {
  const events: WatchEvent<V>[] = [];
  store
    .watch({ prefix: '' }, { fromRevision, prevKv: true })
    .subscribe((e) => events.push(e))
    .unsubscribe();
  return events;
}

describe('MemoryStore snapshot and restore', () => {
  it('restores the same reads, history, watch replay and leases', async () => {
    const clock = new VirtualClock();
    const original = await busyStore(clock);
    clock.advance('10s');
    const snapshot = expectRight(await original.snapshot());
    const restored = expectRight(
      MemoryStore.restore(snapshot, { clock, autoCompaction: { mode: 'off' } }),
    );
    expect(restored.revision).toBe(original.revision);
    expect(restored.compactRevision).toBe(3);
    for (const revision of [3, 4, 5, 6]) {
      expect(await restored.range({ prefix: '' }, { revision })).toEqual(
        await original.range({ prefix: '' }, { revision }),
      );
    }
    expect(replay(restored, 3)).toEqual(replay(original, 3));
    expect(expectRight(await restored.leaseStatus(1))).toEqual({
      id: 1,
      ttl: 30_000,
      remaining: 20_000,
      keys: ['/b'],
    });
    expect(expectRight(await restored.grantLease('1m')).id).toBe(2);
    // Values are shared, not copied.
    const value = expectRight(await original.range({ key: '/a' })).items[0]!.value;
    expect(expectRight(await restored.range({ key: '/a' })).items[0]!.value).toBe(value);
    await original.close();
    clock.advance('20s');
    expect(expectRight(await restored.range({ key: '/b' })).count).toBe(0);
  });

  it('survives a JSON round trip', async () => {
    const clock = new VirtualClock();
    const original = await busyStore(clock);
    const snapshot = expectRight(await original.snapshot());
    const copy = JSON.parse(JSON.stringify(snapshot)) as StoreSnapshot<{ n: number }>;
    const restored = expectRight(
      MemoryStore.restore(copy, { clock, autoCompaction: { mode: 'off' } }),
    );
    expect(await restored.range({ prefix: '' }, { revision: 4 })).toEqual(
      await original.range({ prefix: '' }, { revision: 4 }),
    );
  });

  const corruptions: [string, (s: StoreSnapshot<{ n: number }>) => unknown, string][] = [
    ['an unknown format', (s) => ({ ...s, format: 'v0' }), 'format'],
    ['a negative revision', (s) => ({ ...s, revision: -1 }), 'revision'],
    [
      'a compaction point after the revision',
      (s) => ({ ...s, compactRevision: s.revision + 1 }),
      'compactRevision',
    ],
    ['keys out of order', (s) => ({ ...s, keys: [...s.keys].reverse() }), 'keys[1].key'],
    [
      'a history entry for another key',
      (s) => ({
        ...s,
        keys: s.keys.map((k, i) =>
          i === 0 ? { ...k, history: [{ ...k.history[0]!, key: '/zzz' }] } : k,
        ),
      }),
      'keys[0].history[0].key',
    ],
    [
      'a revision past the store’s',
      (s) => ({ ...s, revision: 5 }),
      'keys[0].history[2].modRevision',
    ],
    ['a missing event', (s) => ({ ...s, events: s.events.slice(1) }), 'events'],
    ['an event for an unknown key', (s) => ({ ...s, events: [...s.events, '/nope'] }), 'events[5]'],
    ['a key on a lease that is gone', (s) => ({ ...s, leases: [] }), 'keys[1].history[0].lease'],
    ['a duplicate lease', (s) => ({ ...s, leases: [...s.leases, ...s.leases] }), 'leases[1].id'],
    ['a lease id at or above nextLeaseId', (s) => ({ ...s, nextLeaseId: 1 }), 'nextLeaseId'],
  ];

  it.each(corruptions)(
    'refuses a snapshot with %s, naming the field',
    async (_name, corrupt, field) => {
      const clock = new VirtualClock();
      const snapshot = expectRight(await (await busyStore(clock)).snapshot());
      const error = expectLeft(
        MemoryStore.restore(corrupt(snapshot) as StoreSnapshot<{ n: number }>, {
          clock,
          autoCompaction: { mode: 'off' },
        }),
      );
      expect(error).toMatchObject({ _tag: 'InvalidRequest', field });
    },
  );
});
