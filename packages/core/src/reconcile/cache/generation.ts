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
  // The values each object is filed under, by key, one entry per index (in #filing's
  // order): an update unfiles the old values without calling the indexers on the old
  // object again. Kept small, as there is one per object: a single value is held as
  // the string itself, and an update that changes no index value keeps the record.
  readonly #filed = new Map<string, FiledValues[]>();

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
    const count = filing.length;
    const oldFiled = previous === undefined ? undefined : this.#filed.get(key);
    // The old record serves as long as no value differs; copied at the first difference.
    let filed = oldFiled?.length === count ? oldFiled : new Array<FiledValues>(count);
    for (let i = 0; i < count; i++) {
      const { indexer, entries } = filing[i] as Filing<T>;
      const values = filedValues(indexer(object));
      if (previous !== undefined) {
        const old = oldFiled?.[i] ?? filedValues(indexer(previous));
        if (sameValues(old, values)) {
          if (filed !== oldFiled) {
            filed[i] = old;
          }
          continue;
        }
        unfile(entries, key, old);
      }
      file(entries, key, values);
      if (filed === oldFiled) {
        filed = filed.slice();
      }
      filed[i] = values;
    }
    if (filed !== oldFiled) {
      this.#filed.set(key, filed);
    }
    return previous;
  }

  /** Adds the index `name`, filing every object held under it. */
  addIndex(name: string, indexer: Indexer<T>): void {
    const entries = new Map<string, Set<string>>();
    this.#indexes.set(name, entries);
    this.#filing.push({ indexer, entries });
    const position = this.#filing.length - 1;
    for (const [key, object] of this.objects) {
      const values = filedValues(indexer(object));
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

/** An object's values in one index: one value as the string itself, else the list. */
type FiledValues = string | readonly string[];

const NO_VALUES: readonly string[] = Object.freeze([]);

function filedValues(values: readonly string[]): FiledValues {
  return values.length === 1 ? (values[0] as string) : values.length === 0 ? NO_VALUES : values;
}

function file(entries: Map<string, Set<string>>, key: string, values: FiledValues): void {
  if (typeof values === 'string') {
    fileOne(entries, key, values);
    return;
  }
  for (const value of values) {
    fileOne(entries, key, value);
  }
}

function fileOne(entries: Map<string, Set<string>>, key: string, value: string): void {
  let keys = entries.get(value);
  if (keys === undefined) {
    keys = new Set();
    entries.set(value, keys);
  }
  keys.add(key);
}

function unfile(entries: Map<string, Set<string>>, key: string, values: FiledValues): void {
  if (typeof values === 'string') {
    unfileOne(entries, key, values);
    return;
  }
  for (const value of values) {
    unfileOne(entries, key, value);
  }
}

function unfileOne(entries: Map<string, Set<string>>, key: string, value: string): void {
  const keys = entries.get(value);
  keys?.delete(key);
  // Drop empty sets so that an index does not grow with values seen once.
  if (keys?.size === 0) {
    entries.delete(value);
  }
}

function sameValues(a: FiledValues, b: FiledValues): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a === 'string' || typeof b === 'string' || a.length !== b.length) {
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
