/**
 * The in-memory store's leases and their expiry timers.
 *
 * @module
 */
import type { Clock, Timer } from '../../clock/clock.js';
import type { LeaseId } from '../key-value.js';
import { NO_LEASE } from '../key-value.js';

/** A live lease. */
export interface Lease {
  readonly id: LeaseId;
  /** Time to live, in milliseconds. */
  readonly ttl: number;
  /** When it expires, on the store's clock. */
  expiresAt: number;
  /** The keys attached to it. */
  readonly keys: Set<string>;
  timer: Timer;
}

/**
 * The live leases. Each has one timer on the injected clock; `keepAlive` re-arms it.
 * When it fires, `onExpire` is called with the lease's id: the store then revokes it
 * (deleting its keys in one revision).
 */
export class LeaseTable {
  readonly #clock: Clock;
  readonly #onExpire: (id: LeaseId) => void;
  readonly #leases = new Map<LeaseId, Lease>();
  #nextId: LeaseId;

  constructor(options: { clock: Clock; onExpire: (id: LeaseId) => void; nextId?: LeaseId }) {
    this.#clock = options.clock;
    this.#onExpire = options.onExpire;
    this.#nextId = options.nextId ?? 1;
  }

  /** The id the next granted lease will get. */
  get nextId(): LeaseId {
    return this.#nextId;
  }

  /** Sets the id the next lease gets (when restoring a snapshot). */
  restoreNextId(id: LeaseId): void {
    this.#nextId = id;
  }

  /** Grants a lease expiring `remaining` from now (default: its full `ttl`). */
  grant(ttl: number, options: { id?: LeaseId; remaining?: number } = {}): Lease {
    const id = options.id ?? this.#nextId;
    this.#nextId = Math.max(this.#nextId, id + 1);
    const remaining = options.remaining ?? ttl;
    const lease: Lease = {
      id,
      ttl,
      expiresAt: this.#clock.now() + remaining,
      keys: new Set(),
      timer: this.#clock.setTimeout(() => this.#onExpire(id), remaining),
    };
    this.#leases.set(id, lease);
    return lease;
  }

  /** A live lease, or undefined. */
  get(id: LeaseId): Lease | undefined {
    return this.#leases.get(id);
  }

  /** Whether a live lease has this id. */
  has(id: LeaseId): boolean {
    return this.#leases.has(id);
  }

  /** Restarts a lease's time to live; undefined if it is not live. */
  keepAlive(id: LeaseId): Lease | undefined {
    const lease = this.#leases.get(id);
    if (lease === undefined) {
      return undefined;
    }
    lease.timer.cancel();
    lease.expiresAt = this.#clock.now() + lease.ttl;
    lease.timer = this.#clock.setTimeout(() => this.#onExpire(id), lease.ttl);
    return lease;
  }

  /** Forgets a lease and cancels its timer; returns it, or undefined if it was not live. */
  remove(id: LeaseId): Lease | undefined {
    const lease = this.#leases.get(id);
    if (lease !== undefined) {
      lease.timer.cancel();
      this.#leases.delete(id);
    }
    return lease;
  }

  /** Moves `key` from lease `from` to lease `to` (either may be {@link NO_LEASE}). */
  move(key: string, from: LeaseId, to: LeaseId): void {
    if (from === to) {
      return;
    }
    if (from !== NO_LEASE) {
      this.#leases.get(from)?.keys.delete(key);
    }
    if (to !== NO_LEASE) {
      this.#leases.get(to)?.keys.add(key);
    }
  }

  /** Every live lease. */
  all(): IterableIterator<Lease> {
    return this.#leases.values();
  }

  /** Cancels every timer and forgets every lease. */
  clear(): void {
    for (const lease of this.#leases.values()) {
      lease.timer.cancel();
    }
    this.#leases.clear();
  }
}
