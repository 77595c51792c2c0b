import { describe, expect, it } from '@jest/globals';
import { MemoryStore } from '../../../src/store/index.js';
import { VirtualClock } from '../../../src/clock/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

async function storeWithHistory(): Promise<MemoryStore<string>> {
  const store = new MemoryStore<string>({ autoCompaction: { mode: 'off' } });
  await store.put('/a', 'a1'); // 1
  await store.put('/b', 'b1'); // 2
  await store.put('/a', 'a2'); // 3
  await store.delete({ key: '/b' }); // 4
  await store.put('/c', 'c1'); // 5
  return store;
}

describe('MemoryStore compact', () => {
  it('keeps reads at and after the compaction point, and refuses older ones', async () => {
    const store = await storeWithHistory();
    expect(expectRight(await store.compact(3))).toEqual({ revision: 5 });
    expect(store.compactRevision).toBe(3);
    expect(expectLeft(await store.range({ prefix: '/' }, { revision: 2 }))).toMatchObject({
      _tag: 'Compacted',
      compactRevision: 3,
      requestedRevision: 2,
    });
    const atThree = expectRight(await store.range({ prefix: '/' }, { revision: 3 }));
    expect(atThree.items.map((kv) => [kv.key, kv.value])).toEqual([
      ['/a', 'a2'],
      ['/b', 'b1'],
    ]);
    const now = expectRight(await store.range({ prefix: '/' }));
    expect(now.items.map((kv) => [kv.key, kv.value])).toEqual([
      ['/a', 'a2'],
      ['/c', 'c1'],
    ]);
  });

  it('forgets deleted keys entirely once their deletion is compacted', async () => {
    const store = await storeWithHistory();
    expectRight(await store.compact(5));
    const snapshot = expectRight(await store.snapshot());
    expect(snapshot.keys.map((k) => k.key)).toEqual(['/a', '/c']);
    expect(snapshot.keys.map((k) => k.history.length)).toEqual([1, 1]);
  });

  it.each([
    ['the current compaction point', 3, 'Compacted'],
    ['an older revision', 2, 'Compacted'],
    ['a future revision', 6, 'FutureRevision'],
    ['revision 0', 0, 'InvalidRequest'],
    ['a fractional revision', 4.5, 'InvalidRequest'],
  ])('refuses to compact to %s', async (_name, revision, tag) => {
    const store = await storeWithHistory();
    expectRight(await store.compact(3));
    expect(expectLeft(await store.compact(revision))._tag).toBe(tag);
    expect(store.compactRevision).toBe(3);
  });

  it('compacts periodically on the clock, keeping one period of history (Kubernetes’ 5 minutes)', async () => {
    const clock = new VirtualClock();
    const store = new MemoryStore<string>({ clock });
    await store.put('/a', '1');
    await store.put('/a', '2');
    clock.advance('5m'); // first tick: remembers revision 2, nothing older to drop yet
    expect(store.compactRevision).toBe(0);
    await store.put('/a', '3');
    clock.advance('4m59s');
    expect(store.compactRevision).toBe(0);
    clock.advance('1s'); // second tick: compacts to where the store was at the first
    expect(store.compactRevision).toBe(2);
    expect(expectLeft(await store.range({ key: '/a' }, { revision: 1 }))._tag).toBe('Compacted');
    expect(expectRight(await store.range({ key: '/a' }, { revision: 2 })).items[0]?.value).toBe(
      '2',
    );
    clock.advance('5m');
    expect(store.compactRevision).toBe(3);
    await store.close();
    expect(clock.pending()).toBe(0);
  });

  it('honours a custom period', async () => {
    const clock = new VirtualClock();
    const store = new MemoryStore<string>({
      clock,
      autoCompaction: { mode: 'periodic', retention: '1m' },
    });
    await store.put('/a', '1');
    clock.advance('1m');
    await store.put('/a', '2');
    clock.advance('1m');
    expect(store.compactRevision).toBe(1);
    await store.close();
  });

  it('keeps the last N revisions in revision mode', async () => {
    const store = new MemoryStore<string>({ autoCompaction: { mode: 'revision', retention: 10 } });
    for (let i = 0; i < 19; i++) {
      await store.put('/a', String(i));
    }
    expect(store.compactRevision).toBe(0);
    await store.put('/a', 'twentieth');
    expect(store.compactRevision).toBe(10);
    for (let i = 0; i < 100; i++) {
      await store.put('/a', String(i));
      expect(store.revision - store.compactRevision).toBeGreaterThanOrEqual(10);
      expect(store.revision - store.compactRevision).toBeLessThan(20);
    }
  });

  it('bounds the history of a periodic store by maxRevisions while the clock stands still', async () => {
    const clock = new VirtualClock();
    const store = new MemoryStore<string>({
      clock,
      autoCompaction: { mode: 'periodic', retention: '5m', maxRevisions: 10 },
    });
    for (let i = 0; i < 19; i++) {
      await store.put('/a', String(i));
    }
    expect(store.compactRevision).toBe(0);
    await store.put('/a', 'twentieth');
    expect(store.compactRevision).toBe(10);
    // The periodic compaction still runs.
    await store.put('/b', 'x');
    clock.advance('5m');
    clock.advance('5m');
    expect(store.compactRevision).toBe(21);
    await store.close();
  });

  it.each([
    ['a zero revision retention', { mode: 'revision', retention: 0 } as const],
    [
      'a fractional maxRevisions',
      { mode: 'periodic', retention: '5m', maxRevisions: 1.5 } as const,
    ],
    ['a fractional revision retention', { mode: 'revision', retention: 2.5 } as const],
    ['a malformed period', { mode: 'periodic', retention: 'soon' } as const],
  ])('refuses %s when the store is built', (_name, autoCompaction) => {
    expect(() => new MemoryStore<string>({ autoCompaction, clock: new VirtualClock() })).toThrow(
      /retention|duration|maxRevisions/,
    );
  });
});
