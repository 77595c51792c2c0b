import { describe, expect, it } from '@jest/globals';
import { Subject, of, throwError, type Observable } from 'rxjs';
import type { ObjectKey } from '../../../src/client/index.js';
import { VirtualClock } from '../../../src/clock/index.js';
import {
  applier,
  awaitChange,
  requeueAfter,
  TerminalError,
  type Action,
  type ReconcileOutcome,
} from '../../../src/reconcile/index.js';

/** A rejection reason that is not an Error. */
const notAnError: unknown = JSON.parse('"a string"');

/** Lets promise callbacks run (reconciles are promises), without moving the clock. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
}

/**
 * Lets a few turns of the event loop pass (queued keys are taken at the next turn),
 * with their promise callbacks, without moving the clock.
 */
async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await microtasks();
  }
}

function start(options: {
  reconcile: (request: ObjectKey) => Promise<Action> | Observable<Action>;
  concurrency?: number;
}) {
  const clock = new VirtualClock();
  const triggers = new Subject<ObjectKey>();
  const outcomes: ReconcileOutcome[] = [];
  let completed = false;
  const subscription = applier({
    reconcile: (request) => options.reconcile(request),
    context: undefined,
    triggers,
    clock,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
  }).subscribe({ next: (outcome) => outcomes.push(outcome), complete: () => (completed = true) });
  return { clock, triggers, outcomes, subscription, completed: () => completed };
}

describe('applier', () => {
  it('reconciles each triggered key, merging triggers of a key that waits its turn', async () => {
    const seen: string[] = [];
    const { triggers, outcomes } = start({
      reconcile: (request) => {
        seen.push(request.name);
        return Promise.resolve(awaitChange());
      },
    });
    triggers.next({ namespace: 'default', name: 'a' });
    triggers.next({ namespace: 'default', name: 'b' });
    triggers.next({ namespace: 'default', name: 'b' });
    await flush();
    expect(seen).toStrictEqual(['a', 'b']);
    expect(outcomes.map((o) => [o.key, o.result._tag])).toStrictEqual([
      ['default/a', 'Succeeded'],
      ['default/b', 'Succeeded'],
    ]);
  });

  it('takes queued keys at the next turn, so the triggers of one turn reconcile a key once', async () => {
    const seen: string[] = [];
    const { triggers } = start({
      reconcile: (request) => {
        seen.push(request.name);
        return Promise.resolve(awaitChange());
      },
    });
    triggers.next({ namespace: 'default', name: 'a' });
    await microtasks();
    expect(seen).toStrictEqual([]);
    triggers.next({ namespace: 'default', name: 'a' });
    triggers.next({ namespace: 'default', name: 'b' });
    await flush();
    expect(seen).toStrictEqual(['a', 'b']);
  });

  it('never runs one key twice at once, and runs it again when triggered while running', async () => {
    let release: (() => void) | undefined;
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const { triggers } = start({
      concurrency: 4,
      reconcile: () => {
        runs++;
        active++;
        maxActive = Math.max(maxActive, active);
        return new Promise<Action>((resolve) => {
          release = () => {
            active--;
            resolve(awaitChange());
          };
        });
      },
    });
    triggers.next({ name: 'a' });
    await flush();
    triggers.next({ name: 'a' });
    triggers.next({ name: 'a' });
    await flush();
    expect([runs, maxActive]).toStrictEqual([1, 1]);
    release?.();
    await flush();
    expect(runs).toBe(2);
    release?.();
    await flush();
    expect(runs).toBe(2);
  });

  it('runs at most `concurrency` keys at once', async () => {
    const releases: (() => void)[] = [];
    const { triggers } = start({
      concurrency: 2,
      reconcile: () =>
        new Promise<Action>((resolve) => releases.push(() => resolve(awaitChange()))),
    });
    for (const name of ['a', 'b', 'c']) {
      triggers.next({ name });
    }
    await flush();
    expect(releases).toHaveLength(2);
    releases[0]?.();
    await flush();
    expect(releases).toHaveLength(3);
  });

  it('requeues after the delay a reconcile asks for, on the clock', async () => {
    const times: number[] = [];
    const { triggers, clock } = start({
      reconcile: () => {
        times.push(clock.now());
        return of(requeueAfter('30s'));
      },
    });
    const start0 = clock.now();
    triggers.next({ name: 'a' });
    await flush();
    await clock.advanceAsync(29_999);
    expect(times).toHaveLength(1);
    await clock.advanceAsync(1);
    await flush();
    expect(times.map((t) => t - start0)).toStrictEqual([0, 30_000]);
  });

  it('retries a failing key with growing backoff, and resets it after a success', async () => {
    const times: number[] = [];
    let failures = 3;
    const { triggers, clock, outcomes } = start({
      reconcile: () => {
        times.push(clock.now());
        return failures-- > 0 ? Promise.reject(new Error('boom')) : Promise.resolve(awaitChange());
      },
    });
    const t0 = clock.now();
    triggers.next({ name: 'a' });
    await flush();
    for (let i = 0; i < 5; i++) {
      await clock.advanceAsync(100);
      await flush();
    }
    expect(times.map((t) => t - t0)).toStrictEqual([0, 5, 15, 35]);
    expect(outcomes.map((o) => o.result._tag)).toStrictEqual([
      'Failed',
      'Failed',
      'Failed',
      'Succeeded',
    ]);
  });

  it('reports a TerminalError and does not retry it', async () => {
    let runs = 0;
    const { triggers, clock, outcomes } = start({
      reconcile: () => {
        runs++;
        return throwError(() => new TerminalError('spec can never be satisfied'));
      },
    });
    triggers.next({ name: 'a' });
    await flush();
    await clock.advanceAsync(60_000);
    await flush();
    expect(runs).toBe(1);
    expect(outcomes[0]?.result).toMatchObject({ _tag: 'Failed', terminal: true });
  });

  it('keeps going when a reconciler throws synchronously or throws a non-Error', async () => {
    const { triggers, outcomes } = start({
      reconcile: (request) => {
        if (request.name === 'sync') {
          throw new Error('sync throw');
        }
        // A non-Error rejection, as careless code makes.
        return throwError(() => notAnError);
      },
    });
    triggers.next({ name: 'sync' });
    triggers.next({ name: 'text' });
    await flush();
    expect(
      outcomes.map((o) => (o.result._tag === 'Failed' ? o.result.error.message : '')),
    ).toStrictEqual(['sync throw', 'a string']);
  });

  it('completes when the triggers complete and every key is done', async () => {
    const run = start({ reconcile: () => Promise.resolve(awaitChange()) });
    run.triggers.next({ name: 'a' });
    run.triggers.complete();
    expect(run.completed()).toBe(false);
    await flush();
    expect(run.completed()).toBe(true);
  });
});
