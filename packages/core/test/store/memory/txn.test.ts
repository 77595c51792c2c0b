import { describe, expect, it } from '@jest/globals';
import type { Compare, TxnRequest, WatchEvent } from '../../../src/store/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

function newStore(): MemoryStore<string> {
  return new MemoryStore<string>({ autoCompaction: { mode: 'off' } });
}

describe('MemoryStore txn', () => {
  it('creates a key only if it is absent (the apiserver’s create)', async () => {
    const store = newStore();
    const create: TxnRequest<string> = {
      compare: [{ key: '/a', target: 'present', value: false }],
      success: [{ op: 'put', key: '/a', value: 'first' }],
      failure: [{ op: 'range', range: { key: '/a' } }],
    };
    const first = expectRight(await store.txn(create));
    expect(first).toMatchObject({ succeeded: true, revision: 1 });
    const second = expectRight(
      await store.txn({ ...create, success: [{ op: 'put', key: '/a', value: 'second' }] }),
    );
    expect(second.succeeded).toBe(false);
    expect(second.revision).toBe(1);
    expect(second.results).toEqual([
      {
        op: 'range',
        result: {
          revision: 1,
          count: 1,
          more: false,
          items: [
            { key: '/a', value: 'first', createRevision: 1, modRevision: 1, version: 1, lease: 0 },
          ],
        },
      },
    ]);
  });

  it('updates only at the expected modRevision (optimistic concurrency)', async () => {
    const store = newStore();
    await store.put('/a', 'v1');
    await store.put('/a', 'v2');
    const stale = expectRight(
      await store.txn({
        compare: [{ key: '/a', target: 'modRevision', operator: '=', value: 1 }],
        success: [{ op: 'put', key: '/a', value: 'lost update' }],
      }),
    );
    expect(stale).toEqual({ revision: 2, succeeded: false, results: [] });
    const fresh = expectRight(
      await store.txn({
        compare: [{ key: '/a', target: 'modRevision', operator: '=', value: 2 }],
        success: [{ op: 'put', key: '/a', value: 'v3', prevKv: true }],
      }),
    );
    expect(fresh.succeeded).toBe(true);
    expect(fresh.results[0]).toMatchObject({
      op: 'put',
      result: { revision: 3, prevKv: { value: 'v2' } },
    });
  });

  it.each<[string, Compare, boolean]>([
    ['version = 2', { key: '/a', target: 'version', operator: '=', value: 2 }, true],
    ['version != 2', { key: '/a', target: 'version', operator: '!=', value: 2 }, false],
    ['version > 1', { key: '/a', target: 'version', operator: '>', value: 1 }, true],
    ['version < 2', { key: '/a', target: 'version', operator: '<', value: 2 }, false],
    ['createRevision = 1', { key: '/a', target: 'createRevision', operator: '=', value: 1 }, true],
    ['modRevision > 2', { key: '/a', target: 'modRevision', operator: '>', value: 2 }, false],
    ['present', { key: '/a', target: 'present', value: true }, true],
    [
      'absent key has version 0',
      { key: '/none', target: 'version', operator: '=', value: 0 },
      true,
    ],
    [
      'absent key has createRevision 0',
      { key: '/none', target: 'createRevision', operator: '=', value: 0 },
      true,
    ],
    ['absent key is not present', { key: '/none', target: 'present', value: true }, false],
  ])('evaluates %s', async (_name, compare, holds) => {
    const store = newStore();
    await store.put('/a', 'v1');
    await store.put('/a', 'v2');
    expect(expectRight(await store.txn({ compare: [compare], success: [] })).succeeded).toBe(holds);
  });

  it('applies all writes of a branch in one revision, and reads see earlier writes', async () => {
    const store = newStore();
    await store.put('/old/1', 'x');
    await store.put('/old/2', 'y');
    const events: WatchEvent<string>[] = [];
    store.watch({ prefix: '/' }).subscribe((event) => events.push(event));
    const result = expectRight(
      await store.txn({
        compare: [],
        success: [
          { op: 'put', key: '/new/1', value: 'a' },
          { op: 'delete', range: { prefix: '/old/' }, prevKv: true },
          { op: 'put', key: '/new/2', value: 'b' },
          { op: 'range', range: { prefix: '/' } },
        ],
      }),
    );
    expect(result.revision).toBe(3);
    expect(result.results[1]).toMatchObject({ op: 'delete', result: { revision: 3, deleted: 2 } });
    const read = result.results[3]!;
    expect(read.op === 'range' && read.result.items.map((kv) => kv.key)).toEqual([
      '/new/1',
      '/new/2',
    ]);
    expect(events.map((e) => [e.type, e.kv.key, e.kv.modRevision])).toEqual([
      ['PUT', '/new/1', 3],
      ['DELETE', '/old/1', 3],
      ['DELETE', '/old/2', 3],
      ['PUT', '/new/2', 3],
    ]);
  });

  it('does not bump the revision when the branch writes nothing', async () => {
    const store = newStore();
    await store.put('/a', 'x');
    const result = expectRight(
      await store.txn({ compare: [], success: [{ op: 'delete', range: { key: '/missing' } }] }),
    );
    expect(result.revision).toBe(1);
    expect(result.results[0]).toMatchObject({ op: 'delete', result: { revision: 1, deleted: 0 } });
  });

  it.each<[string, TxnRequest<string>, string]>([
    [
      'a key put twice',
      {
        compare: [],
        success: [
          { op: 'put', key: '/a', value: '1' },
          { op: 'put', key: '/a', value: '2' },
        ],
      },
      'success[1].key',
    ],
    [
      'a put inside a deleted prefix',
      {
        compare: [],
        success: [
          { op: 'delete', range: { prefix: '/a' } },
          { op: 'put', key: '/a/b', value: '1' },
        ],
      },
      'success',
    ],
    [
      'an empty key in a compare',
      { compare: [{ key: '', target: 'present', value: true }], success: [] },
      'compare[0].key',
    ],
    [
      'an unknown compare target',
      {
        compare: [{ key: '/a', target: 'size', operator: '=', value: 1 } as unknown as Compare],
        success: [],
      },
      'compare[0].target',
    ],
    [
      'an unknown operator',
      {
        compare: [{ key: '/a', target: 'version', operator: '>=', value: 1 } as unknown as Compare],
        success: [],
      },
      'compare[0].operator',
    ],
    [
      'a non-numeric compare value',
      {
        compare: [
          { key: '/a', target: 'version', operator: '=', value: '1' } as unknown as Compare,
        ],
        success: [],
      },
      'compare[0].value',
    ],
    [
      'an unknown operation in the failure branch',
      { compare: [], success: [], failure: [{ op: 'increment', key: '/a' } as never] },
      'failure[0].op',
    ],
    [
      'an invalid range limit',
      { compare: [], success: [{ op: 'range', range: { prefix: '/' }, options: { limit: -1 } }] },
      'success[0].options.limit',
    ],
  ])('rejects %s with InvalidRequest and changes nothing', async (_name, request, field) => {
    const store = newStore();
    await store.put('/a', 'original');
    const error = expectLeft(await store.txn(request));
    expect(error).toMatchObject({ _tag: 'InvalidRequest', field });
    expect(store.revision).toBe(1);
    expect(expectRight(await store.range({ prefix: '' })).items.map((kv) => kv.value)).toEqual([
      'original',
    ]);
  });

  it('rejects a txn whose puts together exceed the size limit, changing nothing', async () => {
    const store = new MemoryStore<string>({
      autoCompaction: { mode: 'off' },
      maxRequestBytes: 100,
    });
    const error = expectLeft(
      await store.txn({
        compare: [],
        success: [
          { op: 'put', key: '/a', value: 'x'.repeat(60) },
          { op: 'put', key: '/b', value: 'x'.repeat(60) },
        ],
      }),
    );
    expect(error).toMatchObject({ _tag: 'ValueTooLarge', key: '/b', limit: 100 });
    expect(store.revision).toBe(0);
  });

  it('counts keys in UTF-8 bytes, so several multi-byte keys cannot slip past the limit', async () => {
    const store = new MemoryStore<string>({
      autoCompaction: { mode: 'off' },
      maxRequestBytes: 100,
    });
    // Each key is 10 UTF-16 units but 26 bytes: counted in units, 4 puts would make 60.
    const keys = ['/€€€€€€€€1', '/€€€€€€€€2', '/€€€€€€€€3', '/€€€€€€€€4'];
    const error = expectLeft(
      await store.txn({
        compare: [],
        success: keys.map((key) => ({ op: 'put' as const, key, value: 'value' })),
      }),
    );
    expect(error).toMatchObject({ _tag: 'ValueTooLarge', key: keys[3], size: 124 });
    expect(store.revision).toBe(0);
  });

  it('rejects a put to an unknown lease, changing nothing', async () => {
    const store = newStore();
    const error = expectLeft(
      await store.txn({
        compare: [],
        success: [
          { op: 'put', key: '/a', value: 'x' },
          { op: 'put', key: '/b', value: 'y', lease: 99 },
        ],
      }),
    );
    expect(error).toMatchObject({ _tag: 'LeaseNotFound', lease: 99 });
    expect(store.revision).toBe(0);
  });
});
