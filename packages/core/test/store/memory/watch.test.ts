import { describe, expect, it } from '@jest/globals';
import { concatMap, config, delay, map, of, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { WatchEvent } from '../../../src/store/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { VirtualClock } from '../../../src/clock/index.js';
import { expectRight } from '../../support/either.js';

function newStore(): MemoryStore<string> {
  return new MemoryStore<string>({ autoCompaction: { mode: 'off' } });
}

function collect(store: MemoryStore<string>, ...args: Parameters<MemoryStore<string>['watch']>) {
  const events: WatchEvent<string>[] = [];
  const errors: unknown[] = [];
  const subscription = store.watch(...args).subscribe({
    next: (event) => events.push(event),
    error: (error: unknown) => errors.push(error),
  });
  return { events, errors, subscription };
}

const brief = (e: WatchEvent<string>) => `${e.type} ${e.kv.key}@${e.kv.modRevision}`;

describe('MemoryStore watch', () => {
  it('delivers live writes under the prefix only, in revision order', async () => {
    const store = newStore();
    const { events } = collect(store, { prefix: '/pods/' });
    await store.put('/pods/a', '1');
    await store.put('/services/a', '2');
    await store.put('/pods/b', '3');
    await store.delete({ key: '/pods/a' });
    expect(events.map(brief)).toEqual(['PUT /pods/a@1', 'PUT /pods/b@3', 'DELETE /pods/a@4']);
  });

  it('watches one key exactly, not the keys it prefixes', async () => {
    const store = newStore();
    const { events } = collect(store, { key: '/a' });
    await store.put('/a', '1');
    await store.put('/ab', '2');
    expect(events.map(brief)).toEqual(['PUT /a@1']);
  });

  it('shapes a delete event’s kv like etcd: zero create revision, version and lease', async () => {
    const store = newStore();
    await store.put('/a', '1');
    const { events } = collect(store, { key: '/a' }, { prevKv: true });
    await store.delete({ key: '/a' });
    expect(events).toEqual([
      {
        type: 'DELETE',
        kv: { key: '/a', modRevision: 2, createRevision: 0, version: 0, lease: 0 },
        prevKv: { key: '/a', value: '1', createRevision: 1, modRevision: 1, version: 1, lease: 0 },
      },
    ]);
  });

  it('gives prevKv only to watches that ask for it', async () => {
    const store = newStore();
    await store.put('/a', '1');
    const plain = collect(store, { key: '/a' });
    const withPrev = collect(store, { key: '/a' }, { prevKv: true });
    await store.put('/a', '2');
    expect(plain.events[0]).toEqual({ type: 'PUT', kv: expect.objectContaining({ value: '2' }) });
    expect(plain.events[0]).not.toHaveProperty('prevKv');
    expect(withPrev.events[0]?.prevKv).toMatchObject({ value: '1' });
  });

  it('replays history from a past revision, then continues live with no gap and no duplicate', async () => {
    const store = newStore();
    await store.put('/a', '1');
    await store.put('/b', '2');
    await store.put('/a', '3');
    const { events } = collect(store, { prefix: '/' }, { fromRevision: 2 });
    expect(events.map(brief)).toEqual(['PUT /b@2', 'PUT /a@3']);
    await store.put('/c', '4');
    expect(events.map(brief)).toEqual(['PUT /b@2', 'PUT /a@3', 'PUT /c@4']);
  });

  it('starts a watch from a future revision when the store gets there', async () => {
    const store = newStore();
    await store.put('/a', '1');
    const { events } = collect(store, { prefix: '/' }, { fromRevision: 3 });
    await store.put('/a', '2');
    await store.put('/a', '3');
    expect(events.map(brief)).toEqual(['PUT /a@3']);
  });

  it('fails a watch from a compacted revision with Compacted, but serves the compaction point', async () => {
    const store = newStore();
    for (const value of ['1', '2', '3', '4']) {
      await store.put('/a', value);
    }
    expectRight(await store.compact(3));
    const tooOld = collect(store, { key: '/a' }, { fromRevision: 2 });
    expect(tooOld.errors).toEqual([
      expect.objectContaining({ _tag: 'Compacted', compactRevision: 3, requestedRevision: 2 }),
    ]);
    const atPoint = collect(store, { key: '/a' }, { fromRevision: 3 });
    expect(atPoint.events.map(brief)).toEqual(['PUT /a@3', 'PUT /a@4']);
  });

  it.each([
    ['a negative fromRevision', { key: '/a' }, { fromRevision: -1 }, 'fromRevision'],
    ['a fractional fromRevision', { key: '/a' }, { fromRevision: 0.5 }, 'fromRevision'],
    ['an empty key', { key: '' }, {}, 'range.key'],
  ])('fails a watch with %s as InvalidRequest', (_name, range, options, field) => {
    const store = newStore();
    const { errors } = collect(store, range, options);
    expect(errors).toEqual([expect.objectContaining({ _tag: 'InvalidRequest', field })]);
    expect(store.watchCount).toBe(0);
  });

  it('stops delivering once unsubscribed', async () => {
    const store = newStore();
    const { events, subscription } = collect(store, { prefix: '' });
    await store.put('/a', '1');
    subscription.unsubscribe();
    expect(store.watchCount).toBe(0);
    await store.put('/a', '2');
    expect(events).toHaveLength(1);
  });

  it('keeps every watcher in revision order when a subscriber writes while being told', async () => {
    const store = newStore();
    const first: string[] = [];
    const second: string[] = [];
    store.watch({ prefix: '/' }).subscribe((event) => {
      first.push(brief(event));
      if (event.kv.key === '/trigger') {
        void store.put('/reaction', 'r');
      }
    });
    store.watch({ prefix: '/' }).subscribe((event) => second.push(brief(event)));
    await store.put('/trigger', 't');
    await store.put('/after', 'a');
    const expected = ['PUT /trigger@1', 'PUT /reaction@2', 'PUT /after@3'];
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
  });

  it('lets a subscriber open a watch from inside its callback without losing or repeating events', async () => {
    const store = newStore();
    const inner: string[] = [];
    store
      .watch({ prefix: '/' })
      .pipe(take(1))
      .subscribe((event) => {
        store
          .watch({ prefix: '/' }, { fromRevision: event.kv.modRevision })
          .subscribe((e) => inner.push(brief(e)));
      });
    await store.put('/a', '1');
    await store.put('/b', '2');
    expect(inner).toEqual(['PUT /a@1', 'PUT /b@2']);
  });

  it('fails a watcher that falls behind a compaction made while events are being delivered', async () => {
    const store = newStore();
    await store.put('/a', '1');
    store.watch({ prefix: '/' }).subscribe((event) => {
      if (event.kv.key === '/a' && event.kv.modRevision === 2) {
        void store.put('/b', 'x');
        void store.compact(3);
      }
    });
    const lagging = collect(store, { prefix: '/' });
    await store.put('/a', '2');
    // The lagging watcher had not yet been told of revision 2 when it was compacted.
    expect(lagging.events).toEqual([]);
    expect(lagging.errors).toEqual([
      expect.objectContaining({ _tag: 'Compacted', compactRevision: 3, requestedRevision: 2 }),
    ]);
  });

  it('never makes a writer wait for a slow subscriber', async () => {
    const clock = new VirtualClock();
    const store = newStore();
    const processed: string[] = [];
    store
      .watch({ prefix: '/' })
      .pipe(concatMap((event) => of(event).pipe(delay(1000, clock.scheduler))))
      .subscribe((event) => processed.push(event.kv.key));
    for (let i = 0; i < 5; i++) {
      expectRight(await store.put(`/k${i}`, 'v'));
    }
    expect(store.revision).toBe(5);
    expect(processed).toEqual([]);
    clock.advance('5s');
    expect(processed).toEqual(['/k0', '/k1', '/k2', '/k3', '/k4']);
  });

  it('keeps writing and telling other watchers when a subscriber throws', async () => {
    const store = newStore();
    const reported: unknown[] = [];
    const previous = config.onUnhandledError;
    config.onUnhandledError = (error) => reported.push(error);
    try {
      store.watch({ prefix: '/' }).subscribe(() => {
        throw new Error('subscriber bug');
      });
      const healthy = collect(store, { prefix: '/' });
      expectRight(await store.put('/a', '1'));
      expectRight(await store.put('/b', '2'));
      expect(healthy.events.map(brief)).toEqual(['PUT /a@1', 'PUT /b@2']);
      await new Promise((resolve) => setTimeout(resolve, 0));
      // RxJS reports each throw asynchronously; the subscriber stays subscribed.
      expect(reported).toEqual([new Error('subscriber bug'), new Error('subscriber bug')]);
    } finally {
      config.onUnhandledError = previous;
    }
  });

  it('shows writes at the frames they happen (marble)', () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    testScheduler.run(({ cold, expectObservable }) => {
      const store = newStore();
      const writes = cold('-a 9ms b 19ms c|', { a: '/pods/a', b: '/services/x', c: '/pods/c' });
      writes.subscribe((key) => void store.put(key, key));
      const keys = store.watch({ prefix: '/pods/' }).pipe(map((event) => event.kv.key));
      expectObservable(keys).toBe('-a 29ms c', { a: '/pods/a', c: '/pods/c' });
    });
  });
});
