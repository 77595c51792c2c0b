import { describe, expect, it } from '@jest/globals';
import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { Either } from 'fp-ts/lib/Either.js';
import type { StoreError, WatchEvent } from '../../../src/store/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { VirtualClock, schedulerClock } from '../../../src/clock/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

function setup() {
  const clock = new VirtualClock();
  const store = new MemoryStore<string>({ clock, autoCompaction: { mode: 'off' } });
  return { clock, store };
}

describe('MemoryStore leases', () => {
  it('deletes the attached keys in one revision when the lease expires', async () => {
    const { clock, store } = setup();
    const lease = expectRight(await store.grantLease('10s'));
    expect(lease.ttl).toBe(10_000);
    await store.put('/leader', 'me', { lease: lease.id });
    await store.put('/member/a', 'a', { lease: lease.id });
    await store.put('/other', 'o');
    const events: WatchEvent<string>[] = [];
    store.watch({ prefix: '/' }).subscribe((event) => events.push(event));
    clock.advance('9999ms');
    expect(events).toEqual([]);
    clock.advance('1ms');
    expect(events.map((e) => [e.type, e.kv.key, e.kv.modRevision])).toEqual([
      ['DELETE', '/leader', 4],
      ['DELETE', '/member/a', 4],
    ]);
    expect(expectRight(await store.range({ prefix: '/' })).items.map((kv) => kv.key)).toEqual([
      '/other',
    ]);
    expect(expectLeft(await store.leaseStatus(lease.id))).toMatchObject({
      _tag: 'LeaseNotFound',
      lease: lease.id,
    });
  });

  it('postpones expiry on keep-alive', async () => {
    const { clock, store } = setup();
    const lease = expectRight(await store.grantLease('10s'));
    await store.put('/k', 'v', { lease: lease.id });
    clock.advance('8s');
    expectRight(await store.keepAliveLease(lease.id));
    clock.advance('8s');
    expect(expectRight(await store.leaseStatus(lease.id))).toEqual({
      id: lease.id,
      ttl: 10_000,
      remaining: 2_000,
      keys: ['/k'],
    });
    clock.advance('2s');
    expect(expectRight(await store.range({ key: '/k' })).count).toBe(0);
  });

  it('deletes the keys at once on revoke, and tells how many', async () => {
    const { clock, store } = setup();
    const lease = expectRight(await store.grantLease('1h'));
    await store.put('/a', '1', { lease: lease.id });
    await store.put('/b', '2', { lease: lease.id });
    expect(expectRight(await store.revokeLease(lease.id))).toEqual({ revision: 3, deleted: 2 });
    expect(clock.pending()).toBe(0);
    expect(expectRight(await store.range({ prefix: '/' })).count).toBe(0);
  });

  it('revokes a lease without keys without a new revision', async () => {
    const { store } = setup();
    const lease = expectRight(await store.grantLease('1m'));
    expect(expectRight(await store.revokeLease(lease.id))).toEqual({ revision: 0, deleted: 0 });
  });

  it('detaches a key that is rewritten without the lease, or deleted', async () => {
    const { clock, store } = setup();
    const lease = expectRight(await store.grantLease('10s'));
    await store.put('/kept', '1', { lease: lease.id });
    await store.put('/deleted', '2', { lease: lease.id });
    await store.put('/kept', '3');
    await store.delete({ key: '/deleted' });
    expect(expectRight(await store.leaseStatus(lease.id)).keys).toEqual([]);
    clock.advance('10s');
    expect(expectRight(await store.range({ key: '/kept' })).items[0]?.value).toBe('3');
  });

  it('moves a key from one lease to another', async () => {
    const { clock, store } = setup();
    const short = expectRight(await store.grantLease('5s'));
    const long = expectRight(await store.grantLease('1h'));
    await store.put('/k', '1', { lease: short.id });
    await store.put('/k', '2', { lease: long.id });
    clock.advance('5s');
    expect(expectRight(await store.range({ key: '/k' })).items[0]).toMatchObject({
      value: '2',
      lease: long.id,
    });
  });

  it.each<[string, (store: MemoryStore<string>) => Promise<Either<StoreError, unknown>>]>([
    ['put', (store: MemoryStore<string>) => store.put('/k', 'v', { lease: 42 })],
    ['keep-alive', (store: MemoryStore<string>) => store.keepAliveLease(42)],
    ['revoke', (store: MemoryStore<string>) => store.revokeLease(42)],
    ['status', (store: MemoryStore<string>) => store.leaseStatus(42)],
  ])('answers LeaseNotFound for an unknown lease on %s', async (_name, call) => {
    const { store } = setup();
    expect(expectLeft(await call(store))).toMatchObject({ _tag: 'LeaseNotFound', lease: 42 });
    expect(store.revision).toBe(0);
  });

  it.each([
    ['zero', 0],
    ['negative', -5],
    ['malformed', '10 seconds'],
  ])('refuses a %s time to live', async (_name, ttl) => {
    const { store } = setup();
    expect(expectLeft(await store.grantLease(ttl))).toMatchObject({
      _tag: 'InvalidRequest',
      field: 'ttl',
    });
  });

  it('expires on the scheduler’s clock (marble)', () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    testScheduler.run(({ expectObservable }) => {
      const store = new MemoryStore<string>({
        clock: schedulerClock(testScheduler),
        autoCompaction: { mode: 'off' },
      });
      // The in-memory store applies each call at once, so the first lease is id 1 now.
      void store.grantLease('5s');
      void store.put('/a', 'a', { lease: 1 });
      void store.put('/b', 'b', { lease: 1 });
      const changes = store
        .watch({ prefix: '/' }, { fromRevision: 1 })
        .pipe(map((e) => `${e.type} ${e.kv.key}`));
      expectObservable(changes, '^ 6s !').toBe('(ab) 4996ms (cd)', {
        a: 'PUT /a',
        b: 'PUT /b',
        c: 'DELETE /a',
        d: 'DELETE /b',
      });
    });
  });
});
