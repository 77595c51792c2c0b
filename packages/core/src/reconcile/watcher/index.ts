/**
 * The watcher: lists and then watches one resource type, forever, as an Observable
 * of {@link WatcherEvent}s (`init`, `initApply`, `initDone`, `apply`, `delete`),
 * relisting on 410 and backing off on failures.
 *
 * - {@link watcher}: the driver (performs I/O on a `Client`, waits on a `Clock`).
 * - {@link step}: its pure state machine over {@link WatcherState}s.
 * - {@link exponentialBackoff}, {@link DEFAULT_WATCHER_BACKOFF}: retry delays.
 *
 * @example
 * ```ts
 * const { writer, reader } = createStore<ConfigMap>();
 * watcher(client, configMaps, { namespace: 'default', clock })
 *   .pipe(reflector(writer))
 *   .subscribe();
 * await reader.ready;
 * ```
 *
 * @module
 */
export {
  DEFAULT_WATCHER_BACKOFF,
  exponentialBackoff,
  type BackoffPolicy,
  type ExponentialBackoffOptions,
} from './backoff.js';
export { step, type StepOptions } from './step.js';
export { DEFAULT_WATCHER_PAGE_SIZE, watcher, type WatcherOptions } from './watcher.js';
export type {
  WatcherApply,
  WatcherDelete,
  WatcherEvent,
  WatcherInit,
  WatcherInitApply,
  WatcherInitDone,
} from './watcher-event.js';
export {
  commandOf,
  WATCHER_START,
  type WatcherBackoff,
  type WatcherCommand,
  type WatcherEmpty,
  type WatcherInitListed,
  type WatcherInitPage,
  type WatcherInput,
  type WatcherRetryState,
  type WatcherState,
  type WatcherTransition,
  type WatcherWatching,
} from './watcher-state.js';
