/**
 * One generation of a cache: its objects by key and its indexes, kept in step.
 * Internal to the cache folder.
 *
 * @module
 */
import type { ApiObject } from '../../apiserver/index.js';
import type { Indexer } from './indexers.js';

/**
 * Objects by key, with each index (value → keys) updated on every `put` and `remove`.
 *
 * Guarantees: objects are held by reference; an index lists a key under a value
 * exactly while the object under that key is filed there by the indexer.
 */
export class Generation<T extends ApiObject> {
  readonly objects = new Map<string, T>();
  readonly #indexers: ReadonlyMap<string, Indexer<T>>;
  readonly #indexes = new Map<string, Map<string, Set<string>>>();

  constructor(indexers: ReadonlyMap<string, Indexer<T>>) {
    this.#indexers = indexers;
    for (const name of indexers.keys()) {
      this.#indexes.set(name, new Map());
    }
  }

  /** Stores `object` under `key`, replacing (and unfiling) the object there before. */
  put(key: string, object: T): void {
    const previous = this.objects.get(key);
    if (previous !== undefined) {
      this.#unfile(key, previous);
    }
    this.objects.set(key, object);
    for (const [name, indexer] of this.#indexers) {
      const index = this.#indexes.get(name) as Map<string, Set<string>>;
      for (const value of indexer(object)) {
        let keys = index.get(value);
        if (keys === undefined) {
          keys = new Set();
          index.set(value, keys);
        }
        keys.add(key);
      }
    }
  }

  /** Removes the object under `key`, if any. */
  remove(key: string): void {
    const previous = this.objects.get(key);
    if (previous !== undefined) {
      this.#unfile(key, previous);
      this.objects.delete(key);
    }
  }

  /** The keys filed under `value` in index `name`, or `undefined` for an unknown index. */
  keysIn(name: string, value: string): ReadonlySet<string> | undefined {
    const index = this.#indexes.get(name);
    return index === undefined ? undefined : (index.get(value) ?? EMPTY);
  }

  #unfile(key: string, object: T): void {
    for (const [name, indexer] of this.#indexers) {
      const index = this.#indexes.get(name) as Map<string, Set<string>>;
      for (const value of indexer(object)) {
        const keys = index.get(value);
        keys?.delete(key);
        // Drop empty sets so that an index does not grow with values seen once.
        if (keys?.size === 0) {
          index.delete(value);
        }
      }
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();
