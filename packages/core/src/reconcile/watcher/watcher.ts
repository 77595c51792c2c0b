/**
 * The watcher: a list-then-watch loop over one resource type that never gives up,
 * as an Observable of {@link WatcherEvent}s. Its logic is {@link step}; this file
 * only performs the commands step gives (list a page, open a watch, wait).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Observable, Subscription } from 'rxjs';
import type { ApiObject } from '../../apiserver/index.js';
import { internalError, type Status } from '../../api/status/index.js';
import type {
  Client,
  ClientWatchEvent,
  ListOptions,
  ClientWatchOptions,
} from '../../client/client.js';
import type { ResourceType } from '../../client/resource-type.js';
import type { Clock } from '../../clock/index.js';
import { DEFAULT_WATCHER_BACKOFF, type BackoffPolicy } from './backoff.js';
import { step, watcherEventOf, watchingAfter, type StepOptions } from './step.js';
import type { WatcherEvent } from './watcher-event.js';
import {
  commandOf,
  WATCHER_START,
  type WatcherBackoff,
  type WatcherCommand,
  type WatcherInput,
  type WatcherState,
  type WatcherTransition,
} from './watcher-state.js';

/** How many objects a list page asks for unless told otherwise (as kube-rs). */
export const DEFAULT_WATCHER_PAGE_SIZE = 500;

/** Options of a {@link watcher}. */
export interface WatcherOptions {
  /** Only objects of this namespace; all namespaces when absent. */
  readonly namespace?: string;
  /** Only objects whose labels match this selector (`app=web,tier!=db`). */
  readonly labelSelector?: string;
  /** Only objects whose fields match this selector (`metadata.name=web`). */
  readonly fieldSelector?: string;
  /** The `limit` of each list page. Default: {@link DEFAULT_WATCHER_PAGE_SIZE}. */
  readonly pageSize?: number;
  /** The clock backoff delays wait on. */
  readonly clock: Clock;
  /** The delay after the n-th consecutive failure. Default: {@link DEFAULT_WATCHER_BACKOFF}. */
  readonly backoff?: BackoffPolicy;
  /**
   * Called with each failure as the watcher starts waiting on it (its `cause`, the
   * `delay` and the count of consecutive failures in `retry.failures`), to log or
   * count failures. It must not throw.
   */
  readonly onBackoff?: (backoff: WatcherBackoff) => void;
}

/**
 * Lists and then watches the objects of `type`, forever, as {@link WatcherEvent}s.
 *
 * - Lists in pages of `pageSize` (`limit`/`continue`), emitting `init`, `initApply`
 *   for each object, then `initDone`.
 * - Then watches from the list's resourceVersion with `allowWatchBookmarks: true`,
 *   emitting `apply` (ADDED, MODIFIED) and `delete` (DELETED). A BOOKMARK only
 *   moves the resourceVersion on.
 * - When the watch completes, watches again from the last resourceVersion seen.
 * - On a watch ERROR 410 (Expired, Gone) lists again, at once: `init` ...
 *   `initDone` again, which replaces everything known before.
 * - On any other failure (a list answering a `Status`, a watch ERROR) waits on
 *   `clock` as `backoff` says (by default 800 ms doubling up to 30 s), then retries
 *   what failed (the same page; a watch from the same resourceVersion). The count
 *   of failures resets on the next success (a page listed, a watch event).
 *
 * Guarantees: never errors and never completes; each subscription runs its own
 * loop, starting with a list; unsubscribing stops it: the open watch is
 * unsubscribed, a pending wait cancelled, and a list still in flight is ignored when
 * it answers. Events are emitted in the order of {@link WatcherEvent}'s grammar.
 *
 * Errors: throws `RangeError` (when called) for a `pageSize` that is not a positive
 * integer. A client that breaks its contract (a list promise that rejects, a watch
 * that errors) is treated as a failure with a 500 `InternalError` status, and retried.
 *
 * Caveat: a watch that keeps completing at once, without events, is reopened at once
 * each time (as kube-rs does); a real server holds a watch open for minutes.
 */
export function watcher<T extends ApiObject>(
  client: Client,
  type: ResourceType<T>,
  options: WatcherOptions,
): Observable<WatcherEvent<T>> {
  const pageSize = options.pageSize ?? DEFAULT_WATCHER_PAGE_SIZE;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`invalid watcher pageSize ${pageSize}: expected a positive integer`);
  }
  const stepOptions: StepOptions = { backoff: options.backoff ?? DEFAULT_WATCHER_BACKOFF };
  const selection = selectionOf(options);
  return new Observable<WatcherEvent<T>>((subscriber) => {
    let state: WatcherState = WATCHER_START;
    // Each command performed gets a new generation; inputs of older ones are dropped.
    let generation = 0;
    // The open watch or the pending wait, closed when the next command is performed.
    let inFlight = new Subscription();
    const queue: { readonly generation: number; readonly input: WatcherInput<T> }[] = [];
    let draining = false;

    const feed = (from: number, input: WatcherInput<T>): void => {
      if (from === generation && !subscriber.closed) {
        queue.push({ generation: from, input });
        drain();
      }
    };

    const perform = (command: WatcherCommand): void => {
      if (command._tag === 'Continue') {
        return;
      }
      const current = ++generation;
      inFlight.unsubscribe();
      inFlight = new Subscription();
      switch (command._tag) {
        case 'List': {
          const listOptions: ListOptions = {
            ...selection,
            limit: pageSize,
            ...(command.continueToken === undefined ? {} : { continue: command.continueToken }),
          };
          void client.list(type, listOptions).then(
            (answer) =>
              feed(
                current,
                isLeft(answer)
                  ? { _tag: 'ListFailed', status: answer.left }
                  : { _tag: 'Listed', page: answer.right },
              ),
            (error: unknown) =>
              feed(current, { _tag: 'ListFailed', status: brokenContract('list', error) }),
          );
          return;
        }
        case 'Watch': {
          const watchOptions: ClientWatchOptions = {
            ...selection,
            resourceVersion: command.resourceVersion,
            allowWatchBookmarks: true,
          };
          // Added to inFlight (not assigned from subscribe) so that a watch answering
          // synchronously, inside subscribe, can already be closed by what it answers.
          inFlight.add(
            client.watch(type, watchOptions).subscribe({
              next: (event) => {
                if (!applyObjectEvent(current, event)) {
                  feed(current, { _tag: 'WatchEvent', event });
                }
              },
              complete: () => feed(current, { _tag: 'WatchEnded' }),
              error: (error: unknown) => feed(current, watchError(brokenContract('watch', error))),
            }),
          );
          return;
        }
        case 'Wait': {
          const timer = options.clock.setTimeout(
            () => feed(current, { _tag: 'BackoffElapsed' }),
            command.delay,
          );
          inFlight.add(() => timer.cancel());
          return;
        }
      }
    };

    // Every object event of every watch passes here: when nothing waits in the queue,
    // the transition `step` would make (the same `watchingAfter` state and
    // `watcherEventOf` event, no command) is made in place, without building the input,
    // the transition and the queue entry. Answers whether it handled `event`.
    const applyObjectEvent = (from: number, event: ClientWatchEvent<T>): boolean => {
      if (
        draining ||
        queue.length > 0 ||
        (state._tag !== 'Watching' && state._tag !== 'InitListed') ||
        (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED')
      ) {
        return false;
      }
      if (from !== generation || subscriber.closed) {
        return true;
      }
      state = watchingAfter(state, event);
      draining = true;
      try {
        subscriber.next(watcherEventOf(event));
      } finally {
        draining = false;
      }
      drain();
      return true;
    };

    // Inputs that arrive while one is being handled (a watch answering synchronously)
    // wait in the queue: transitions never nest.
    const drain = (): void => {
      if (draining) {
        return;
      }
      draining = true;
      try {
        for (
          let next = queue.shift();
          next !== undefined && !subscriber.closed;
          next = queue.shift()
        ) {
          if (next.generation === generation) {
            enter(step(state, next.input, stepOptions));
          }
        }
      } finally {
        draining = false;
      }
    };

    const enter = (transition: WatcherTransition<T>): void => {
      state = transition.state;
      for (const event of transition.events) {
        subscriber.next(event);
      }
      if (state._tag === 'Backoff' && transition.command._tag === 'Wait') {
        options.onBackoff?.(state);
      }
      if (!subscriber.closed) {
        perform(transition.command);
      }
    };

    draining = true;
    try {
      perform(commandOf(state));
    } finally {
      draining = false;
    }
    drain();

    return () => {
      generation++;
      queue.length = 0;
      inFlight.unsubscribe();
    };
  });
}

/** The selection options of a list or a watch, leaving out those not given. */
function selectionOf(
  options: WatcherOptions,
): Pick<ListOptions, 'namespace' | 'labelSelector' | 'fieldSelector'> {
  return {
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(options.labelSelector === undefined ? {} : { labelSelector: options.labelSelector }),
    ...(options.fieldSelector === undefined ? {} : { fieldSelector: options.fieldSelector }),
  };
}

function watchError<T extends ApiObject>(status: Status): WatcherInput<T> {
  const event: ClientWatchEvent<T> = { type: 'ERROR', status };
  return { _tag: 'WatchEvent', event };
}

function brokenContract(call: 'list' | 'watch', error: unknown): Status {
  const message = error instanceof Error ? error.message : String(error);
  return internalError({
    message: `client ${call} failed instead of answering a Status: ${message}`,
  });
}
