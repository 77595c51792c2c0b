/**
 * The applier: runs a reconciler for every key its triggers name, through a work
 * queue, with bounded concurrency, and follows what each reconcile asks for next.
 * The controller builder is sugar over it.
 *
 * @module
 */
import { isObservable, lastValueFrom, Observable, type Subscription } from 'rxjs';
import type { Clock } from '../../clock/index.js';
import { objectKeyString, type ObjectKey } from '../../client/index.js';
import { isTerminalError, type Action } from '../action.js';
import { WorkQueue, type RateLimiter } from '../queue/index.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * A reconciler: converge the object named by `request` (level-based: it reads the
 * current state itself; it never gets "the event").
 *
 * Returns what should happen next ({@link Action}). A thrown error (or a rejected
 * promise, or an erroring Observable) means "retry with backoff"; a `TerminalError`
 * means "do not retry until something changes". An Observable answers with its last
 * value.
 */
export type Reconciler<C> = (
  request: ObjectKey,
  context: C,
) => Promise<Action> | Observable<Action>;

/** How one reconcile ended. */
export type ReconcileResult =
  | { readonly _tag: 'Succeeded'; readonly action: Action }
  /** The reconciler failed; `terminal` when it threw a `TerminalError` (no retry). */
  | { readonly _tag: 'Failed'; readonly error: Error; readonly terminal: boolean };

/** One reconcile, as the applier reports it. */
export interface ReconcileOutcome {
  readonly request: ObjectKey;
  /** `namespace/name`, the queue's key. */
  readonly key: string;
  readonly result: ReconcileResult;
  /** When it started and finished, on the applier's clock (ms). */
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** What {@link applier} needs. */
export interface ApplierOptions<C> {
  readonly reconcile: Reconciler<C>;
  /** What every reconcile is given (a client, caches, a recorder...). */
  readonly context: C;
  /** The keys to reconcile; each emission queues its key (duplicates merge). */
  readonly triggers: Observable<ObjectKey>;
  readonly clock: Clock;
  /** How many keys reconcile at once (never two for one key). Default 1. */
  readonly concurrency?: number;
  /** The backoff of failed keys; the queue's default (5 ms doubling to 1000 s, 10 qps / burst 100) when absent. */
  readonly rateLimiter?: RateLimiter<string>;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * Runs `reconcile` for the keys `triggers` emits and emits the outcome of each run.
 *
 * Guarantees:
 * - a key is never reconciled twice at once; a key triggered while it runs runs
 *   again once it is done; at most `concurrency` keys run at once;
 * - `requeueAfter(d)` queues the key again after `d` on the clock and resets its
 *   backoff; `awaitChange()` resets it and waits for a trigger;
 * - a failure queues the key again after the rate limiter's delay (growing while it
 *   keeps failing); a `TerminalError` is reported and not retried;
 * - a key queued by a trigger starts reconciling at the next turn of the event loop
 *   (`setImmediate`), so the triggers of one turn coalesce into one reconcile per key;
 * - the Observable never errors because a reconciler failed: every failure is an
 *   outcome. It errors only if `triggers` errors; it completes when `triggers`
 *   completes and every queued and running key is done.
 *
 * Unsubscribing stops the queue (pending delays are dropped); running reconciles
 * finish, and their outcomes are not emitted.
 */
export function applier<C>(options: ApplierOptions<C>): Observable<ReconcileOutcome> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`applier: concurrency must be a positive integer, got ${concurrency}`);
  }
  return new Observable<ReconcileOutcome>((subscriber) => {
    const { clock, context, reconcile } = options;
    const queue = new WorkQueue<string>({
      clock,
      ...(options.rateLimiter === undefined ? {} : { rateLimiter: options.rateLimiter }),
    });
    const requests = new Map<string, ObjectKey>();
    let running = 0;
    let triggersDone = false;
    let stopped = false;

    const finishIfIdle = (): void => {
      if (triggersDone && running === 0 && queue.length === 0 && !hasDelayed()) {
        subscriber.complete();
      }
    };
    // Delayed keys keep the applier alive after the triggers complete.
    const delayed = new Set<string>();
    const hasDelayed = (): boolean => delayed.size > 0;

    const run = (key: string): void => {
      const request = requests.get(key) ?? parseKey(key);
      const startedAt = clock.now();
      running++;
      delayed.delete(key);
      void runOnce(reconcile, request, context).then((result) => {
        running--;
        if (stopped) {
          return;
        }
        const outcome: ReconcileOutcome = {
          request,
          key,
          result: settle(queue, key, result),
          startedAt,
          finishedAt: clock.now(),
        };
        if (outcome.result._tag === 'Succeeded' && outcome.result.action._tag === 'RequeueAfter') {
          delayed.add(key);
        } else if (outcome.result._tag === 'Failed' && !outcome.result.terminal) {
          delayed.add(key);
        }
        queue.done(key);
        subscriber.next(outcome);
        pump();
        finishIfIdle();
      });
    };

    const pump = (): void => {
      while (running < concurrency) {
        const key = queue.take();
        if (key === undefined) {
          return;
        }
        run(key);
      }
    };

    // Keys made ready by a trigger are taken at the next turn of the event loop, not
    // inside the watch event that queued them: the triggers of one turn (a burst of
    // pod updates, say) then reconcile each key once, as a busy upstream worker would.
    let pumpScheduled = false;
    const pumpSoon = (): void => {
      if (!pumpScheduled) {
        pumpScheduled = true;
        setImmediate(() => {
          pumpScheduled = false;
          if (!stopped) {
            pump();
          }
        });
      }
    };
    const ready: Subscription = queue.ready$.subscribe(() => pumpSoon());
    const triggers: Subscription = options.triggers.subscribe({
      next: (request) => {
        const key = objectKeyString(request);
        requests.set(key, request);
        queue.add(key);
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => {
        triggersDone = true;
        finishIfIdle();
      },
    });
    return () => {
      stopped = true;
      triggers.unsubscribe();
      ready.unsubscribe();
      queue.shutDown();
    };
  });
}

/** Runs one reconcile, turning every way it can end into a value. */
async function runOnce<C>(
  reconcile: Reconciler<C>,
  request: ObjectKey,
  context: C,
): Promise<RunResult> {
  try {
    const answer = reconcile(request, context);
    const action = isObservable(answer) ? await lastValueFrom(answer) : await answer;
    return { ok: true, action };
  } catch (error: unknown) {
    return { ok: false, error: error instanceof Error ? error : new Error(describeThrown(error)) };
  }
}

type RunResult =
  { readonly ok: true; readonly action: Action } | { readonly ok: false; readonly error: Error };

/** Queues what a result asks for, and describes it. */
function settle(queue: WorkQueue<string>, key: string, result: RunResult): ReconcileResult {
  if (result.ok) {
    queue.forget(key);
    if (result.action._tag === 'RequeueAfter') {
      queue.addAfter(key, result.action.after);
    }
    return { _tag: 'Succeeded', action: result.action };
  }
  if (isTerminalError(result.error)) {
    queue.forget(key);
    return { _tag: 'Failed', error: result.error, terminal: true };
  }
  queue.addRateLimited(key);
  return { _tag: 'Failed', error: result.error, terminal: false };
}

function describeThrown(thrown: unknown): string {
  if (typeof thrown === 'string') {
    return thrown;
  }
  try {
    return `non-Error thrown: ${JSON.stringify(thrown)}`;
  } catch {
    return 'non-Error thrown (not serializable)';
  }
}

/** The request of a `namespace/name` (or `name`) key. */
function parseKey(key: string): ObjectKey {
  const slash = key.indexOf('/');
  return slash < 0 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
