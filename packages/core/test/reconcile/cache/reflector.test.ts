import { describe, expect, it } from '@jest/globals';
import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { right } from 'fp-ts/lib/Either.js';
import { expired } from '../../../src/api/status/index.js';
import { VirtualClock } from '../../../src/clock/index.js';
import { reflector } from '../../../src/reconcile/cache/reflector.js';
import { createStore } from '../../../src/reconcile/cache/store.js';
import type { WatcherEvent } from '../../../src/reconcile/watcher/watcher-event.js';
import { watcher } from '../../../src/reconcile/watcher/watcher.js';
import { CONFIG_MAPS, configMap } from '../watcher/objects.js';
import { ScriptedClient, settle } from '../watcher/scripted-client.js';

function newTestScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const a = configMap('a');
const b = configMap('b');
const events: Record<string, WatcherEvent> = {
  i: { type: 'init' },
  a: { type: 'initApply', object: a },
  d: { type: 'initDone' },
  b: { type: 'apply', object: b },
  x: { type: 'delete', object: a },
};

describe('reflector', () => {
  it('re-emits every event unchanged, at the same time', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const { writer } = createStore();
      const source = cold('  i a d 5ms b x', events);
      const expected = '     i a d 5ms b x';
      expectObservable(source.pipe(reflector(writer))).toBe(expected, events);
    });
  });

  it('applies each event to the cache before passing it on', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const { writer, reader } = createStore();
      const keys = cold('i a d b x', events).pipe(
        reflector(writer),
        map(() => [...reader.keys()].sort().join(',')),
      );
      expectObservable(keys).toBe('i a d b x', {
        i: '',
        a: '',
        d: 'default/a',
        b: 'default/a,default/b',
        x: 'default/b',
      });
    });
  });

  it('passes errors and completion through', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const { writer } = createStore();
      expectObservable(cold('i|', events).pipe(reflector(writer))).toBe('i|', events);
      expectObservable(cold('i#', events).pipe(reflector(writer))).toBe('i#', events);
    });
  });

  it('keeps a cache in step with a watcher: ready after the list, then each watch event, then a relist', async () => {
    const client = new ScriptedClient();
    const { writer, reader } = createStore();
    const subscription = watcher(client, CONFIG_MAPS, { clock: new VirtualClock() })
      .pipe(reflector(writer))
      .subscribe();
    client.lastList().respond(right({ resourceVersion: '4', items: [a] }));
    await reader.ready;
    expect(reader.get('default/a')).toBe(a);
    client.lastWatch().emit({ type: 'ADDED', object: b }, { type: 'DELETED', object: a });
    expect(reader.keys()).toEqual(['default/b']);
    client
      .lastWatch()
      .emit({ type: 'ERROR', status: expired({ message: 'too old resource version: 4 (9)' }) });
    client.lastList().respond(right({ resourceVersion: '9', items: [a] }));
    await settle();
    expect(reader.keys()).toEqual(['default/a']);
    subscription.unsubscribe();
  });
});
