import { describe, expect, it } from '@jest/globals';
import { measureThroughput } from '../src/throughput.js';

/** Spins for `milliseconds`, so that a round takes measurable time. */
function busyWait(milliseconds: number): void {
  const end = performance.now() + milliseconds;
  while (performance.now() < end) {
    // spinning on purpose
  }
}

describe('measureThroughput', () => {
  it('calls run `operations` times per warm-up and timed round, with the index', async () => {
    const calls: number[] = [];
    await measureThroughput({
      operations: 3,
      warmupRounds: 2,
      rounds: 4,
      run: (index) => {
        calls.push(index);
        busyWait(0.1);
      },
    });
    expect(calls).toEqual(Array.from({ length: 6 }, () => [0, 1, 2]).flat());
  });

  it('prepares every round, warm-up included, before timing it', async () => {
    const events: string[] = [];
    await measureThroughput({
      operations: 2,
      warmupRounds: 1,
      rounds: 2,
      beforeRound: () => {
        events.push('prepare');
      },
      run: (index) => {
        events.push(`run ${index}`);
        busyWait(0.1);
      },
    });
    expect(events).toEqual(Array.from({ length: 3 }, () => ['prepare', 'run 0', 'run 1']).flat());
  });

  it('awaits an asynchronous operation before starting the next', async () => {
    let running = 0;
    let mostRunning = 0;
    await measureThroughput({
      operations: 5,
      rounds: 1,
      run: async () => {
        running++;
        mostRunning = Math.max(mostRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running--;
      },
    });
    expect(mostRunning).toBe(1);
  });

  it('resolves to operations per second', async () => {
    // 10 operations of at least 2 ms each: a round takes at least 20 ms, so at most
    // 500 operations per second.
    const rate = await measureThroughput({
      operations: 10,
      warmupRounds: 0,
      rounds: 3,
      run: () => busyWait(2),
    });
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThanOrEqual(500);
  });

  it('starts no timed round after the time budget is spent, but always runs one', async () => {
    let rounds = 0;
    await measureThroughput({
      operations: 1,
      warmupRounds: 0,
      rounds: 100,
      timeBudgetMs: 1,
      beforeRound: () => {
        rounds++;
      },
      run: () => busyWait(2),
    });
    expect(rounds).toBe(1);
  });

  it('propagates what run throws', async () => {
    await expect(
      measureThroughput({
        operations: 1,
        run: () => Promise.reject(new Error('store closed')),
      }),
    ).rejects.toThrow('store closed');
  });

  it.each([
    [{ operations: 0 }, 'operations must be an integer of at least 1, got 0'],
    [{ operations: 1.5 }, 'operations must be an integer of at least 1, got 1.5'],
    [{ operations: 1, rounds: 0 }, 'rounds must be an integer of at least 1, got 0'],
    [{ operations: 1, warmupRounds: -1 }, 'warmupRounds must be an integer of at least 0, got -1'],
    [{ operations: 1, timeBudgetMs: 0 }, 'timeBudgetMs must be positive, got 0'],
  ])('rejects the options %p', async (options, message) => {
    await expect(measureThroughput({ ...options, run: () => undefined })).rejects.toThrow(
      new RangeError(`measureThroughput: ${message}`),
    );
  });
});
