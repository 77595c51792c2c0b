/**
 * Retrying a read-modify-write that lost a race: client-go's `RetryOnConflict`,
 * without the backoff.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { isConflict } from '../api/status/index.js';
import type { ClientResult } from './client.js';

/** How many times client-go's `retry.DefaultRetry` tries: 5. */
export const DEFAULT_CONFLICT_ATTEMPTS = 5;

/** Options of {@link retryOnConflict}. */
export interface RetryOnConflictOptions {
  /** How many times to run `attempt` at most (at least 1); {@link DEFAULT_CONFLICT_ATTEMPTS} by default. */
  readonly attempts?: number;
}

/**
 * Runs `attempt` (a whole read-modify-write: get, change, update) again while it
 * answers 409 Conflict, at most `options.attempts` times; answers its last answer.
 *
 * Guarantees: `attempt` runs once, then again only after a `Conflict` (reason, not
 * code: `AlreadyExists` is also 409 and is not retried); any other answer, success or
 * failure, is returned at once. After the last attempt its Conflict is returned.
 *
 * Caveats: there is no wait between attempts: in process, a conflict is a race with
 * another writer that has already finished, not a sign of load. `attempt` must read
 * the object afresh each time, or it conflicts again. An `attempts` below 1 counts
 * as 1.
 *
 * @example
 * ```ts
 * await retryOnConflict(async () => {
 *   const current = await client.get(ConfigMaps, { namespace: 'default', name: 'settings' });
 *   if (isLeft(current)) return current;
 *   return client.update(ConfigMaps, { ...current.right, data: { color: 'green' } });
 * });
 * ```
 */
export async function retryOnConflict<A>(
  attempt: () => ClientResult<A>,
  options: RetryOnConflictOptions = {},
): ClientResult<A> {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_CONFLICT_ATTEMPTS);
  let answer = await attempt();
  for (let tried = 1; tried < attempts && isLeft(answer) && isConflict(answer.left); tried++) {
    answer = await attempt();
  }
  return answer;
}
