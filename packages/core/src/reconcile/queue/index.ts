/**
 * The work queue of a controller, after client-go's `workqueue`: keys to reconcile,
 * each handed to one worker at a time, deduplicated while they wait, re-added after a
 * delay or a per-key backoff, all on an injected `Clock`.
 *
 * - {@link WorkQueue}: `add` / `addAfter` / `addRateLimited`, `take` and `done`,
 *   `ready$` to learn when to take, `shutDown`.
 * - {@link RateLimiter}: how long a retry waits; {@link itemExponentialRateLimiter}
 *   (per key, doubling), {@link bucketRateLimiter} (overall token bucket),
 *   {@link maxOfRateLimiters} and {@link defaultControllerRateLimiter}.
 *
 * @module
 */
export {
  bucketRateLimiter,
  defaultControllerRateLimiter,
  itemExponentialRateLimiter,
  maxOfRateLimiters,
  type BucketRateLimiterOptions,
  type ItemExponentialRateLimiterOptions,
  type RateLimiter,
} from './rate-limiter.js';
export { WorkQueue, type WorkQueueOptions } from './work-queue.js';
