import { describe, expect, it } from '@jest/globals';
import { MemoryStore, recordSizeBound } from '../../../src/store/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

function newStore<V = string>(options: { maxRequestBytes?: number } = {}): MemoryStore<V> {
  return new MemoryStore<V>({ autoCompaction: { mode: 'off' }, ...options });
}

describe('MemoryStore put and range', () => {
  it('starts empty at revision 0', async () => {
    const store = newStore();
    const result = expectRight(await store.range({ prefix: '' }));
    expect(result).toEqual({ revision: 0, items: [], count: 0, more: false });
  });

  it('gives every put a new revision and tracks create/mod revision and version per key', async () => {
    const store = newStore();
    expect(expectRight(await store.put('/a', 'one')).revision).toBe(1);
    expect(expectRight(await store.put('/b', 'two')).revision).toBe(2);
    expect(expectRight(await store.put('/a', 'three')).revision).toBe(3);
    const { items, revision } = expectRight(await store.range({ key: '/a' }));
    expect(revision).toBe(3);
    expect(items).toEqual([
      { key: '/a', value: 'three', createRevision: 1, modRevision: 3, version: 2, lease: 0 },
    ]);
  });

  it('hands readers the very object the writer stored', async () => {
    const store = newStore<{ readonly spec: { readonly replicas: number } }>();
    const value = { spec: { replicas: 3 } };
    await store.put('/deploy', value);
    const first = expectRight(await store.range({ key: '/deploy' })).items[0]!.value;
    const second = expectRight(await store.range({ prefix: '/' })).items[0]!.value;
    expect(first).toBe(value);
    expect(second).toBe(value);
  });

  it('returns the previous value only when asked', async () => {
    const store = newStore();
    expect(expectRight(await store.put('/a', 'one', { prevKv: true }))).toEqual({ revision: 1 });
    expect(expectRight(await store.put('/a', 'two'))).toEqual({ revision: 2 });
    expect(expectRight(await store.put('/a', 'three', { prevKv: true })).prevKv).toMatchObject({
      value: 'two',
      modRevision: 2,
      version: 2,
    });
  });

  it('lists a prefix in key order, and only that prefix', async () => {
    const store = newStore();
    for (const key of ['/pods/b', '/pods/a', '/podsx', '/pod', '/pods/c/d', '/services/a']) {
      await store.put(key, key);
    }
    const { items, count } = expectRight(await store.range({ prefix: '/pods/' }));
    expect(items.map((kv) => kv.key)).toEqual(['/pods/a', '/pods/b', '/pods/c/d']);
    expect(count).toBe(3);
    const all = expectRight(await store.range({ prefix: '' }));
    expect(all.items.map((kv) => kv.key)).toEqual([
      '/pod',
      '/pods/a',
      '/pods/b',
      '/pods/c/d',
      '/podsx',
      '/services/a',
    ]);
  });

  it('limits a range, counting every match and telling whether more remain', async () => {
    const store = newStore();
    for (const key of ['/a/1', '/a/2', '/a/3']) {
      await store.put(key, key);
    }
    const page = expectRight(await store.range({ prefix: '/a/' }, { limit: 2 }));
    expect(page.items.map((kv) => kv.key)).toEqual(['/a/1', '/a/2']);
    expect(page).toMatchObject({ count: 3, more: true });
    const rest = expectRight(
      await store.range({ prefix: '/a/', from: '/a/2\u0000' }, { limit: 2 }),
    );
    expect(rest.items.map((kv) => kv.key)).toEqual(['/a/3']);
    expect(rest).toMatchObject({ count: 1, more: false });
  });

  it('counts without returning items when asked for the count only', async () => {
    const store = newStore();
    await store.put('/a/1', 'x');
    await store.put('/a/2', 'y');
    expect(expectRight(await store.range({ prefix: '/a/' }, { countOnly: true }))).toEqual({
      revision: 2,
      items: [],
      count: 2,
      more: false,
    });
  });

  it('never reports more with countOnly, even under a limit (as etcd)', async () => {
    const store = newStore();
    await store.put('/a/1', 'x');
    await store.put('/a/2', 'y');
    expect(
      expectRight(await store.range({ prefix: '/a/' }, { countOnly: true, limit: 1 })),
    ).toEqual({
      revision: 2,
      items: [],
      count: 2,
      more: false,
    });
  });

  it('handles prefixes at the top of the code unit range', async () => {
    const store = newStore();
    await store.put('\uffff', 'top');
    await store.put('\uffff\uffff', 'higher');
    await store.put('a', 'low');
    const { items } = expectRight(await store.range({ prefix: '\uffff' }));
    expect(items.map((kv) => kv.value)).toEqual(['top', 'higher']);
  });

  it('reads a past revision as it was', async () => {
    const store = newStore();
    await store.put('/a', 'one');
    await store.put('/b', 'two');
    await store.put('/a', 'three');
    await store.delete({ key: '/b' });
    const atTwo = expectRight(await store.range({ prefix: '/' }, { revision: 2 }));
    expect(atTwo.revision).toBe(4);
    expect(atTwo.items.map((kv) => [kv.key, kv.value])).toEqual([
      ['/a', 'one'],
      ['/b', 'two'],
    ]);
    const atFour = expectRight(await store.range({ prefix: '/' }, { revision: 4 }));
    expect(atFour.items.map((kv) => [kv.key, kv.value])).toEqual([['/a', 'three']]);
  });

  it('refuses a future revision', async () => {
    const store = newStore();
    await store.put('/a', 'one');
    expect(expectLeft(await store.range({ key: '/a' }, { revision: 5 }))).toMatchObject({
      _tag: 'FutureRevision',
      currentRevision: 1,
      requestedRevision: 5,
    });
  });

  it.each([
    ['an empty key', { key: '' }, {}, 'range.key'],
    ['a key that is not a string', { key: 7 }, {}, 'range.key'],
    ['a range with neither key nor prefix', {}, {}, 'range.prefix'],
    ['a non-string from', { prefix: '/a', from: 3 }, {}, 'range.from'],
    ['a negative revision', { key: '/a' }, { revision: -1 }, 'revision'],
    ['a fractional revision', { key: '/a' }, { revision: 1.5 }, 'revision'],
    ['a negative limit', { prefix: '/' }, { limit: -2 }, 'limit'],
  ])('rejects %s with InvalidRequest naming the field', async (_name, range, options, field) => {
    const store = newStore();
    await store.put('/a', 'one');
    const error = expectLeft(await store.range(range as never, options));
    expect(error).toMatchObject({ _tag: 'InvalidRequest', field });
    expect(error.message).toContain(field);
  });

  it.each([
    ['an empty key', ''],
    ['a key that is not a string', 42],
  ])('rejects a put with %s and changes nothing', async (_name, key) => {
    const store = newStore();
    const error = expectLeft(await store.put(key as string, 'v'));
    expect(error).toMatchObject({ _tag: 'InvalidRequest', field: 'key' });
    expect(store.revision).toBe(0);
  });

  it('rejects a value over the request limit with ValueTooLarge and keeps the old value', async () => {
    const store = newStore({ maxRequestBytes: 64 });
    await store.put('/a', 'small');
    const error = expectLeft(await store.put('/a', 'x'.repeat(100)));
    expect(error).toMatchObject({ _tag: 'ValueTooLarge', key: '/a', size: 102, limit: 64 });
    expect(expectRight(await store.range({ key: '/a' })).items[0]!.value).toBe('small');
    expect(store.revision).toBe(1);
  });

  it('applies etcd’s 1.5 MiB limit by default, measuring objects as JSON', async () => {
    const store = newStore<{ data: string }>();
    const big = { data: 'x'.repeat(1.5 * 1024 * 1024) };
    expect(expectLeft(await store.put('/big', big))._tag).toBe('ValueTooLarge');
    expect(expectRight(await store.put('/ok', { data: 'x'.repeat(1024 * 1024) })).revision).toBe(1);
  });

  it('admits a value by its recorded size bound, and measures it exactly when the bound is too large', async () => {
    const store = newStore<{ data: string }>({ maxRequestBytes: 100 });
    const small = Object.freeze({ data: 'x'.repeat(40) });
    recordSizeBound(small, 90);
    expect(expectRight(await store.put('/small', small)).revision).toBe(1);
    const loose = Object.freeze({ data: 'x'.repeat(40) });
    recordSizeBound(loose, 10_000);
    expect(expectRight(await store.put('/loose', loose)).revision).toBe(2);
  });

  it('measures a transaction exactly when the bounds of its puts add up over the limit', async () => {
    // Each put is 3 bytes of key and 41 of value: 88 in all, within 100; the bounds
    // (55 each) would add up to 116.
    const store = newStore<{ data: string }>({ maxRequestBytes: 100 });
    const values = [0, 1, 2].map(() => Object.freeze({ data: 'x'.repeat(30) }));
    for (const value of values) {
      recordSizeBound(value, 55);
    }
    const put = (count: number) =>
      store.txn({
        compare: [],
        success: values
          .slice(0, count)
          .map((value, i) => ({ op: 'put' as const, key: `/k${i}`, value })),
      });
    expect(expectRight(await put(2)).succeeded).toBe(true);
    expect(expectLeft(await put(3))).toMatchObject({ _tag: 'ValueTooLarge', size: 3 * 44 });
  });
});

describe('MemoryStore delete', () => {
  it('deletes one key in a new revision and resets its version', async () => {
    const store = newStore();
    await store.put('/a', 'one');
    await store.put('/a', 'two');
    expect(expectRight(await store.delete({ key: '/a' }, { prevKv: true }))).toEqual({
      revision: 3,
      deleted: 1,
      prevKvs: [
        { key: '/a', value: 'two', createRevision: 1, modRevision: 2, version: 2, lease: 0 },
      ],
    });
    expect(expectRight(await store.range({ key: '/a' })).items).toEqual([]);
    await store.put('/a', 'again');
    expect(expectRight(await store.range({ key: '/a' })).items[0]).toMatchObject({
      createRevision: 4,
      version: 1,
    });
  });

  it('deletes a whole prefix in one revision', async () => {
    const store = newStore();
    await store.put('/a/1', 'x');
    await store.put('/a/2', 'y');
    await store.put('/b/1', 'z');
    const result = expectRight(await store.delete({ prefix: '/a/' }));
    expect(result).toEqual({ revision: 4, deleted: 2 });
    expect(expectRight(await store.range({ prefix: '' })).items.map((kv) => kv.key)).toEqual([
      '/b/1',
    ]);
  });

  it('does not bump the revision when nothing was deleted', async () => {
    const store = newStore();
    await store.put('/a', 'x');
    expect(expectRight(await store.delete({ key: '/missing' }))).toEqual({
      revision: 1,
      deleted: 0,
    });
    expect(store.revision).toBe(1);
  });

  it('rejects an invalid range', async () => {
    const store = newStore();
    expect(expectLeft(await store.delete({ key: '' }))).toMatchObject({
      _tag: 'InvalidRequest',
      field: 'range.key',
    });
  });
});

describe('MemoryStore close', () => {
  it('completes watches and refuses every later operation with StoreClosed', async () => {
    const store = newStore();
    let completed = false;
    store.watch({ prefix: '' }).subscribe({ complete: () => (completed = true) });
    await store.close();
    expect(completed).toBe(true);
    const closed = { _tag: 'StoreClosed' };
    expect(expectLeft(await store.put('/a', 'x'))).toMatchObject(closed);
    expect(expectLeft(await store.range({ key: '/a' }))).toMatchObject(closed);
    expect(expectLeft(await store.delete({ key: '/a' }))).toMatchObject(closed);
    expect(expectLeft(await store.txn({ compare: [], success: [] }))).toMatchObject(closed);
    expect(expectLeft(await store.compact(1))).toMatchObject(closed);
    expect(expectLeft(await store.grantLease('10s'))).toMatchObject(closed);
    expect(expectLeft(await store.snapshot())).toMatchObject(closed);
    let error: unknown;
    store.watch({ prefix: '' }).subscribe({ error: (e: unknown) => (error = e) });
    expect(error).toMatchObject(closed);
    await store.close();
  });
});
