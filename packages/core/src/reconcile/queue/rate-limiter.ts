/**
 * Rate limiters: how long a key waits before it is retried.
 *
 * As client-go's workqueue does, a controller combines a per-key exponential backoff
 * (a key that keeps failing waits longer and longer) with an overall token bucket
 * (all retries together stay under a rate), and waits for the longer of the two.
 *
 * @module
 */
import type { Clock } from '../../clock/clock.js';
import { toMillis, toPositiveMillis, type Duration } from '../../clock/duration.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * Decides how long a key must wait before it is retried.
 *
 * Guarantees: `when` counts as a retry (it may change the answer of the next call);
 * `forget` and `retries` change nothing but the key's own record.
 */
export interface RateLimiter<K> {
  /** Records a retry of `key` and returns how many milliseconds it must wait first. */
  when(key: K): number;
  /** Forgets `key`'s retries (it succeeded): its next retry waits as if it were the first. */
  forget(key: K): void;
  /** How many retries of `key` have been recorded since it was last forgotten. */
  retries(key: K): number;
}

/** Options of {@link itemExponentialRateLimiter}. */
export interface ItemExponentialRateLimiterOptions {
  /** The wait before the first retry of a key. Default: `'5ms'`. */
  readonly base?: Duration;
  /** The longest wait, however many retries. Default: `'1000s'` (16m40s). */
  readonly max?: Duration;
}

/** Options of {@link bucketRateLimiter}. */
export interface BucketRateLimiterOptions {
  /** The clock the bucket refills on. */
  readonly clock: Clock;
  /** Tokens added per second: the sustained rate of retries. Default: 10. */
  readonly qps?: number;
  /** How many tokens the bucket holds: the retries allowed at once. Default: 100. */
  readonly burst?: number;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * A per-key exponential backoff: the n-th retry of a key (counting from 0) waits
 * `base · 2^n`, capped at `max` (5 ms, 10 ms, 20 ms… 1000 s with the defaults).
 *
 * Errors: throws `InvalidDurationError` for an invalid `base` or `max`, and for a
 * zero `base`, which would never back off.
 */
export function itemExponentialRateLimiter<K>(
  options: ItemExponentialRateLimiterOptions = {},
): RateLimiter<K> {
  const base = toPositiveMillis(options.base ?? '5ms');
  const max = toMillis(options.max ?? '1000s');
  const failures = new Map<K, number>();
  return {
    when(key) {
      const exponent = failures.get(key) ?? 0;
      failures.set(key, exponent + 1);
      // 2^exponent overflows to Infinity after ~1024 retries: Math.min still caps it.
      return Math.min(base * 2 ** exponent, max);
    },
    forget(key) {
      failures.delete(key);
    },
    retries(key) {
      return failures.get(key) ?? 0;
    },
  };
}

/**
 * A token bucket shared by all keys: it holds `burst` tokens and gains `qps` per
 * second on `clock`. Each `when` takes a token and returns 0 if one was there; if
 * none is, it reserves the next one to come and returns how long until it does, so
 * that retries queued together are spread out at `qps`.
 *
 * Caveats: the bucket does not count per key, so `retries` is always 0 and `forget`
 * does nothing (as in client-go's `BucketRateLimiter`).
 *
 * Errors: throws `RangeError` if `qps` is not a finite number greater than zero, or
 * `burst` is not a positive integer.
 */
export function bucketRateLimiter(options: BucketRateLimiterOptions): RateLimiter<unknown> {
  const { clock, qps = 10, burst = 100 } = options;
  if (!Number.isFinite(qps) || qps <= 0) {
    throw new RangeError(`invalid bucket qps ${qps}: expected a finite number greater than 0`);
  }
  if (!Number.isSafeInteger(burst) || burst < 1) {
    throw new RangeError(`invalid bucket burst ${burst}: expected a positive integer`);
  }
  const millisPerToken = 1_000 / qps;
  // Negative while tokens not yet refilled are reserved by earlier callers.
  let tokens = burst;
  let refilledAt = clock.now();
  return {
    when() {
      const now = clock.now();
      if (now > refilledAt) {
        tokens = Math.min(burst, tokens + (now - refilledAt) / millisPerToken);
        refilledAt = now;
      }
      tokens -= 1;
      return tokens >= 0 ? 0 : -tokens * millisPerToken;
    },
    forget() {},
    retries() {
      return 0;
    },
  };
}

// ---------------------------------------------------------------------------
// combinators
// ---------------------------------------------------------------------------

/**
 * Combines limiters: a key waits as long as the strictest of them asks.
 *
 * Guarantees: `when` asks every limiter (each records the retry), `forget` forgets
 * in every one, and `retries` is the largest count among them.
 */
export function maxOfRateLimiters<K>(
  ...limiters: readonly [RateLimiter<K>, ...RateLimiter<K>[]]
): RateLimiter<K> {
  return {
    when(key) {
      let wait = 0;
      for (const limiter of limiters) {
        wait = Math.max(wait, limiter.when(key));
      }
      return wait;
    },
    forget(key) {
      for (const limiter of limiters) {
        limiter.forget(key);
      }
    },
    retries(key) {
      let most = 0;
      for (const limiter of limiters) {
        most = Math.max(most, limiter.retries(key));
      }
      return most;
    },
  };
}

/**
 * The rate limiter of a controller unless it chooses another: per-key exponential
 * backoff from 5 ms to 1000 s, and at most 10 retries per second overall after a
 * burst of 100, whichever waits longer (client-go's `DefaultControllerRateLimiter`).
 */
export function defaultControllerRateLimiter<K>(clock: Clock): RateLimiter<K> {
  return maxOfRateLimiters<K>(
    itemExponentialRateLimiter<K>({ base: '5ms', max: '1000s' }),
    bucketRateLimiter({ clock, qps: 10, burst: 100 }),
  );
}
