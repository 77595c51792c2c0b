/**
 * The {@link watcher}'s transitions: one pure function from a state and an input to
 * the next state, the events to emit and the next command.
 *
 * @module
 */
import type { ApiObject } from '../../apiserver/index.js';
import { isExpired, isGone, type Status } from '../../api/status/index.js';
import type { ClientWatchEvent, ObjectList } from '../../client/client.js';
import type { BackoffPolicy } from './backoff.js';
import type { WatcherEvent } from './watcher-event.js';
import {
  commandOf,
  type WatcherInitListed,
  type WatcherInput,
  type WatcherRetryState,
  type WatcherState,
  type WatcherTransition,
  type WatcherWatching,
} from './watcher-state.js';

/** What {@link step} needs besides the state and the input. */
export interface StepOptions {
  /** The delay to wait after the n-th consecutive failure. */
  readonly backoff: BackoffPolicy;
}

/**
 * Moves the watcher from `state` on `input`.
 *
 * - `Empty`/`InitPage` + `Listed`: emits `init` (first page only), then `initApply`
 *   for each item; on the last page (no `continue`) also `initDone`, and goes to
 *   `InitListed` at the page's resourceVersion; otherwise to `InitPage`.
 * - `Empty`/`InitPage` + `ListFailed`: `Backoff`, then the same page again; a 410
 *   (the continue token expired) restarts the list from `Empty`.
 * - `InitListed`/`Watching` (the watch `InitListed` opened, or is open) +
 *   ADDED/MODIFIED/DELETED: emits `apply`/`delete` and remembers the
 *   object's resourceVersion; + BOOKMARK: remembers its resourceVersion.
 * - `InitListed`/`Watching` + ERROR 410 (Expired/Gone): `Empty`, at once (a relist).
 * - `InitListed`/`Watching` + another ERROR: `Backoff`, then `InitListed` at the last resourceVersion.
 * - `InitListed`/`Watching` + `WatchEnded`: `InitListed` at the last resourceVersion
 *   (a new watch).
 * - `Backoff` + `BackoffElapsed`: the state it retries.
 *
 * Guarantees: pure (no I/O, no clock, inputs never mutated). `failures` resets to 0 on
 * each success (a page listed, any watch event but ERROR) and grows by one on each
 * failure; the backoff delay is `options.backoff(failures)`.
 *
 * Caveat: an input the state does not expect (a watch event while listing, a late
 * completion during a backoff) is ignored: the state is kept, nothing is emitted and
 * the command is `Continue`. The driver never sends one; ignoring keeps `step` total.
 */
export function step<T extends ApiObject>(
  state: WatcherState,
  input: WatcherInput<T>,
  options: StepOptions,
): WatcherTransition<T> {
  switch (state._tag) {
    case 'Empty':
    case 'InitPage':
      if (input._tag === 'Listed') {
        return onPage(state._tag === 'Empty', input.page);
      }
      if (input._tag === 'ListFailed') {
        const retry =
          isTooOld(input.status) && state._tag === 'InitPage'
            ? { _tag: 'Empty' as const, failures: state.failures }
            : state;
        return backoff(retry, input.status, options);
      }
      return ignore(state);
    case 'InitListed':
    case 'Watching':
      if (input._tag === 'WatchEvent') {
        return onWatchEvent(state, input.event, options);
      }
      if (input._tag === 'WatchEnded') {
        return enter({
          _tag: 'InitListed',
          resourceVersion: state.resourceVersion,
          failures: state.failures,
        });
      }
      return ignore(state);
    case 'Backoff':
      return input._tag === 'BackoffElapsed' ? enter(state.retry) : ignore(state);
  }
}

function onPage<T extends ApiObject>(first: boolean, page: ObjectList<T>): WatcherTransition<T> {
  const events: WatcherEvent<T>[] = first ? [{ type: 'init' }] : [];
  for (const object of page.items) {
    events.push({ type: 'initApply', object });
  }
  if (page.continue !== undefined && page.continue !== '') {
    return enter({ _tag: 'InitPage', continueToken: page.continue, failures: 0 }, events);
  }
  events.push({ type: 'initDone' });
  return enter({ _tag: 'InitListed', resourceVersion: page.resourceVersion, failures: 0 }, events);
}

function onWatchEvent<T extends ApiObject>(
  state: WatcherInitListed | WatcherWatching,
  event: ClientWatchEvent<T>,
  options: StepOptions,
): WatcherTransition<T> {
  switch (event.type) {
    case 'ADDED':
    case 'MODIFIED':
    case 'DELETED':
      return stay(watchingAfter(state, event), [watcherEventOf(event)]);
    case 'BOOKMARK':
      return stay({ _tag: 'Watching', resourceVersion: event.resourceVersion, failures: 0 }, []);
    case 'ERROR':
      if (isTooOld(event.status)) {
        return enter({ _tag: 'Empty', failures: state.failures });
      }
      return backoff(
        { _tag: 'InitListed', resourceVersion: state.resourceVersion, failures: state.failures },
        event.status,
        options,
      );
  }
}

/** An object event of a watch. */
export type ObjectWatchEvent<T extends ApiObject> = Extract<
  ClientWatchEvent<T>,
  { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' }
>;

/**
 * The state after an object event: `Watching` at the object's resourceVersion (the
 * state's own when the object has none), no failures.
 */
export function watchingAfter<T extends ApiObject>(
  state: WatcherInitListed | WatcherWatching,
  event: ObjectWatchEvent<T>,
): WatcherWatching {
  return {
    _tag: 'Watching',
    resourceVersion: event.object.metadata?.resourceVersion ?? state.resourceVersion,
    failures: 0,
  };
}

/** What the watcher emits for an object event: `delete` for DELETED, else `apply`. */
export function watcherEventOf<T extends ApiObject>(event: ObjectWatchEvent<T>): WatcherEvent<T> {
  return event.type === 'DELETED'
    ? { type: 'delete', object: event.object }
    : { type: 'apply', object: event.object };
}

/** A 410: the resourceVersion (or continue token) asked for is no longer kept. */
function isTooOld(status: Status): boolean {
  return status.code === 410 || isGone(status) || isExpired(status);
}

function backoff<T extends ApiObject>(
  retry: WatcherRetryState,
  cause: Status,
  options: StepOptions,
): WatcherTransition<T> {
  const failures = retry.failures + 1;
  return enter({
    _tag: 'Backoff',
    retry: { ...retry, failures },
    delay: options.backoff(failures),
    cause,
  });
}

function enter<T extends ApiObject>(
  state: WatcherState,
  events: readonly WatcherEvent<T>[] = [],
): WatcherTransition<T> {
  return { state, events, command: commandOf(state) };
}

function stay<T extends ApiObject>(
  state: WatcherState,
  events: readonly WatcherEvent<T>[],
): WatcherTransition<T> {
  return { state, events, command: { _tag: 'Continue' } };
}

function ignore<T extends ApiObject>(state: WatcherState): WatcherTransition<T> {
  return stay(state, []);
}
