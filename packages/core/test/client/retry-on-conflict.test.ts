import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { ConfigMap } from '../../src/api/kinds/index.js';
import { alreadyExists, conflict, notFound, type Status } from '../../src/api/status/index.js';
import { ConfigMaps } from '../../src/client/built-in-types.js';
import { DEFAULT_CONFLICT_ATTEMPTS, retryOnConflict } from '../../src/client/retry-on-conflict.js';
import { expectLeft, expectRight } from '../support/either.js';
import { clientFixture } from './support/client-fixture.js';

const KEY = { namespace: 'default', name: 'counter' };
const CONFLICT = conflict({ group: '', resource: 'configmaps', name: 'counter' });

/** An attempt that answers a Conflict its first `conflicts` times, then `right(calls)`. */
function conflictingAttempt(conflicts: number): {
  readonly attempt: () => Promise<Either<Status, number>>;
  readonly calls: () => number;
} {
  let calls = 0;
  return {
    attempt: () => {
      calls += 1;
      return Promise.resolve(calls <= conflicts ? left(CONFLICT) : right(calls));
    },
    calls: () => calls,
  };
}

describe('retryOnConflict', () => {
  it('reruns a read-modify-write that lost a race, and succeeds', async () => {
    const { client } = await clientFixture();
    expectRight(await client.create(ConfigMaps, { metadata: KEY, data: { count: '0' } }));
    let attempts = 0;
    const answer = await retryOnConflict(async () => {
      attempts += 1;
      const current = await client.get(ConfigMaps, KEY);
      if (isLeft(current)) {
        return current;
      }
      if (attempts === 1) {
        // Another writer wins between this attempt's read and its write.
        expectRight(await client.update(ConfigMaps, { ...current.right, data: { count: '10' } }));
      }
      const count = Number(current.right.data?.['count']);
      return client.update(ConfigMaps, { ...current.right, data: { count: String(count + 1) } });
    });
    expect(attempts).toBe(2);
    expect(expectRight(answer).data).toEqual({ count: '11' });
  });

  it('gives up after the given number of attempts and answers the last Conflict', async () => {
    const { client } = await clientFixture();
    const stale = expectRight(await client.create(ConfigMaps, { metadata: KEY }));
    expectRight(await client.update(ConfigMaps, { ...stale, data: { moved: 'on' } }));
    let attempts = 0;
    const answer = await retryOnConflict(
      (): Promise<Either<Status, ConfigMap>> => {
        attempts += 1;
        return client.update(ConfigMaps, { ...stale, data: { mine: 'yes' } });
      },
      { attempts: 3 },
    );
    expect(attempts).toBe(3);
    expect(expectLeft(answer)).toMatchObject({ code: 409, reason: 'Conflict' });
  });

  it("tries 5 times by default, as client-go's DefaultRetry", async () => {
    const { attempt, calls } = conflictingAttempt(100);
    expectLeft(await retryOnConflict(attempt));
    expect(DEFAULT_CONFLICT_ATTEMPTS).toBe(5);
    expect(calls()).toBe(5);
  });

  it('answers any other failure at once', async () => {
    for (const failure of [
      notFound({ group: '', resource: 'configmaps', name: 'counter' }),
      alreadyExists({ group: '', resource: 'configmaps', name: 'counter' }),
    ]) {
      let calls = 0;
      const answer = await retryOnConflict(() => {
        calls += 1;
        return Promise.resolve(left(failure));
      });
      expect(expectLeft(answer)).toBe(failure);
      expect(calls).toBe(1);
    }
  });

  it('runs once when attempts is below 1', async () => {
    const { attempt, calls } = conflictingAttempt(100);
    expectLeft(await retryOnConflict(attempt, { attempts: 0 }));
    expect(calls()).toBe(1);
  });

  it('runs min(conflicts + 1, attempts) times and succeeds exactly when conflicts < attempts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(10), fc.integer({ min: 1, max: 10 }), async (conflicts, attempts) => {
        const retried = conflictingAttempt(conflicts);
        const answer = await retryOnConflict(retried.attempt, { attempts });
        expect(retried.calls()).toBe(Math.min(conflicts + 1, attempts));
        expect(isLeft(answer)).toBe(conflicts >= attempts);
      }),
    );
  });
});
