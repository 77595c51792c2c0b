/**
 * The in-memory store's event log and the watchers reading it.
 *
 * @module
 */
import type { Subscriber } from 'rxjs';
import type { KeyRange } from '../key-range.js';
import { compacted } from '../store-error.js';
import type { WatchEvent } from '../watch.js';

/** One watch: where it reads, how far it has read, and whom it tells. */
export interface Watcher<V> {
  /** The exact key watched, or undefined for a prefix watch. */
  readonly key: string | undefined;
  /** The prefix watched (for a key watch, the key itself). */
  readonly prefix: string;
  /** For a prefix watch, the smallest key watched. */
  readonly from: string | undefined;
  /** Whether events carry `prevKv`. */
  readonly prevKv: boolean;
  /** Events older than this revision are skipped (a watch that starts in the future). */
  readonly minRevision: number;
  /** The sequence number of the next event to look at. */
  cursor: number;
  /** Where the events go. */
  readonly subscriber: Subscriber<WatchEvent<V>>;
}

/** The parts of a {@link Watcher} that the store decides. */
export interface WatcherSpec<V> {
  readonly range: KeyRange;
  readonly prevKv: boolean;
  readonly minRevision: number;
  readonly cursor: number;
  readonly subscriber: Subscriber<WatchEvent<V>>;
}

/**
 * The retained events, oldest first, each with a sequence number, and the watchers
 * that read them.
 *
 * Every watcher is a cursor into the one log, so replaying history and following
 * live writes are the same loop, and the seam between them has no gap and no
 * duplicate. Delivery is synchronous and trampolined: a write made by a subscriber
 * while events are being delivered is appended to the log and delivered, in order,
 * by the loop already running — never out of order, never re-entrantly.
 *
 * Caveats (slow subscribers): the hub pushes to each subscriber as soon as an event
 * is committed and never waits for a subscriber's asynchronous work; it keeps no
 * queue per watcher, only the shared log. A subscriber that needs time per event
 * buffers in its own pipeline (`concatMap`, `observeOn`), whose growth is its own.
 * Writers are never blocked and never see a subscriber's error (RxJS reports errors
 * thrown by an observer asynchronously).
 */
export class WatchHub<V> {
  // The retained events, with prevKv where the key had a previous value...
  #events: WatchEvent<V>[] = [];
  // ...and, at the same index, the same event without prevKv (made on first demand).
  #plain: (WatchEvent<V> | undefined)[] = [];
  // The sequence number of #events[0].
  #firstSeq = 0;
  readonly #watchers = new Set<Watcher<V>>();
  #draining = false;

  /** The sequence number the next appended event will get. */
  get endSeq(): number {
    return this.#firstSeq + this.#events.length;
  }

  /** How many watchers are active. */
  get watcherCount(): number {
    return this.#watchers.size;
  }

  /** Appends a committed event. Call {@link drain} once the write is complete. */
  append(event: WatchEvent<V>): void {
    this.#events.push(event);
    this.#plain.push(event.prevKv === undefined ? event : undefined);
  }

  /** The sequence number of the first retained event at or after `revision`. */
  seqOfRevision(revision: number): number {
    let low = 0;
    let high = this.#events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#events[mid]!.kv.modRevision < revision) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return this.#firstSeq + low;
  }

  /** Registers a watcher. Call {@link drain} to deliver what it has not seen. */
  add(spec: WatcherSpec<V>): Watcher<V> {
    const isKey = 'key' in spec.range;
    const watcher: Watcher<V> = {
      key: 'key' in spec.range ? spec.range.key : undefined,
      prefix: 'key' in spec.range ? spec.range.key : spec.range.prefix,
      from: isKey || !('from' in spec.range) ? undefined : spec.range.from,
      prevKv: spec.prevKv,
      minRevision: spec.minRevision,
      cursor: spec.cursor,
      subscriber: spec.subscriber,
    };
    this.#watchers.add(watcher);
    return watcher;
  }

  /** Unregisters a watcher; it gets nothing more. */
  remove(watcher: Watcher<V>): void {
    this.#watchers.delete(watcher);
  }

  /**
   * Delivers every event each watcher has not yet seen, in order. Re-entrant calls
   * (a subscriber writing) return at once: the running loop picks their events up.
   */
  drain(): void {
    if (this.#draining || this.#watchers.size === 0) {
      return;
    }
    this.#draining = true;
    try {
      let end: number;
      do {
        end = this.endSeq;
        for (const watcher of this.#watchers) {
          if (watcher.cursor < this.endSeq) {
            this.#deliver(watcher);
          }
        }
        // Events appended during the pass may have missed watchers visited earlier.
      } while (end !== this.endSeq);
    } finally {
      this.#draining = false;
    }
  }

  #deliver(watcher: Watcher<V>): void {
    const { subscriber } = watcher;
    while (!subscriber.closed && watcher.cursor < this.endSeq) {
      const seq = watcher.cursor;
      watcher.cursor = seq + 1;
      const index = seq - this.#firstSeq;
      const event = this.#events[index]!;
      const key = event.kv.key;
      if (event.kv.modRevision < watcher.minRevision) {
        continue;
      }
      if (watcher.key !== undefined) {
        if (key !== watcher.key) {
          continue;
        }
      } else if (
        !key.startsWith(watcher.prefix) ||
        (watcher.from !== undefined && key < watcher.from)
      ) {
        continue;
      }
      subscriber.next(watcher.prevKv ? event : this.#plainAt(index, event));
    }
  }

  #plainAt(index: number, event: WatchEvent<V>): WatchEvent<V> {
    const cached = this.#plain[index];
    if (cached !== undefined) {
      return cached;
    }
    const plain: WatchEvent<V> =
      event.type === 'PUT' ? { type: 'PUT', kv: event.kv } : { type: 'DELETE', kv: event.kv };
    this.#plain[index] = plain;
    return plain;
  }

  /**
   * Drops the events older than `revision` and returns them. A watcher that has not
   * read them yet (possible only when a subscriber compacts while events are being
   * delivered) fails with `Compacted`, as a lagging etcd watcher does.
   */
  dropBefore(revision: number): WatchEvent<V>[] {
    const cut = this.seqOfRevision(revision) - this.#firstSeq;
    for (const watcher of this.#watchers) {
      if (watcher.cursor < this.#firstSeq + cut) {
        const behind = this.#events[watcher.cursor - this.#firstSeq]!;
        this.#watchers.delete(watcher);
        watcher.subscriber.error(
          compacted({ compactRevision: revision, requestedRevision: behind.kv.modRevision }),
        );
      }
    }
    const dropped = this.#events.slice(0, cut);
    this.#events = this.#events.slice(cut);
    this.#plain = this.#plain.slice(cut);
    this.#firstSeq += cut;
    return dropped;
  }

  /** The retained events, oldest first. */
  events(): readonly WatchEvent<V>[] {
    return this.#events;
  }

  /** Completes every watcher and forgets them. */
  completeAll(): void {
    const watchers = [...this.#watchers];
    this.#watchers.clear();
    for (const watcher of watchers) {
      watcher.subscriber.complete();
    }
  }
}
