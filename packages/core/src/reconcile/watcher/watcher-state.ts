/**
 * The model of the {@link watcher}'s state machine: its states, the inputs that move
 * it, and the commands it gives its driver. The transitions are {@link step}'s.
 *
 * ```text
 *          listed (last page)            first watch event
 *  Empty ─────────────────────► InitListed ─────────────────► Watching
 *    │ listed                     ▲    ▲      watch ends          │
 *    │ (more pages)               │    └────────────────────────┘
 *    ▼        listed (last page)  │
 *  InitPage ──────────────────────┘     watch ERROR 410 ──► Empty (relist)
 *
 *  a list failure, a watch ERROR (not 410) ──► Backoff ──elapsed──► the state to retry
 * ```
 *
 * @module
 */
import type { ApiObject } from '../../apiserver/index.js';
import type { Status } from '../../api/status/index.js';
import type { ClientWatchEvent, ObjectList } from '../../client/client.js';
import type { WatcherEvent } from './watcher-event.js';

// ---------------------------------------------------------------------------
// model: states
// ---------------------------------------------------------------------------

/**
 * Nothing listed yet, or what was listed is too old (a 410): next, list the first
 * page. `failures` counts consecutive failures (for the backoff) in every state.
 */
export interface WatcherEmpty {
  readonly _tag: 'Empty';
  readonly failures: number;
}

/**
 * A list is under way (its `init` and first pages emitted): next, list the page
 * `continueToken` names.
 */
export interface WatcherInitPage {
  readonly _tag: 'InitPage';
  readonly continueToken: string;
  readonly failures: number;
}

/**
 * Up to date as of `resourceVersion` (the list just finished, or a watch ended):
 * next, watch from `resourceVersion`. The inputs of that watch come to this state;
 * its first event moves it to {@link WatcherWatching}.
 */
export interface WatcherInitListed {
  readonly _tag: 'InitListed';
  readonly resourceVersion: string;
  readonly failures: number;
}

/**
 * A watch is open and has delivered events; `resourceVersion` is the last one seen
 * (from an object or a BOOKMARK), where the next watch resumes. The watch itself (a
 * subscription) is the driver's, not part of the state.
 */
export interface WatcherWatching {
  readonly _tag: 'Watching';
  readonly resourceVersion: string;
  readonly failures: number;
}

/** A state a {@link WatcherBackoff} goes back to: one that performs a request. */
export type WatcherRetryState = WatcherEmpty | WatcherInitPage | WatcherInitListed;

/**
 * A request failed with `cause`: wait `delay` milliseconds, then go back to `retry`
 * (whose `failures` already counts this failure).
 */
export interface WatcherBackoff {
  readonly _tag: 'Backoff';
  readonly retry: WatcherRetryState;
  readonly delay: number;
  readonly cause: Status;
}

/** A state of the watcher: see the module documentation for the transitions. */
export type WatcherState =
  WatcherEmpty | WatcherInitPage | WatcherInitListed | WatcherWatching | WatcherBackoff;

// ---------------------------------------------------------------------------
// model: inputs
// ---------------------------------------------------------------------------

/** The input a state receives: what its last command produced. */
export type WatcherInput<T extends ApiObject = ApiObject> =
  /** A list request answered a page. */
  | { readonly _tag: 'Listed'; readonly page: ObjectList<T> }
  /** A list request failed. */
  | { readonly _tag: 'ListFailed'; readonly status: Status }
  /** The open watch delivered an event. */
  | { readonly _tag: 'WatchEvent'; readonly event: ClientWatchEvent<T> }
  /** The open watch completed (the server ended it). */
  | { readonly _tag: 'WatchEnded' }
  /** The wait of a {@link WatcherBackoff} is over. */
  | { readonly _tag: 'BackoffElapsed' };

// ---------------------------------------------------------------------------
// model: commands
// ---------------------------------------------------------------------------

/**
 * What the driver does next.
 *
 * - `List`: request a page (the first when `continueToken` is absent), feeding back
 *   `Listed` or `ListFailed`.
 * - `Watch`: close any open watch and watch from `resourceVersion`, feeding back each
 *   event as `WatchEvent` and its completion as `WatchEnded`.
 * - `Wait`: close any open watch, wait `delay` milliseconds, feed back `BackoffElapsed`.
 * - `Continue`: nothing new; keep waiting on the request already in flight.
 */
export type WatcherCommand =
  | { readonly _tag: 'List'; readonly continueToken?: string }
  | { readonly _tag: 'Watch'; readonly resourceVersion: string }
  | { readonly _tag: 'Wait'; readonly delay: number }
  | { readonly _tag: 'Continue' };

/** The result of one {@link step}: the new state, what to emit, what to do next. */
export interface WatcherTransition<T extends ApiObject = ApiObject> {
  readonly state: WatcherState;
  readonly events: readonly WatcherEvent<T>[];
  readonly command: WatcherCommand;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/** Where every watcher starts: {@link WatcherEmpty} with no failures. */
export const WATCHER_START: WatcherEmpty = Object.freeze({ _tag: 'Empty', failures: 0 });

/** The command a state gives as it is entered. */
export function commandOf(state: WatcherState): WatcherCommand {
  switch (state._tag) {
    case 'Empty':
      return { _tag: 'List' };
    case 'InitPage':
      return { _tag: 'List', continueToken: state.continueToken };
    case 'InitListed':
      return { _tag: 'Watch', resourceVersion: state.resourceVersion };
    case 'Watching':
      return { _tag: 'Continue' };
    case 'Backoff':
      return { _tag: 'Wait', delay: state.delay };
  }
}
