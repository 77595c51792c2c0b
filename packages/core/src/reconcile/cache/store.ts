/**
 * A cache of the objects of one resource type, fed by a watcher: one writer that
 * applies {@link WatcherEvent}s, and a reader that answers from memory.
 *
 * @module
 */
import { AsyncSubject, firstValueFrom, type Observable } from 'rxjs';
import type { ApiObject } from '../../apiserver/index.js';
import { keyOf, objectKeyString, type ObjectKey } from '../../client/resource-type.js';
import type { WatcherEvent } from '../watcher/index.js';
import { Generation } from './generation.js';
import { DEFAULT_INDEXERS, type Indexer } from './indexers.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * Reads a cache. Cheap to share: every reader of a store sees the same objects.
 *
 * Guarantees: answers reflect every event the writer has applied, at once (reads and
 * writes are synchronous); objects are those the watcher emitted, by reference, so
 * treat them as immutable; arrays answered are fresh copies, in no promised order.
 */
export interface CacheReader<T extends ApiObject> {
  /** The object under `key` (`namespace/name`, `name`, or an {@link ObjectKey}). */
  get(key: string | ObjectKey): T | undefined;
  /** Every object. */
  list(): readonly T[];
  /** Every key (`namespace/name`, or `name` for cluster-scoped objects). */
  keys(): readonly string[];
  /**
   * The objects filed under `value` in the index `indexName`
   * (`byIndex('namespace', 'default')`, `byIndex('ownerUid', uid)`).
   *
   * Errors: throws {@link UnknownIndexError} for an index the store was not given.
   */
  byIndex(indexName: string, value: string): readonly T[];
  /** How many objects the cache holds. */
  readonly size: number;
  /** Whether a first list has landed (a first `initDone` was applied). */
  readonly isReady: boolean;
  /** Resolves once the first list has landed; never rejects. */
  readonly ready: Promise<void>;
  /** Emits once and completes when the first list has landed (also to late subscribers). */
  readonly ready$: Observable<void>;
}

/**
 * Writes a cache: the one handle that changes it.
 *
 * - `init` starts a new generation, buffered out of sight; `initApply` adds to it;
 *   `initDone` swaps it in, in one step (objects missing from the new list are gone),
 *   and makes the cache ready the first time.
 * - `apply` stores the object under its key, replacing the one there; `delete`
 *   removes the object under its key.
 *
 * Guarantees: indexes change with every write; readers never see a half-listed
 * generation. Caveats: an `initApply` with no `init` before it starts a generation;
 * an `initDone` with none swaps in an empty one.
 */
export interface CacheWriter<T extends ApiObject> {
  /**
   * Applies one watcher event; answers, for an `apply` or a `delete`, the object the
   * cache held under that key before (`undefined` otherwise).
   */
  apply(event: WatcherEvent<T>): T | undefined;
  /**
   * Adds indexes, filing the objects already held under them; an index already there
   * under the same name and with the same function is kept as is.
   *
   * Errors: throws {@link IndexConflictError} for a name already used by another function.
   */
  addIndexers(indexers: Readonly<Record<string, Indexer<T>>>): void;
}

/** Options of {@link createStore}. */
export interface CreateStoreOptions<T extends ApiObject> {
  /**
   * Indexes by name, added to (or replacing, by name) {@link DEFAULT_INDEXERS}
   * (`namespace`, `ownerUid`): `{ app: byLabel('app') }`.
   */
  readonly indexers?: Readonly<Record<string, Indexer<T>>>;
}

/** A store's two handles. */
export interface CacheStore<T extends ApiObject> {
  readonly writer: CacheWriter<T>;
  readonly reader: CacheReader<T>;
}

/** A read of an index the store was not created with. */
export class UnknownIndexError extends Error {
  /** The error's name, `UnknownIndexError`. */
  override readonly name = 'UnknownIndexError';

  /** @param options - the index asked for and those the store has. */
  constructor(options: { readonly indexName: string; readonly known: readonly string[] }) {
    super(
      `unknown cache index ${JSON.stringify(options.indexName)}: the store has ` +
        options.known.map((name) => JSON.stringify(name)).join(', '),
    );
  }
}

/** Two indexes asked for under one name with different functions. */
export class IndexConflictError extends Error {
  /** The error's name, `IndexConflictError`. */
  override readonly name = 'IndexConflictError';

  /** @param options - the index name both asked for. */
  constructor(options: { readonly indexName: string }) {
    super(`cache index ${JSON.stringify(options.indexName)} is already defined by another indexer`);
  }
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * An empty cache, not ready, with the indexes of `options.indexers` besides the
 * default ones. Feed its writer with `watcher(...).pipe(reflector(writer))`.
 */
export function createStore<T extends ApiObject>(
  options: CreateStoreOptions<T> = {},
): CacheStore<T> {
  const indexers = new Map<string, Indexer<T>>(
    Object.entries({ ...DEFAULT_INDEXERS, ...options.indexers }),
  );
  let live = new Generation<T>(indexers);
  let buffered: Generation<T> | undefined;
  const readySubject = new AsyncSubject<void>();
  const ready$ = readySubject.asObservable();
  const ready = firstValueFrom(ready$);
  let isReady = false;

  const writer: CacheWriter<T> = {
    apply(event) {
      switch (event.type) {
        case 'init':
          buffered = new Generation(indexers);
          return undefined;
        case 'initApply':
          buffered ??= new Generation(indexers);
          buffered.put(objectKeyString(keyOf(event.object)), event.object);
          return undefined;
        case 'initDone':
          live = buffered ?? new Generation(indexers);
          buffered = undefined;
          if (!isReady) {
            isReady = true;
            readySubject.next();
            readySubject.complete();
          }
          return undefined;
        case 'apply':
          return live.put(objectKeyString(keyOf(event.object)), event.object);
        case 'delete':
          return live.remove(objectKeyString(keyOf(event.object)));
      }
    },
    addIndexers(added) {
      for (const [name, indexer] of Object.entries(added)) {
        const known = indexers.get(name);
        if (known === indexer) {
          continue;
        }
        if (known !== undefined) {
          throw new IndexConflictError({ indexName: name });
        }
        indexers.set(name, indexer);
        live.addIndex(name, indexer);
        buffered?.addIndex(name, indexer);
      }
    },
  };

  const reader: CacheReader<T> = {
    get: (key) => live.objects.get(typeof key === 'string' ? key : objectKeyString(key)),
    list: () => Array.from(live.objects.values()),
    keys: () => Array.from(live.objects.keys()),
    byIndex: (indexName, value) => {
      const keys = live.keysIn(indexName, value);
      if (keys === undefined) {
        throw new UnknownIndexError({ indexName, known: Array.from(indexers.keys()) });
      }
      const objects: T[] = [];
      for (const key of keys) {
        objects.push(live.objects.get(key) as T);
      }
      return objects;
    },
    get size() {
      return live.objects.size;
    },
    get isReady() {
      return isReady;
    },
    ready,
    ready$,
  };

  return { writer, reader };
}
