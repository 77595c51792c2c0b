/**
 * The work queue of a controller: keys to reconcile, each handed out to one worker
 * at a time, with delayed and rate-limited re-adds on a {@link Clock}.
 *
 * @module
 */
import { Subject, type Observable } from 'rxjs';
import type { Clock, Timer } from '../../clock/clock.js';
import { toMillis, type Duration } from '../../clock/duration.js';
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** Options of a {@link WorkQueue}. */
export interface WorkQueueOptions<K> {
  /** The clock that delayed adds wait on. */
  readonly clock: Clock;
  /**
   * Decides how long {@link WorkQueue.addRateLimited} waits.
   * Default: {@link defaultControllerRateLimiter} on `clock`.
   */
  readonly rateLimiter?: RateLimiter<K>;
}

/** A delayed add waiting for its timer. */
interface DelayedAdd {
  readonly due: number;
  readonly timer: Timer;
}

// Below this many taken slots the ready array is not worth compacting.
const COMPACT_AFTER = 1_024;

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * Keys waiting to be reconciled, as client-go's rate-limited workqueue holds them.
 *
 * A key is *ready* (added and waiting for a worker), *processing* (taken by a
 * worker, until it calls {@link WorkQueue.done}), or both: added again while it was
 * processing, it is handed out again once the worker is done. Keys are compared as
 * a `Set` compares them (`===`); in practice they are `namespace/name` strings.
 *
 * Guarantees:
 * - A key is ready at most once: adding a ready key again keeps its place.
 * - A key is never handed out while it is processing, so no two workers reconcile
 *   the same key at once.
 * - Ready keys are handed out in the order they became ready.
 * - Delayed adds fire on the clock; of several delays for one key, the earliest wins.
 *
 * Caveats: a key cannot be `null` or `undefined` (`take()` answers `undefined` for
 * "no key"). `ready$` emits synchronously, inside the call that made a key ready
 * (`add`, `done`, or a delayed add firing); it does not replay, so a consumer
 * subscribes first and then drains with `take()` until it answers `undefined`.
 *
 * @example
 * ```ts
 * const queue = new WorkQueue<string>({ clock: new VirtualClock() });
 * queue.add('default/web');
 * queue.add('default/web'); // already ready: ignored
 * const key = queue.take(); // 'default/web', now processing
 * queue.add('default/web'); // not handed out until done
 * queue.done('default/web'); // ready again
 * ```
 */
export class WorkQueue<K extends NonNullable<unknown>> {
  /**
   * Emits when a key may have become ready, so that a consumer can `take()`;
   * completes when the queue shuts down.
   */
  readonly ready$: Observable<void>;

  readonly #clock: Clock;
  readonly #rateLimiter: RateLimiter<K>;
  readonly #readySignal = new Subject<void>();
  // Ready keys in FIFO order: slots before #head are already taken (and cleared).
  readonly #ready: (K | undefined)[] = [];
  #head = 0;
  // Keys to hand out: those in #ready, and those re-added while processing.
  readonly #wanted = new Set<K>();
  readonly #processing = new Set<K>();
  readonly #delayed = new Map<K, DelayedAdd>();
  #shutDown = false;

  /** Creates an empty queue on `options.clock`. */
  constructor(options: WorkQueueOptions<K>) {
    this.#clock = options.clock;
    this.#rateLimiter = options.rateLimiter ?? defaultControllerRateLimiter<K>(options.clock);
    this.ready$ = this.#readySignal.asObservable();
  }

  /** How many keys are ready to be taken. */
  get length(): number {
    return this.#ready.length - this.#head;
  }

  /** How many keys are taken and not yet done. */
  get processing(): number {
    return this.#processing.size;
  }

  /** Whether {@link WorkQueue.shutDown} was called. */
  get isShutDown(): boolean {
    return this.#shutDown;
  }

  /**
   * Makes `key` ready, at the back of the queue, unless it already is. If it is
   * processing, it becomes ready when the worker calls `done`.
   *
   * Guarantees: adding a key that is already ready allocates nothing and takes
   * constant time. After {@link WorkQueue.shutDown}, does nothing.
   */
  add(key: K): void {
    if (this.#shutDown || this.#wanted.has(key)) {
      return;
    }
    this.#wanted.add(key);
    if (!this.#processing.has(key)) {
      this.#enqueue(key);
    }
  }

  /**
   * Adds `key` once `delay` has passed on the clock (at once for a zero delay).
   *
   * Guarantees: a key waits for at most one delayed add: a delay due earlier than
   * the one already waiting replaces it, a later one is ignored. The delayed add is
   * independent of the key being ready now, so that "reconcile again in 30 s"
   * holds whatever happens meanwhile. After {@link WorkQueue.shutDown}, does nothing.
   *
   * Errors: throws `InvalidDurationError` for an invalid delay.
   */
  addAfter(key: K, delay: Duration): void {
    const millis = toMillis(delay);
    if (this.#shutDown) {
      return;
    }
    if (millis === 0) {
      this.add(key);
      return;
    }
    const due = this.#clock.now() + millis;
    const waiting = this.#delayed.get(key);
    if (waiting !== undefined) {
      if (waiting.due <= due) {
        return;
      }
      waiting.timer.cancel();
    }
    const timer = this.#clock.setTimeout(() => {
      this.#delayed.delete(key);
      this.add(key);
    }, millis);
    this.#delayed.set(key, { due, timer });
  }

  /**
   * Adds `key` after the wait its rate limiter gives it, counting a retry (a
   * reconcile of `key` failed). After {@link WorkQueue.shutDown}, does nothing.
   */
  addRateLimited(key: K): void {
    if (!this.#shutDown) {
      this.addAfter(key, this.#rateLimiter.when(key));
    }
  }

  /** Resets `key`'s backoff (its reconcile succeeded): its next retry waits the least. */
  forget(key: K): void {
    this.#rateLimiter.forget(key);
  }

  /** How many retries of `key` the rate limiter has counted since it was forgotten. */
  retries(key: K): number {
    return this.#rateLimiter.retries(key);
  }

  /**
   * Hands out the next ready key and marks it processing; the caller must call
   * {@link WorkQueue.done} with it when finished.
   *
   * Returns `undefined` if no key is ready, or the queue is shut down.
   */
  take(): K | undefined {
    if (this.#shutDown || this.#head === this.#ready.length) {
      return undefined;
    }
    const key = this.#ready[this.#head] as K;
    this.#ready[this.#head] = undefined;
    this.#head++;
    this.#compact();
    this.#wanted.delete(key);
    this.#processing.add(key);
    return key;
  }

  /**
   * Marks `key` no longer processing. If it was added again meanwhile, it becomes
   * ready now, at the back of the queue.
   *
   * Guarantees: for a key that is not processing, does nothing. After
   * {@link WorkQueue.shutDown}, still releases the key, but never makes it ready.
   */
  done(key: K): void {
    if (this.#processing.delete(key) && !this.#shutDown && this.#wanted.has(key)) {
      this.#enqueue(key);
    }
  }

  /**
   * Stops the queue: later adds are ignored, delayed adds are cancelled, ready keys
   * are dropped, `take()` answers `undefined`, and `ready$` completes.
   *
   * Guarantees: calling it again does nothing. Workers may still call `done`.
   */
  shutDown(): void {
    if (this.#shutDown) {
      return;
    }
    this.#shutDown = true;
    for (const waiting of this.#delayed.values()) {
      waiting.timer.cancel();
    }
    this.#delayed.clear();
    this.#ready.length = 0;
    this.#head = 0;
    this.#wanted.clear();
    this.#readySignal.complete();
  }

  #enqueue(key: K): void {
    this.#ready.push(key);
    this.#readySignal.next();
  }

  /** Reclaims taken slots at the front of #ready, without allocating. */
  #compact(): void {
    const ready = this.#ready;
    if (this.#head === ready.length) {
      ready.length = 0;
      this.#head = 0;
    } else if (this.#head >= COMPACT_AFTER && this.#head * 2 >= ready.length) {
      ready.copyWithin(0, this.#head);
      ready.length -= this.#head;
      this.#head = 0;
    }
  }
}
