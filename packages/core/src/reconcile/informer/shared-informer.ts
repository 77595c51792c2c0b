/**
 * A shared informer: one watch and one cache of a resource type, whose changes any
 * number of handlers follow (client-go's `SharedIndexInformer`).
 *
 * @module
 */
import { Observable, Subject, type Subscription } from 'rxjs';
import type { ApiObject } from '../../apiserver/index.js';
import type { Client, ResourceType } from '../../client/index.js';
import { createStore, type CacheReader, type CacheStore, type Indexer } from '../cache/index.js';
import { watcher, type WatcherEvent, type WatcherOptions } from '../watcher/index.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * What a handler of an informer sees, always after the cache holds it:
 * - `apply` and `delete`: one object changed (`old` is what the cache held before, if
 *   it held it);
 * - `synced`: a (re)list was swapped into the cache; `objects` are all it holds now.
 *   A handler that subscribes to a synced informer gets one `synced` first.
 */
export type InformerEvent<T extends ApiObject> =
  | {
      readonly type: 'apply' | 'delete';
      readonly object: T;
      readonly old?: T;
    }
  | { readonly type: 'synced'; readonly objects: readonly T[] };

/**
 * One watch and one cache of a resource type, shared by every handler.
 *
 * Guarantees: the watch runs while at least one handler is subscribed to `events$`
 * and stops with the last one (the cache then keeps what it held, and a later
 * handler starts a new watch, which relists); every handler sees the same events, in
 * the order the watch delivered them, each after the cache was updated, so a handler
 * reading the cache (or another handler's view of it) never sees it behind its event.
 */
export interface SharedInformer<T extends ApiObject> {
  /** The resource type it watches (every namespace, no selector). */
  readonly type: ResourceType<T>;
  /** The cache; {@link CacheReader.isReady} once the first list landed. */
  readonly cache: CacheReader<T>;
  /** The changes, for as many handlers as want them (see {@link InformerEvent}). */
  readonly events$: Observable<InformerEvent<T>>;
  /**
   * Adds indexes to the cache (filing what it already holds). Cheap to call again
   * with the same functions.
   *
   * Errors: throws `IndexConflictError` for a name already used by another function.
   */
  addIndexers(indexers: Readonly<Record<string, Indexer<T>>>): void;
}

/** What {@link sharedInformer} needs. */
export interface SharedInformerOptions<T extends ApiObject> {
  readonly client: Client;
  readonly type: ResourceType<T>;
  /** The watch's options besides its scope (the clock, its backoff, failure reports). */
  readonly watch: Omit<WatcherOptions, 'namespace' | 'labelSelector' | 'fieldSelector'>;
  /** Indexes of the cache besides the default ones (`namespace`, `ownerUid`). */
  readonly indexers?: Readonly<Record<string, Indexer<T>>>;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/** An informer of every object of `options.type`; its watch starts with its first handler. */
export function sharedInformer<T extends ApiObject>(
  options: SharedInformerOptions<T>,
): SharedInformer<T> {
  const store: CacheStore<T> = createStore<T>(
    options.indexers === undefined ? {} : { indexers: options.indexers },
  );
  const changes = new Subject<InformerEvent<T>>();
  let handlers = 0;
  let watch: Subscription | undefined;
  let listed: T[] = [];

  const onWatcherEvent = (event: WatcherEvent<T>): void => {
    switch (event.type) {
      case 'init':
        listed = [];
        store.writer.apply(event);
        return;
      case 'initApply':
        listed.push(event.object);
        store.writer.apply(event);
        return;
      case 'initDone': {
        store.writer.apply(event);
        const objects = listed;
        listed = [];
        changes.next({ type: 'synced', objects });
        return;
      }
      case 'apply':
      case 'delete': {
        const old = store.writer.apply(event);
        changes.next(
          old === undefined
            ? { type: event.type, object: event.object }
            : { type: event.type, object: event.object, old },
        );
        return;
      }
    }
  };

  const events$ = new Observable<InformerEvent<T>>((subscriber) => {
    if (store.reader.isReady) {
      subscriber.next({ type: 'synced', objects: store.reader.list() });
    }
    const subscription = changes.subscribe(subscriber);
    handlers++;
    if (watch === undefined) {
      watch = watcher(options.client, options.type, options.watch).subscribe({
        next: onWatcherEvent,
        error: (error: unknown) => changes.error(error),
      });
    }
    return () => {
      subscription.unsubscribe();
      handlers--;
      if (handlers === 0 && watch !== undefined) {
        const running = watch;
        watch = undefined;
        running.unsubscribe();
      }
    };
  });

  return {
    type: options.type,
    cache: store.reader,
    events$,
    addIndexers: (indexers) => store.writer.addIndexers(indexers),
  };
}
