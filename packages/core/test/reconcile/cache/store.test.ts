import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { firstValueFrom } from 'rxjs';
import type { ApiObject } from '../../../src/apiserver/index.js';
import { byLabel } from '../../../src/reconcile/cache/indexers.js';
import {
  createStore,
  UnknownIndexError,
  type CacheWriter,
} from '../../../src/reconcile/cache/store.js';
import type { WatcherEvent } from '../../../src/reconcile/watcher/watcher-event.js';
import { configMap } from '../watcher/objects.js';

/** Applies a full list (init, initApply…, initDone) to `writer`. */
function relist(writer: CacheWriter<ApiObject>, objects: readonly ApiObject[]): void {
  writer.apply({ type: 'init' });
  for (const object of objects) {
    writer.apply({ type: 'initApply', object });
  }
  writer.apply({ type: 'initDone' });
}

const names = (objects: readonly ApiObject[]): string[] =>
  objects.map((object) => object.metadata?.name ?? '').sort();

describe('createStore', () => {
  it('starts empty and not ready', () => {
    const { reader } = createStore();
    expect(reader.size).toBe(0);
    expect(reader.list()).toEqual([]);
    expect(reader.keys()).toEqual([]);
    expect(reader.isReady).toBe(false);
  });

  it('shows a list only once it is done, swapping it in whole', () => {
    const { writer, reader } = createStore();
    const a = configMap('a');
    writer.apply({ type: 'init' });
    writer.apply({ type: 'initApply', object: a });
    expect(reader.size).toBe(0);
    writer.apply({ type: 'initDone' });
    expect(reader.get('default/a')).toBe(a);
    expect(reader.keys()).toEqual(['default/a']);
  });

  it('drops objects missing from a relist, and keeps showing the old list until it is done', () => {
    const { writer, reader } = createStore();
    relist(writer, [configMap('a'), configMap('b')]);
    writer.apply({ type: 'init' });
    writer.apply({ type: 'initApply', object: configMap('b', { resourceVersion: '9' }) });
    expect(names(reader.list())).toEqual(['a', 'b']);
    expect(reader.get('default/b')?.metadata?.resourceVersion).toBe('1');
    writer.apply({ type: 'initDone' });
    expect(names(reader.list())).toEqual(['b']);
    expect(reader.get('default/b')?.metadata?.resourceVersion).toBe('9');
    expect(reader.get('default/a')).toBeUndefined();
  });

  it('starts a relist afresh when a new init interrupts one', () => {
    const { writer, reader } = createStore();
    writer.apply({ type: 'init' });
    writer.apply({ type: 'initApply', object: configMap('a') });
    relist(writer, [configMap('b')]);
    expect(names(reader.list())).toEqual(['b']);
  });

  it('applies and deletes by key, at once for readers', () => {
    const { writer, reader } = createStore();
    relist(writer, []);
    const first = configMap('a', { resourceVersion: '2' });
    const second = configMap('a', { resourceVersion: '3' });
    expect(writer.apply({ type: 'apply', object: first })).toBeUndefined();
    expect(reader.get({ namespace: 'default', name: 'a' })).toBe(first);
    // Each write answers the object it replaced.
    expect(writer.apply({ type: 'apply', object: second })).toBe(first);
    expect(reader.get('default/a')).toBe(second);
    expect(reader.size).toBe(1);
    expect(writer.apply({ type: 'delete', object: first })).toBe(second);
    expect(reader.get('default/a')).toBeUndefined();
    expect(writer.apply({ type: 'delete', object: first })).toBeUndefined();
    expect(reader.size).toBe(0);
  });

  it('keys cluster-scoped objects by name alone', () => {
    const { writer, reader } = createStore();
    const node: ApiObject = { kind: 'Node', metadata: { name: 'node-1' } };
    writer.apply({ type: 'apply', object: node });
    expect(reader.keys()).toEqual(['node-1']);
    expect(reader.get({ name: 'node-1' })).toBe(node);
  });

  it('ignores the delete of an object it does not hold', () => {
    const { writer, reader } = createStore();
    relist(writer, [configMap('a')]);
    writer.apply({ type: 'delete', object: configMap('zzz') });
    expect(names(reader.list())).toEqual(['a']);
  });

  it('stores objects by reference, never copied', () => {
    const { writer, reader } = createStore();
    const a = configMap('a');
    relist(writer, [a]);
    expect(reader.list()[0]).toBe(a);
    expect(reader.byIndex('namespace', 'default')[0]).toBe(a);
  });

  it('becomes ready on the first initDone, once', async () => {
    const { writer, reader } = createStore();
    let resolutions = 0;
    void reader.ready.then(() => resolutions++);
    writer.apply({ type: 'init' });
    await Promise.resolve();
    expect(reader.isReady).toBe(false);
    expect(resolutions).toBe(0);
    writer.apply({ type: 'initDone' });
    relist(writer, []);
    await reader.ready;
    expect(reader.isReady).toBe(true);
    expect(resolutions).toBe(1);
  });

  it('tells late subscribers of ready$ that it is ready', async () => {
    const { writer, reader } = createStore();
    relist(writer, []);
    await expect(firstValueFrom(reader.ready$)).resolves.toBeUndefined();
  });

  it('an initDone with no init before it swaps in an empty list', () => {
    const { writer, reader } = createStore();
    relist(writer, [configMap('a')]);
    writer.apply({ type: 'initDone' });
    expect(reader.size).toBe(0);
  });

  it('matches a plain map for any sequence of applies and deletes', () => {
    const event = fc.record({
      name: fc.constantFrom('a', 'b', 'c', 'd'),
      namespace: fc.constantFrom('x', 'y'),
      app: fc.constantFrom('web', 'db'),
      deleted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (steps) => {
        const { writer, reader } = createStore({ indexers: { app: byLabel('app') } });
        const model = new Map<string, ApiObject>();
        for (const { name, namespace, app, deleted } of steps) {
          const object = configMap(name, { namespace, labels: { app } });
          const applied: WatcherEvent = deleted
            ? { type: 'delete', object }
            : { type: 'apply', object };
          writer.apply(applied);
          if (deleted) {
            model.delete(`${namespace}/${name}`);
          } else {
            model.set(`${namespace}/${name}`, object);
          }
        }
        expect(new Set(reader.keys())).toEqual(new Set(model.keys()));
        for (const app of ['web', 'db']) {
          const expected = [...model.values()].filter(
            (object) => object.metadata?.labels?.['app'] === app,
          );
          expect(new Set(reader.byIndex('app', app))).toEqual(new Set(expected));
        }
        for (const namespace of ['x', 'y']) {
          expect(reader.byIndex('namespace', namespace)).toHaveLength(
            [...model.keys()].filter((key) => key.startsWith(`${namespace}/`)).length,
          );
        }
      }),
    );
  });
});

describe('CacheWriter.addIndexers', () => {
  it('keeps an index added midway in step with a plain map, for any sequence', () => {
    const event = fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      app: fc.constantFrom('web', 'db'),
      deleted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), fc.nat(30), (steps, addAt) => {
        const { writer, reader } = createStore();
        const model = new Map<string, ApiObject>();
        const byApp = byLabel('app');
        steps.forEach(({ name, app, deleted }, step) => {
          if (step === addAt) {
            writer.addIndexers({ app: byApp });
          }
          const object = configMap(name, { namespace: 'x', labels: { app } });
          writer.apply(deleted ? { type: 'delete', object } : { type: 'apply', object });
          if (deleted) {
            model.delete(`x/${name}`);
          } else {
            model.set(`x/${name}`, object);
          }
        });
        // Again with the same function (a no-op), or for the first time when addAt was past the end.
        writer.addIndexers({ app: byApp });
        for (const app of ['web', 'db']) {
          const expected = [...model.values()].filter(
            (object) => object.metadata?.labels?.['app'] === app,
          );
          expect(new Set(reader.byIndex('app', app))).toEqual(new Set(expected));
        }
      }),
    );
  });
});

describe('CacheReader.byIndex', () => {
  it('finds objects by namespace and by owner UID out of the box', () => {
    const { writer, reader } = createStore();
    relist(writer, [
      configMap('a', { namespace: 'one', ownerUids: ['u1'] }),
      configMap('b', { namespace: 'one', ownerUids: ['u1', 'u2'] }),
      configMap('c', { namespace: 'two' }),
    ]);
    expect(names(reader.byIndex('namespace', 'one'))).toEqual(['a', 'b']);
    expect(names(reader.byIndex('ownerUid', 'u1'))).toEqual(['a', 'b']);
    expect(names(reader.byIndex('ownerUid', 'u2'))).toEqual(['b']);
    expect(reader.byIndex('ownerUid', 'nobody')).toEqual([]);
  });

  it('moves an object between index values when it changes', () => {
    const { writer, reader } = createStore({ indexers: { app: byLabel('app') } });
    relist(writer, [configMap('a', { labels: { app: 'web' } })]);
    writer.apply({ type: 'apply', object: configMap('a', { labels: { app: 'db' } }) });
    expect(reader.byIndex('app', 'web')).toEqual([]);
    expect(names(reader.byIndex('app', 'db'))).toEqual(['a']);
    writer.apply({ type: 'apply', object: configMap('a') });
    expect(reader.byIndex('app', 'db')).toEqual([]);
  });

  it('keeps an object under the values it keeps when others change, and after a same-valued update', () => {
    const { writer, reader } = createStore();
    relist(writer, [configMap('a', { ownerUids: ['u1', 'u2'] })]);
    writer.apply({ type: 'apply', object: configMap('a', { ownerUids: ['u2', 'u3'] }) });
    expect(reader.byIndex('ownerUid', 'u1')).toEqual([]);
    expect(names(reader.byIndex('ownerUid', 'u2'))).toEqual(['a']);
    expect(names(reader.byIndex('ownerUid', 'u3'))).toEqual(['a']);
    const same = configMap('a', { ownerUids: ['u2', 'u3'] });
    writer.apply({ type: 'apply', object: same });
    expect(reader.byIndex('ownerUid', 'u2')).toEqual([same]);
    expect(reader.byIndex('ownerUid', 'u3')).toEqual([same]);
  });

  it('unfiles a deleted object', () => {
    const { writer, reader } = createStore();
    relist(writer, [configMap('a', { ownerUids: ['u1'] })]);
    writer.apply({ type: 'delete', object: configMap('a', { ownerUids: ['u1'] }) });
    expect(reader.byIndex('ownerUid', 'u1')).toEqual([]);
    expect(reader.byIndex('namespace', 'default')).toEqual([]);
  });

  it('answers from the new list after a relist', () => {
    const { writer, reader } = createStore();
    relist(writer, [configMap('a', { ownerUids: ['u1'] })]);
    relist(writer, [configMap('b', { ownerUids: ['u2'] })]);
    expect(reader.byIndex('ownerUid', 'u1')).toEqual([]);
    expect(names(reader.byIndex('ownerUid', 'u2'))).toEqual(['b']);
  });

  it('lets an index given by name replace a default one', () => {
    const { writer, reader } = createStore({ indexers: { namespace: () => ['everything'] } });
    relist(writer, [configMap('a')]);
    expect(reader.byIndex('namespace', 'default')).toEqual([]);
    expect(names(reader.byIndex('namespace', 'everything'))).toEqual(['a']);
  });

  it('throws UnknownIndexError, naming the indexes it has, for an index it was not given', () => {
    const { reader } = createStore();
    expect(() => reader.byIndex('label:app', 'web')).toThrow(UnknownIndexError);
    expect(() => reader.byIndex('label:app', 'web')).toThrow(
      'unknown cache index "label:app": the store has "namespace", "ownerUid"',
    );
  });
});
