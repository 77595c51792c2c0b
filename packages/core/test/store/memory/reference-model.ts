/**
 * A reference model of etcd v3's key-value semantics, for the store's property tests.
 *
 * It aims to be obviously correct rather than fast: it keeps the list of writes of
 * every revision and recomputes states, per-key counters and watch events from
 * scratch whenever it is asked. It shares no code with the store (not even
 * `rangeContains` or `compareHolds`), so that a bug there cannot hide in both.
 *
 * Leases are not modelled: every key-value has lease 0.
 *
 * @module
 */
import type {
  Compare,
  DeleteResult,
  KeyRange,
  KeyValue,
  PutResult,
  RangeResult,
  Tombstone,
  TxnOpResult,
  TxnRequest,
  TxnResult,
  WatchEvent,
} from '../../../src/store/index.js';

/** One change to one key, as recorded in a revision. */
export type ModelWrite<V> =
  | { readonly type: 'put'; readonly key: string; readonly value: V }
  | { readonly type: 'delete'; readonly key: string };

/** The error etcd answers with when a revision is out of bounds (fields as the store names them). */
export type ExpectedRevisionError =
  | {
      readonly _tag: 'Compacted';
      readonly compactRevision: number;
      readonly requestedRevision: number;
    }
  | {
      readonly _tag: 'FutureRevision';
      readonly currentRevision: number;
      readonly requestedRevision: number;
    };

/** Whether `key` falls in `range`, by the definition of {@link KeyRange}. */
export function inRange(range: KeyRange, key: string): boolean {
  if ('key' in range) {
    return key === range.key;
  }
  return key.startsWith(range.prefix) && (range.from === undefined || key >= range.from);
}

/** The key-values of `state` that fall in `range`, in key order. */
function entriesIn<V>(state: ReadonlyMap<string, KeyValue<V>>, range: KeyRange): KeyValue<V>[] {
  return [...state.keys()]
    .filter((key) => inRange(range, key))
    .sort()
    .map((key) => state.get(key)!);
}

/** Applies one write made at `revision` to `state`. */
function applyWrite<V>(
  state: Map<string, KeyValue<V>>,
  write: ModelWrite<V>,
  revision: number,
): void {
  if (write.type === 'delete') {
    state.delete(write.key);
    return;
  }
  const prev = state.get(write.key);
  state.set(write.key, {
    key: write.key,
    value: write.value,
    createRevision: prev === undefined ? revision : prev.createRevision,
    modRevision: revision,
    version: prev === undefined ? 1 : prev.version + 1,
    lease: 0,
  });
}

/** A read of `state`, as etcd answers it (`more` only when `limit` cut returned items). */
function read<V>(
  state: ReadonlyMap<string, KeyValue<V>>,
  range: KeyRange,
  options: { readonly limit?: number; readonly countOnly?: boolean },
  header: number,
): RangeResult<V> {
  const matching = entriesIn(state, range);
  const limit = options.limit ?? 0;
  const countOnly = options.countOnly === true;
  // etcd fetches no key-values for count_only, so its `limit` never cuts any: more is false.
  const items = countOnly ? [] : limit > 0 ? matching.slice(0, limit) : matching;
  return {
    revision: header,
    items,
    count: matching.length,
    more: !countOnly && limit > 0 && matching.length > limit,
  };
}

function deleteResult<V>(
  header: number,
  victims: readonly KeyValue<V>[],
  prevKv: boolean,
): DeleteResult<V> {
  return prevKv
    ? { revision: header, deleted: victims.length, prevKvs: victims }
    : { revision: header, deleted: victims.length };
}

/** Whether `compare` holds for a key whose current value is `kv` (undefined: absent). */
function compareHolds<V>(compare: Compare, kv: KeyValue<V> | undefined): boolean {
  if (compare.target === 'present') {
    return (kv !== undefined) === compare.value;
  }
  const actual = kv === undefined ? 0 : kv[compare.target];
  switch (compare.operator) {
    case '=':
      return actual === compare.value;
    case '!=':
      return actual !== compare.value;
    case '<':
      return actual < compare.value;
    case '>':
      return actual > compare.value;
  }
}

/**
 * etcd's key-value semantics, naively: one global revision, +1 per write request that
 * changes something; per-key createRevision, modRevision and version; reads at any
 * revision from the compaction point on; the complete event history.
 */
export class ReferenceModel<V> {
  /** The writes of revision r, in operation order, at index r - 1. */
  readonly #revisions: (readonly ModelWrite<V>[])[] = [];
  #compactRevision = 0;
  #events: { readonly revision: number; readonly events: readonly WatchEvent<V>[] } | undefined;

  /** The revision of the last write (0 before any). */
  get revision(): number {
    return this.#revisions.length;
  }

  /** The compaction point (0 when nothing was compacted). */
  get compactRevision(): number {
    return this.#compactRevision;
  }

  /** Every live key's value as of `revision`, replayed from the first write. */
  stateAt(revision: number): Map<string, KeyValue<V>> {
    const state = new Map<string, KeyValue<V>>();
    for (let r = 1; r <= revision; r++) {
      for (const write of this.#revisions[r - 1]!) {
        applyWrite(state, write, r);
      }
    }
    return state;
  }

  /** The error of a read at `revision` (0: now), or undefined when it is readable. */
  readError(revision: number): ExpectedRevisionError | undefined {
    if (revision > this.revision) {
      return {
        _tag: 'FutureRevision',
        currentRevision: this.revision,
        requestedRevision: revision,
      };
    }
    if (revision > 0 && revision < this.#compactRevision) {
      return {
        _tag: 'Compacted',
        compactRevision: this.#compactRevision,
        requestedRevision: revision,
      };
    }
    return undefined;
  }

  /** The error of a watch from `fromRevision`, or undefined when it can start. */
  watchError(fromRevision: number): ExpectedRevisionError | undefined {
    return fromRevision > 0 && fromRevision < this.#compactRevision
      ? {
          _tag: 'Compacted',
          compactRevision: this.#compactRevision,
          requestedRevision: fromRevision,
        }
      : undefined;
  }

  /** The error of compacting to `revision`, or undefined when it is allowed. */
  compactError(revision: number): ExpectedRevisionError | undefined {
    if (revision <= this.#compactRevision) {
      return {
        _tag: 'Compacted',
        compactRevision: this.#compactRevision,
        requestedRevision: revision,
      };
    }
    if (revision > this.revision) {
      return {
        _tag: 'FutureRevision',
        currentRevision: this.revision,
        requestedRevision: revision,
      };
    }
    return undefined;
  }

  /** A range read at `revision` (0: now), which must be readable. */
  range(
    range: KeyRange,
    options: { readonly revision?: number; readonly limit?: number; readonly countOnly?: boolean },
  ): RangeResult<V> {
    const at =
      options.revision === undefined || options.revision === 0 ? this.revision : options.revision;
    return read(this.stateAt(at), range, options, this.revision);
  }

  /** Puts one key; answers as the store should. */
  put(key: string, value: V, options: { readonly prevKv?: boolean }): PutResult<V> {
    const prev = this.stateAt(this.revision).get(key);
    this.#revisions.push([{ type: 'put', key, value }]);
    return options.prevKv === true && prev !== undefined
      ? { revision: this.revision, prevKv: prev }
      : { revision: this.revision };
  }

  /** Deletes the live keys in `range` in one revision (none if there are none). */
  delete(range: KeyRange, options: { readonly prevKv?: boolean }): DeleteResult<V> {
    const victims = entriesIn(this.stateAt(this.revision), range);
    if (victims.length > 0) {
      this.#revisions.push(victims.map((kv) => ({ type: 'delete', key: kv.key })));
    }
    return deleteResult(this.revision, victims, options.prevKv === true);
  }

  /**
   * Runs a valid transaction: the compares see the state before it, each operation
   * sees the branch's earlier writes, and all its writes share one revision (none if
   * it changes nothing). Leases are ignored.
   */
  txn(request: TxnRequest<V>): TxnResult<V> {
    const before = this.stateAt(this.revision);
    const succeeded = request.compare.every((compare) =>
      compareHolds(compare, before.get(compare.key)),
    );
    const ops = succeeded ? request.success : (request.failure ?? []);
    const revision = this.revision + 1;
    const working = new Map(before);
    const writes: ModelWrite<V>[] = [];
    // The header revision is known only once the branch has run.
    const results: ((header: number) => TxnOpResult<V>)[] = [];
    for (const op of ops) {
      switch (op.op) {
        case 'put': {
          const prev = working.get(op.key);
          const write: ModelWrite<V> = { type: 'put', key: op.key, value: op.value };
          writes.push(write);
          applyWrite(working, write, revision);
          const result: PutResult<V> =
            op.prevKv === true && prev !== undefined ? { revision, prevKv: prev } : { revision };
          results.push(() => ({ op: 'put', result }));
          break;
        }
        case 'delete': {
          const victims = entriesIn(working, op.range);
          for (const victim of victims) {
            const write: ModelWrite<V> = { type: 'delete', key: victim.key };
            writes.push(write);
            applyWrite(working, write, revision);
          }
          results.push((header) => ({
            op: 'delete',
            result: deleteResult(header, victims, op.prevKv === true),
          }));
          break;
        }
        case 'range': {
          const snapshot = new Map(working);
          results.push((header) => ({
            op: 'range',
            result: read(snapshot, op.range, op.options ?? {}, header),
          }));
          break;
        }
      }
    }
    if (writes.length > 0) {
      this.#revisions.push(writes);
    }
    return {
      revision: this.revision,
      succeeded,
      results: results.map((result) => result(this.revision)),
    };
  }

  /** Compacts to `revision`, which must be allowed (see {@link compactError}). */
  compact(revision: number): { readonly revision: number } {
    if (this.compactError(revision) !== undefined) {
      throw new Error(`the model cannot compact to ${revision}`);
    }
    this.#compactRevision = revision;
    return { revision: this.revision };
  }

  /** Every event ever, oldest first, with `prevKv` whenever the key had a previous value. */
  events(): readonly WatchEvent<V>[] {
    // History never changes, only grows: the events are recomputed once per new revision.
    if (this.#events?.revision !== this.revision) {
      this.#events = { revision: this.revision, events: this.#computeEvents() };
    }
    return this.#events.events;
  }

  #computeEvents(): WatchEvent<V>[] {
    const state = new Map<string, KeyValue<V>>();
    const events: WatchEvent<V>[] = [];
    this.#revisions.forEach((writes, index) => {
      const revision = index + 1;
      for (const write of writes) {
        const prev = state.get(write.key);
        applyWrite(state, write, revision);
        if (write.type === 'put') {
          const kv = state.get(write.key)!;
          events.push(prev === undefined ? { type: 'PUT', kv } : { type: 'PUT', kv, prevKv: prev });
        } else {
          if (prev === undefined) {
            throw new Error(`the model deleted the absent key ${write.key}`);
          }
          const kv: Tombstone = {
            key: write.key,
            modRevision: revision,
            createRevision: 0,
            version: 0,
            lease: 0,
          };
          events.push({ type: 'DELETE', kv, prevKv: prev });
        }
      }
    });
    return events;
  }

  /**
   * What a watch of `range` from revision `start` (at least 1) has received by now:
   * every event under the range from `start` on, with `prevKv` only when asked for.
   */
  eventsFor(range: KeyRange, start: number, prevKv: boolean): WatchEvent<V>[] {
    return this.events()
      .filter((event) => event.kv.modRevision >= start && inRange(range, event.kv.key))
      .map((event): WatchEvent<V> => {
        if (prevKv) {
          return event;
        }
        return event.type === 'PUT'
          ? { type: 'PUT', kv: event.kv }
          : { type: 'DELETE', kv: event.kv };
      });
  }
}
