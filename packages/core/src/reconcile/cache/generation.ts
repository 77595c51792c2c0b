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
  readonly #indexes = new Map<string, Map<string, Set<string>>>();
  readonly #filing: Filing<T>[];
  // The values each object is filed under, by key, one array per index (in #filing's
  // order): an update unfiles the old values without calling the indexers on the old
  // object again.
  readonly #filed = new Map<string, (readonly string[])[]>();

  constructor(indexers: ReadonlyMap<string, Indexer<T>>) {
    const filing: Filing<T>[] = [];
    for (const [name, indexer] of indexers) {
      const entries = new Map<string, Set<string>>();
      this.#indexes.set(name, entries);
      filing.push({ indexer, entries });
    }
    this.#filing = filing;
  }

  /**
   * Stores `object` under `key`, replacing (and answering) the object there before. An index is
   * touched only where the object's values in it changed (an update of a pod's status
   * leaves its namespace and owners alone).
   */
  put(key: string, object: T): T | undefined {
    const previous = this.objects.get(key);
    this.objects.set(key, object);
    if (previous === object) {
      return previous;
    }
    const filing = this.#filing;
    const oldFiled = this.#filed.get(key);
    const filed = new Array<readonly string[]>(filing.length);
    for (let i = 0; i < filing.length; i++) {
      const { indexer, entries } = filing[i] as Filing<T>;
      const values = indexer(object);
      filed[i] = values;
      if (previous !== undefined) {
        const old = oldFiled?.[i] ?? indexer(previous);
        if (sameValues(old, values)) {
          continue;
        }
        unfile(entries, key, old);
      }
      file(entries, key, values);
    }
    this.#filed.set(key, filed);
    return previous;
  }

  /** Adds the index `name`, filing every object held under it. */
  addIndex(name: string, indexer: Indexer<T>): void {
    const entries = new Map<string, Set<string>>();
    this.#indexes.set(name, entries);
    this.#filing.push({ indexer, entries });
    const position = this.#filing.length - 1;
    for (const [key, object] of this.objects) {
      const values = indexer(object);
      file(entries, key, values);
      const filed = this.#filed.get(key);
      if (filed !== undefined && filed.length === position) {
        filed.push(values);
      }
    }
  }

  /** Removes the object under `key`, if any; answers it. */
  remove(key: string): T | undefined {
    const previous = this.objects.get(key);
    if (previous !== undefined) {
      const filed = this.#filed.get(key);
      for (let i = 0; i < this.#filing.length; i++) {
        const { indexer, entries } = this.#filing[i] as Filing<T>;
        unfile(entries, key, filed?.[i] ?? indexer(previous));
      }
      this.objects.delete(key);
      this.#filed.delete(key);
    }
    return previous;
  }

  /** The keys filed under `value` in index `name`, or `undefined` for an unknown index. */
  keysIn(name: string, value: string): ReadonlySet<string> | undefined {
    const index = this.#indexes.get(name);
    return index === undefined ? undefined : (index.get(value) ?? EMPTY);
  }
}

/** One index: its indexer and its entries (value → keys). */
interface Filing<T extends ApiObject> {
  readonly indexer: Indexer<T>;
  readonly entries: Map<string, Set<string>>;
}

function file(entries: Map<string, Set<string>>, key: string, values: readonly string[]): void {
  for (const value of values) {
    let keys = entries.get(value);
    if (keys === undefined) {
      keys = new Set();
      entries.set(value, keys);
    }
    keys.add(key);
  }
}

function unfile(entries: Map<string, Set<string>>, key: string, values: readonly string[]): void {
  for (const value of values) {
    const keys = entries.get(value);
    keys?.delete(key);
    // Drop empty sets so that an index does not grow with values seen once.
    if (keys?.size === 0) {
      entries.delete(value);
    }
  }
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

const EMPTY: ReadonlySet<string> = new Set();
