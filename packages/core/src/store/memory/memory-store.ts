/**
 * The in-memory store: etcd's model, in one process, on an injected clock.
 *
 * @module
 */
import { Observable } from 'rxjs';
import type { Either } from 'fp-ts/lib/Either.js';
import { left, right } from 'fp-ts/lib/Either.js';
import type { Clock, Timer } from '../../clock/clock.js';
import type { Duration } from '../../clock/duration.js';
import { parseDuration } from '../../clock/duration.js';
import { realClock } from '../../clock/real-clock.js';
import type { AutoCompaction } from '../auto-compaction.js';
import { DEFAULT_AUTO_COMPACTION } from '../auto-compaction.js';
import type { KeyRange } from '../key-range.js';
import { rangeContains } from '../key-range.js';
import type { KeyValue, LeaseId, Tombstone } from '../key-value.js';
import { NO_LEASE, isTombstone } from '../key-value.js';
import type { LeaseGrant, LeaseRevokeResult, LeaseStatus } from '../lease.js';
import type { RangeOptions, RangeResult } from '../range.js';
import type { StoreSnapshot } from '../snapshot.js';
import { SNAPSHOT_FORMAT } from '../snapshot.js';
import type { KeyValueStore } from '../store.js';
import type { StoreError } from '../store-error.js';
import {
  compacted,
  futureRevision,
  invalidRequest,
  leaseNotFound,
  storeClosed,
  valueTooLarge,
} from '../store-error.js';
import type { TxnOp, TxnOpResult, TxnRequest, TxnResult } from '../txn.js';
import { compareHolds } from '../txn.js';
import type { SizeOf } from '../value-size.js';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  defaultSizeOf,
  defaultSizeWithin,
  utf8Length,
} from '../value-size.js';
import type { WatchEvent, WatchOptions } from '../watch.js';
import type { DeleteOptions, DeleteResult, PutOptions, PutResult } from '../write.js';
import { KeyIndex, valueAt } from './key-index.js';
import { LeaseTable } from './lease-table.js';
import { validateCompare, validateKey, validateKeyRange, validateSnapshot } from './validation.js';
import { WatchHub } from './watch-hub.js';

/** How to build a {@link MemoryStore}. */
export interface MemoryStoreOptions<V> {
  /** The clock for lease expiry and periodic compaction. Default: the real clock. */
  readonly clock?: Clock;
  /** When history is dropped on its own. Default: every 5 minutes, as Kubernetes does. */
  readonly autoCompaction?: AutoCompaction;
  /** The largest request, in bytes. Default: 1.5 MiB, as etcd. */
  readonly maxRequestBytes?: number;
  /** How values are measured against `maxRequestBytes`. Default: {@link defaultSizeOf}. */
  readonly sizeOf?: SizeOf<V>;
}

/**
 * A {@link KeyValueStore} held in memory: etcd v3 semantics, with values shared by
 * reference and time taken from an injected {@link Clock}.
 *
 * Guarantees:
 * - Every operation is applied at once and completely, or not at all; its promise
 *   settles afterwards. (Callers must still not depend on that: see
 *   {@link KeyValueStore}.)
 * - Watch events are pushed synchronously, in revision order, once a write has
 *   committed and before its promise settles; a write made by a subscriber is
 *   delivered after the events already being delivered. Slow subscribers: the
 *   store never waits for a subscriber's asynchronous work and keeps no queue per
 *   watcher; a subscriber that needs time buffers in its own pipeline.
 * - Values are never copied: readers receive the objects writers stored.
 *
 * Caveats: the store does not freeze values; the apiserver does. Call
 * {@link MemoryStore.close} when done, or the periodic compaction timer keeps a real
 * clock (and so the process) busy.
 */
export class MemoryStore<V> implements KeyValueStore<V> {
  readonly #clock: Clock;
  readonly #index = new KeyIndex<V>();
  readonly #hub = new WatchHub<V>();
  readonly #leases: LeaseTable;
  readonly #maxRequestBytes: number;
  readonly #sizeOf: SizeOf<V>;
  readonly #revisionRetention: number | undefined;
  #compactionTimer: Timer | undefined;
  #revisionAtLastTick = 0;
  #revision = 0;
  #compactRevision = 0;
  #closed = false;

  /**
   * Creates an empty store.
   *
   * @throws RangeError if an option is invalid (a bad retention or size limit).
   */
  constructor(options: MemoryStoreOptions<V> = {}) {
    this.#clock = options.clock ?? realClock;
    this.#leases = new LeaseTable({ clock: this.#clock, onExpire: (id) => this.#revoke(id) });
    this.#maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    if (!(this.#maxRequestBytes > 0)) {
      throw new RangeError(`maxRequestBytes must be positive, got ${this.#maxRequestBytes}`);
    }
    this.#sizeOf = options.sizeOf ?? defaultSizeOf;
    const policy = options.autoCompaction ?? DEFAULT_AUTO_COMPACTION;
    switch (policy.mode) {
      case 'off':
        this.#revisionRetention = undefined;
        break;
      case 'revision':
        if (!Number.isInteger(policy.retention) || policy.retention < 1) {
          throw new RangeError(
            `autoCompaction.retention must be a positive whole number of revisions, got ${policy.retention}`,
          );
        }
        this.#revisionRetention = policy.retention;
        break;
      case 'periodic':
        if (
          policy.maxRevisions !== undefined &&
          (!Number.isInteger(policy.maxRevisions) || policy.maxRevisions < 1)
        ) {
          throw new RangeError(
            `autoCompaction.maxRevisions must be a positive whole number of revisions, got ${policy.maxRevisions}`,
          );
        }
        this.#revisionRetention = policy.maxRevisions;
        this.#compactionTimer = this.#clock.setInterval(
          () => this.#compactionTick(),
          policy.retention,
        );
        break;
    }
  }

  /**
   * Builds a store holding a snapshot's state (see {@link MemoryStore.snapshot}).
   * Values are taken by reference. Leases resume with the time they had left.
   */
  static restore<V>(
    snapshot: StoreSnapshot<V>,
    options: MemoryStoreOptions<V> = {},
  ): Either<StoreError, MemoryStore<V>> {
    const problem = validateSnapshot(snapshot);
    if (problem !== undefined) {
      return left(problem);
    }
    const store = new MemoryStore<V>(options);
    store.#load(snapshot);
    return right(store);
  }

  /** The revision of the last write (0 for an empty store). */
  get revision(): number {
    return this.#revision;
  }

  /** The oldest readable revision (0 when nothing was compacted). */
  get compactRevision(): number {
    return this.#compactRevision;
  }

  /** How many watches are open. */
  get watchCount(): number {
    return this.#hub.watcherCount;
  }

  range(range: KeyRange, options: RangeOptions = {}): Promise<Either<StoreError, RangeResult<V>>> {
    return Promise.resolve(this.#rangeNow(range, options));
  }

  put(key: string, value: V, options: PutOptions = {}): Promise<Either<StoreError, PutResult<V>>> {
    return Promise.resolve(this.#putNow(key, value, options));
  }

  delete(
    range: KeyRange,
    options: DeleteOptions = {},
  ): Promise<Either<StoreError, DeleteResult<V>>> {
    return Promise.resolve(this.#deleteNow(range, options));
  }

  txn(request: TxnRequest<V>): Promise<Either<StoreError, TxnResult<V>>> {
    return Promise.resolve(this.#txnNow(request));
  }

  watch(range: KeyRange, options: WatchOptions = {}): Observable<WatchEvent<V>> {
    return new Observable<WatchEvent<V>>((subscriber) => {
      if (this.#closed) {
        subscriber.error(storeClosed);
        return;
      }
      const invalid = validateKeyRange(range, 'range');
      if (invalid !== undefined) {
        subscriber.error(invalid);
        return;
      }
      const from = options.fromRevision ?? 0;
      if (!Number.isInteger(from) || from < 0) {
        subscriber.error(
          invalidRequest('fromRevision', `must be a non-negative whole number, got ${from}`),
        );
        return;
      }
      if (from > 0 && from < this.#compactRevision) {
        subscriber.error(
          compacted({ compactRevision: this.#compactRevision, requestedRevision: from }),
        );
        return;
      }
      const cursor =
        from === 0 || from > this.#revision ? this.#hub.endSeq : this.#hub.seqOfRevision(from);
      const watcher = this.#hub.add({
        range,
        prevKv: options.prevKv === true,
        minRevision: from,
        cursor,
        subscriber,
      });
      this.#hub.drain();
      return () => this.#hub.remove(watcher);
    });
  }

  compact(revision: number): Promise<Either<StoreError, { readonly revision: number }>> {
    return Promise.resolve(this.#compactNow(revision));
  }

  grantLease(ttl: Duration): Promise<Either<StoreError, LeaseGrant>> {
    if (this.#closed) {
      return Promise.resolve(left(storeClosed));
    }
    const millis = parseDuration(ttl);
    if (millis._tag === 'Left') {
      return Promise.resolve(left(invalidRequest('ttl', millis.left.message)));
    }
    if (millis.right <= 0) {
      return Promise.resolve(left(invalidRequest('ttl', `must be positive, got ${String(ttl)}`)));
    }
    const lease = this.#leases.grant(millis.right);
    return Promise.resolve(right({ id: lease.id, ttl: lease.ttl }));
  }

  keepAliveLease(id: LeaseId): Promise<Either<StoreError, LeaseGrant>> {
    if (this.#closed) {
      return Promise.resolve(left(storeClosed));
    }
    const lease = this.#leases.keepAlive(id);
    return Promise.resolve(
      lease === undefined ? left(leaseNotFound(id)) : right({ id, ttl: lease.ttl }),
    );
  }

  revokeLease(id: LeaseId): Promise<Either<StoreError, LeaseRevokeResult>> {
    if (this.#closed) {
      return Promise.resolve(left(storeClosed));
    }
    if (!this.#leases.has(id)) {
      return Promise.resolve(left(leaseNotFound(id)));
    }
    return Promise.resolve(right(this.#revoke(id)));
  }

  leaseStatus(id: LeaseId): Promise<Either<StoreError, LeaseStatus>> {
    if (this.#closed) {
      return Promise.resolve(left(storeClosed));
    }
    const lease = this.#leases.get(id);
    if (lease === undefined) {
      return Promise.resolve(left(leaseNotFound(id)));
    }
    return Promise.resolve(
      right({
        id,
        ttl: lease.ttl,
        remaining: Math.max(0, lease.expiresAt - this.#clock.now()),
        keys: [...lease.keys].sort(),
      }),
    );
  }

  /**
   * The whole state as plain data. Histories are copied (they change as the store
   * runs); values are shared.
   */
  snapshot(): Promise<Either<StoreError, StoreSnapshot<V>>> {
    if (this.#closed) {
      return Promise.resolve(left(storeClosed));
    }
    const keys: { key: string; history: StoreSnapshot<V>['keys'][number]['history'] }[] = [];
    for (const [key, history] of this.#index.entries()) {
      keys.push({ key, history: history.slice() });
    }
    const now = this.#clock.now();
    return Promise.resolve(
      right({
        format: SNAPSHOT_FORMAT,
        revision: this.#revision,
        compactRevision: this.#compactRevision,
        keys,
        events: this.#hub.events().map((event) => event.kv.key),
        leases: [...this.#leases.all()].map((lease) => ({
          id: lease.id,
          ttl: lease.ttl,
          remaining: Math.max(0, lease.expiresAt - now),
        })),
        nextLeaseId: this.#leases.nextId,
      }),
    );
  }

  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#compactionTimer?.cancel();
      this.#leases.clear();
      this.#hub.completeAll();
    }
    return Promise.resolve();
  }

  // --- reads -------------------------------------------------------------------

  #rangeNow(range: KeyRange, options: RangeOptions): Either<StoreError, RangeResult<V>> {
    if (this.#closed) {
      return left(storeClosed);
    }
    const invalid = validateKeyRange(range, 'range');
    if (invalid !== undefined) {
      return left(invalid);
    }
    const revision = options.revision ?? 0;
    if (!Number.isInteger(revision) || revision < 0) {
      return left(
        invalidRequest('revision', `must be a non-negative whole number, got ${revision}`),
      );
    }
    if (revision > this.#revision) {
      return left(futureRevision({ currentRevision: this.#revision, requestedRevision: revision }));
    }
    if (revision > 0 && revision < this.#compactRevision) {
      return left(
        compacted({ compactRevision: this.#compactRevision, requestedRevision: revision }),
      );
    }
    const limit = options.limit ?? 0;
    if (!Number.isInteger(limit) || limit < 0) {
      return left(invalidRequest('limit', `must be a non-negative whole number, got ${limit}`));
    }
    return right(
      this.#read(range, {
        at: revision === 0 ? this.#revision : revision,
        limit,
        countOnly: options.countOnly === true,
        revision: this.#revision,
      }),
    );
  }

  /** Reads a validated range as of revision `at`; `revision` is the header revision. */
  #read(
    range: KeyRange,
    options: { at: number; limit: number; countOnly: boolean; revision: number },
  ): RangeResult<V> {
    const { at, limit, countOnly } = options;
    const items: KeyValue<V>[] = [];
    let count = 0;
    this.#index.scan(range, (_key, history) => {
      const kv = valueAt(history, at);
      if (kv === undefined) {
        return;
      }
      count++;
      if (!countOnly && (limit === 0 || items.length < limit)) {
        items.push(kv);
      }
    });
    // As etcd: `more` says whether the limit cut returned items, so never with countOnly.
    return {
      revision: options.revision,
      items,
      count,
      more: !countOnly && limit > 0 && count > limit,
    };
  }

  // --- writes ------------------------------------------------------------------

  #putNow(key: string, value: V, options: PutOptions): Either<StoreError, PutResult<V>> {
    if (this.#closed) {
      return left(storeClosed);
    }
    const invalid = validateKey(key, 'key');
    if (invalid !== undefined) {
      return left(invalid);
    }
    const size = this.#putSize(key, value);
    if (size > this.#maxRequestBytes) {
      return left(valueTooLarge({ key, size, limit: this.#maxRequestBytes }));
    }
    const lease = options.lease ?? NO_LEASE;
    if (lease !== NO_LEASE && !this.#leases.has(lease)) {
      return left(leaseNotFound(lease));
    }
    const revision = this.#revision + 1;
    const prev = this.#writePut(key, value, lease, revision);
    this.#commit(revision);
    return right(
      options.prevKv === true && prev !== undefined ? { revision, prevKv: prev } : { revision },
    );
  }

  #deleteNow(range: KeyRange, options: DeleteOptions): Either<StoreError, DeleteResult<V>> {
    if (this.#closed) {
      return left(storeClosed);
    }
    const invalid = validateKeyRange(range, 'range');
    if (invalid !== undefined) {
      return left(invalid);
    }
    const revision = this.#revision + 1;
    const deleted = this.#writeDelete(range, revision);
    if (deleted.length > 0) {
      this.#commit(revision);
    }
    return right(this.#deleteResult(deleted, options.prevKv === true));
  }

  #deleteResult(deleted: readonly KeyValue<V>[], withPrevKvs: boolean): DeleteResult<V> {
    return withPrevKvs
      ? { revision: this.#revision, deleted: deleted.length, prevKvs: deleted }
      : { revision: this.#revision, deleted: deleted.length };
  }

  #txnNow(request: TxnRequest<V>): Either<StoreError, TxnResult<V>> {
    if (this.#closed) {
      return left(storeClosed);
    }
    const invalid = this.#validateTxn(request);
    if (invalid !== undefined) {
      return left(invalid);
    }
    const succeeded = request.compare.every((compare) =>
      compareHolds(compare, this.#index.current(compare.key)),
    );
    const ops = succeeded ? request.success : (request.failure ?? []);
    const revision = this.#revision + 1;
    const changes = this.#branchChanges(ops);
    const header = changes ? revision : this.#revision;
    const results: TxnOpResult<V>[] = [];
    for (const op of ops) {
      switch (op.op) {
        case 'put': {
          const prev = this.#writePut(op.key, op.value, op.lease ?? NO_LEASE, revision);
          const result: PutResult<V> =
            op.prevKv === true && prev !== undefined ? { revision, prevKv: prev } : { revision };
          results.push({ op: 'put', result });
          break;
        }
        case 'delete': {
          const deleted = this.#writeDelete(op.range, revision);
          const result: DeleteResult<V> =
            op.prevKv === true
              ? { revision: header, deleted: deleted.length, prevKvs: deleted }
              : { revision: header, deleted: deleted.length };
          results.push({ op: 'delete', result });
          break;
        }
        case 'range': {
          // Reads see the branch's earlier writes, which are recorded at `revision`.
          const result = this.#read(op.range, {
            at: revision,
            limit: op.options?.limit ?? 0,
            countOnly: op.options?.countOnly === true,
            revision: header,
          });
          results.push({ op: 'range', result });
          break;
        }
      }
    }
    if (changes) {
      this.#commit(revision);
    }
    return right({ revision: this.#revision, succeeded, results });
  }

  /** Whether a validated branch will write anything. */
  #branchChanges(ops: readonly TxnOp<V>[]): boolean {
    let changes = false;
    for (const op of ops) {
      if (op.op === 'put') {
        return true;
      }
      if (op.op === 'delete' && !changes) {
        this.#index.scan(op.range, (_key, history) => {
          changes ||= !isTombstone(history[history.length - 1]!);
        });
      }
    }
    return changes;
  }

  /**
   * Checks a transaction before anything is applied, so that a bad one changes
   * nothing: shapes, sizes (both branches count, as in one etcd request), leases, and
   * the rule that a branch writes each key at most once.
   */
  #validateTxn(request: TxnRequest<V>): StoreError | undefined {
    const compares: unknown = request.compare;
    if (!Array.isArray(compares)) {
      return invalidRequest('compare', 'must be a list');
    }
    for (let i = 0; i < request.compare.length; i++) {
      const invalid = validateCompare(request.compare[i], `compare[${i}]`);
      if (invalid !== undefined) {
        return invalid;
      }
    }
    let size = 0;
    for (const [branch, ops] of [
      ['success', request.success],
      ['failure', request.failure ?? []],
    ] as const) {
      const list: unknown = ops;
      if (!Array.isArray(list)) {
        return invalidRequest(branch, 'must be a list');
      }
      const putKeys = new Set<string>();
      const deleteRanges: KeyRange[] = [];
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i]!;
        const field = `${branch}[${i}]`;
        switch (op.op) {
          case 'put': {
            const invalid = validateKey(op.key, `${field}.key`);
            if (invalid !== undefined) {
              return invalid;
            }
            if (putKeys.has(op.key)) {
              return invalidRequest(
                `${field}.key`,
                `duplicate key ${JSON.stringify(op.key)} in one transaction branch`,
              );
            }
            putKeys.add(op.key);
            const lease = op.lease ?? NO_LEASE;
            if (lease !== NO_LEASE && !this.#leases.has(lease)) {
              return leaseNotFound(lease);
            }
            const keyBytes = utf8Length(op.key);
            size += keyBytes + this.#measure(op.value, this.#maxRequestBytes - size - keyBytes);
            if (size > this.#maxRequestBytes) {
              // Earlier puts may have counted an upper bound: count them all exactly.
              size = this.#exactPutsSize(request, branch, i);
              if (size > this.#maxRequestBytes) {
                return valueTooLarge({ key: op.key, size, limit: this.#maxRequestBytes });
              }
            }
            break;
          }
          case 'delete':
          case 'range': {
            const invalid = validateKeyRange(op.range, `${field}.range`);
            if (invalid !== undefined) {
              return invalid;
            }
            if (op.op === 'delete') {
              deleteRanges.push(op.range);
            } else {
              const limit = op.options?.limit ?? 0;
              if (!Number.isInteger(limit) || limit < 0) {
                return invalidRequest(
                  `${field}.options.limit`,
                  `must be a non-negative whole number, got ${limit}`,
                );
              }
            }
            break;
          }
          default: {
            const unknownOp: { op?: unknown } = op;
            return invalidRequest(
              `${field}.op`,
              `unknown operation ${JSON.stringify(unknownOp.op)}; expected put, delete or range`,
            );
          }
        }
      }
      for (const key of putKeys) {
        if (deleteRanges.some((range) => rangeContains(range, key))) {
          return invalidRequest(
            branch,
            `key ${JSON.stringify(key)} is both put and deleted in one transaction branch`,
          );
        }
      }
    }
    return undefined;
  }

  /**
   * A value's size against `budget`: with the default measure, a recorded upper bound
   * when it fits (see `recordSizeBound`), else the exact size.
   */
  #measure(value: V, budget: number): number {
    return this.#sizeOf === defaultSizeOf ? defaultSizeWithin(value, budget) : this.#sizeOf(value);
  }

  /** The exact size of a transaction's puts, up to op `last` of `lastBranch`. */
  #exactPutsSize(request: TxnRequest<V>, lastBranch: 'success' | 'failure', last: number): number {
    let size = 0;
    const branches =
      lastBranch === 'success' ? [request.success] : [request.success, request.failure ?? []];
    branches.forEach((ops, b) => {
      const end = b === branches.length - 1 ? last : ops.length - 1;
      for (let i = 0; i <= end; i++) {
        const op = ops[i]!;
        if (op.op === 'put') {
          size += utf8Length(op.key) + this.#sizeOf(op.value);
        }
      }
    });
    return size;
  }

  /**
   * The size of a one-key put. The key counts in UTF-16 units unless that could
   * understate the size near the limit: a UTF-8 byte count costs a scan of the key.
   */
  #putSize(key: string, value: V): number {
    // A UTF-16 unit is at most 3 UTF-8 bytes: a bound within this budget keeps the
    // total under the limit however the key encodes.
    const size = key.length + this.#measure(value, this.#maxRequestBytes - 3 * key.length);
    return size + 2 * key.length > this.#maxRequestBytes
      ? size - key.length + utf8Length(key)
      : size;
  }

  /** Records a put at `revision` (not yet committed); returns the previous value. */
  #writePut(key: string, value: V, lease: LeaseId, revision: number): KeyValue<V> | undefined {
    const history = this.#index.history(key);
    const last = history === undefined ? undefined : history[history.length - 1]!;
    const prev = last === undefined || isTombstone(last) ? undefined : last;
    const kv: KeyValue<V> = {
      key,
      value,
      createRevision: prev === undefined ? revision : prev.createRevision,
      modRevision: revision,
      version: prev === undefined ? 1 : prev.version + 1,
      lease,
    };
    if (history === undefined) {
      this.#index.record(kv);
    } else {
      history.push(kv);
    }
    if (prev === undefined ? lease !== NO_LEASE : prev.lease !== lease) {
      this.#leases.move(key, prev === undefined ? NO_LEASE : prev.lease, lease);
    }
    this.#hub.append(prev === undefined ? { type: 'PUT', kv } : { type: 'PUT', kv, prevKv: prev });
    return prev;
  }

  /** Records the deletion of every existing key in `range` at `revision`; returns what it deleted. */
  #writeDelete(range: KeyRange, revision: number): KeyValue<V>[] {
    const victims: KeyValue<V>[] = [];
    this.#index.scan(range, (_key, history) => {
      const last = history[history.length - 1]!;
      if (!isTombstone(last)) {
        victims.push(last);
      }
    });
    for (const prev of victims) {
      const kv: Tombstone = {
        key: prev.key,
        modRevision: revision,
        createRevision: 0,
        version: 0,
        lease: 0,
      };
      this.#index.record(kv);
      this.#leases.move(prev.key, prev.lease, NO_LEASE);
      this.#hub.append({ type: 'DELETE', kv, prevKv: prev });
    }
    return victims;
  }

  /** Makes `revision` current, then tells the watchers and applies revision-based compaction. */
  #commit(revision: number): void {
    this.#revision = revision;
    this.#hub.drain();
    const retention = this.#revisionRetention;
    if (retention !== undefined && this.#revision - this.#compactRevision >= 2 * retention) {
      this.#compactNow(this.#revision - retention);
    }
  }

  /** Revokes a live lease: deletes its keys in one revision. */
  #revoke(id: LeaseId): LeaseRevokeResult {
    const lease = this.#leases.remove(id);
    const keys = lease === undefined ? [] : [...lease.keys].sort();
    if (keys.length === 0) {
      return { revision: this.#revision, deleted: 0 };
    }
    const revision = this.#revision + 1;
    for (const key of keys) {
      this.#writeDelete({ key }, revision);
    }
    this.#commit(revision);
    return { revision, deleted: keys.length };
  }

  // --- compaction --------------------------------------------------------------

  #compactNow(revision: number): Either<StoreError, { readonly revision: number }> {
    if (this.#closed) {
      return left(storeClosed);
    }
    if (!Number.isInteger(revision) || revision < 1) {
      return left(invalidRequest('revision', `must be a positive whole number, got ${revision}`));
    }
    if (revision <= this.#compactRevision) {
      return left(
        compacted({ compactRevision: this.#compactRevision, requestedRevision: revision }),
      );
    }
    if (revision > this.#revision) {
      return left(futureRevision({ currentRevision: this.#revision, requestedRevision: revision }));
    }
    this.#compactRevision = revision;
    // Only keys written since the last compaction can have more history than they need.
    const touched = new Set<string>();
    for (const event of this.#hub.dropBefore(revision)) {
      touched.add(event.kv.key);
    }
    for (const key of touched) {
      this.#index.compactKey(key, revision);
    }
    return right({ revision: this.#revision });
  }

  #compactionTick(): void {
    // Compact to where the store was one period ago, so one period of history stays.
    const target = this.#revisionAtLastTick;
    this.#revisionAtLastTick = this.#revision;
    if (target > this.#compactRevision) {
      this.#compactNow(target);
    }
  }

  // --- restore -----------------------------------------------------------------

  /** Loads a validated snapshot into this empty store. */
  #load(snapshot: StoreSnapshot<V>): void {
    const positions = new Map<string, number>();
    for (const { key, history } of snapshot.keys) {
      for (const entry of history) {
        this.#index.record(entry);
      }
      // Only the first entry may predate the compaction point; it has no event.
      positions.set(key, history[0]!.modRevision < snapshot.compactRevision ? 1 : 0);
    }
    for (const key of snapshot.events) {
      const history = this.#index.history(key)!;
      const position = positions.get(key)!;
      positions.set(key, position + 1);
      const entry = history[position]!;
      const before = position > 0 ? history[position - 1] : undefined;
      const prev = before === undefined || isTombstone(before) ? undefined : before;
      if (isTombstone(entry)) {
        this.#hub.append(
          prev === undefined
            ? { type: 'DELETE', kv: entry }
            : { type: 'DELETE', kv: entry, prevKv: prev },
        );
      } else {
        this.#hub.append(
          prev === undefined
            ? { type: 'PUT', kv: entry }
            : { type: 'PUT', kv: entry, prevKv: prev },
        );
      }
    }
    this.#revision = snapshot.revision;
    this.#revisionAtLastTick = snapshot.revision;
    this.#compactRevision = snapshot.compactRevision;
    this.#leases.restoreNextId(snapshot.nextLeaseId);
    for (const lease of snapshot.leases) {
      this.#leases.grant(lease.ttl, { id: lease.id, remaining: lease.remaining });
    }
    for (const [key, history] of this.#index.entries()) {
      const last = history[history.length - 1]!;
      if (!isTombstone(last) && last.lease !== NO_LEASE) {
        this.#leases.move(key, NO_LEASE, last.lease);
      }
    }
  }
}
