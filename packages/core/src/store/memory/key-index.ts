/**
 * The in-memory store's index: every key's retained history, by key and in key order.
 *
 * @module
 */
import BTreeModule from 'sorted-btree';
import type { KeyRange } from '../key-range.js';
import { prefixEnd } from '../key-range.js';
import type { HistoryEntry, KeyValue } from '../key-value.js';
import { isTombstone } from '../key-value.js';

// sorted-btree is CommonJS; imported from ESM its default export is `module.exports`.
const BTree = BTreeModule.default;
type BTree<K, V> = InstanceType<typeof BTreeModule.default<K, V>>;

/** A key's retained history, oldest first. Mutated only by {@link KeyIndex}. */
export type History<V> = HistoryEntry<V>[];

/**
 * Every key's history: a hash map for point reads, and a B+ tree over the same
 * arrays for ordered prefix scans. A key enters both on its first write and leaves
 * both when compaction leaves it no history.
 */
export class KeyIndex<V> {
  readonly #byKey = new Map<string, History<V>>();
  readonly #ordered: BTree<string, History<V>> = new BTree<string, History<V>>();

  /** How many keys have retained history (including deleted ones not yet compacted). */
  get size(): number {
    return this.#byKey.size;
  }

  /** A key's history, or undefined if it has none. */
  history(key: string): History<V> | undefined {
    return this.#byKey.get(key);
  }

  /** A key's current value, or undefined if it does not exist. */
  current(key: string): KeyValue<V> | undefined {
    const history = this.#byKey.get(key);
    if (history === undefined) {
      return undefined;
    }
    const last = history[history.length - 1]!;
    return isTombstone(last) ? undefined : last;
  }

  /** Appends an entry to its key's history. Its revision must be the newest. */
  record(entry: HistoryEntry<V>): void {
    const history = this.#byKey.get(entry.key);
    if (history === undefined) {
      const created = [entry];
      this.#byKey.set(entry.key, created);
      this.#ordered.set(entry.key, created);
    } else {
      history.push(entry);
    }
  }

  /** Calls `visit` for every key with history in `range`, in key order. */
  scan(range: KeyRange, visit: (key: string, history: History<V>) => void): void {
    if ('key' in range) {
      const history = this.#byKey.get(range.key);
      if (history !== undefined) {
        visit(range.key, history);
      }
      return;
    }
    const low = range.from !== undefined && range.from > range.prefix ? range.from : range.prefix;
    const high = prefixEnd(range.prefix);
    if (high !== undefined) {
      this.#ordered.forRange(low, high, false, visit);
      return;
    }
    const max = this.#ordered.maxKey();
    if (max !== undefined) {
      this.#ordered.forRange(low, max, true, visit);
    }
  }

  /**
   * Drops what reads at `revision` and later can no longer see, keeping every entry
   * from `revision` on and the newest one before it (the value a read at `revision`
   * sees when the key was not written at `revision`, and the `prevKv` of the key's
   * first retained event). A deletion before `revision` is dropped too; a key left
   * with no history leaves the index.
   */
  compactKey(key: string, revision: number): void {
    const history = this.#byKey.get(key);
    if (history === undefined) {
      return;
    }
    let newestBefore = history.length - 1;
    while (newestBefore >= 0 && history[newestBefore]!.modRevision >= revision) {
      newestBefore--;
    }
    if (newestBefore < 0) {
      return;
    }
    const first = isTombstone(history[newestBefore]!) ? newestBefore + 1 : newestBefore;
    if (first === history.length) {
      this.#byKey.delete(key);
      this.#ordered.delete(key);
    } else if (first > 0) {
      history.splice(0, first);
    }
  }

  /** Every key's history, in key order. */
  entries(): IterableIterator<[string, History<V>]> {
    return this.#ordered.entries();
  }
}

/** The newest entry of `history` at or before `revision`, if any. */
export function entryAt<V>(history: History<V>, revision: number): HistoryEntry<V> | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i]!;
    if (entry.modRevision <= revision) {
      return entry;
    }
  }
  return undefined;
}

/** The key's value at `revision`, or undefined if it did not exist then. */
export function valueAt<V>(history: History<V>, revision: number): KeyValue<V> | undefined {
  const entry = entryAt(history, revision);
  return entry === undefined || isTombstone(entry) ? undefined : entry;
}
