/**
 * The reflector: the stage that keeps a cache in step with a watcher.
 *
 * @module
 */
import { tap, type MonoTypeOperatorFunction } from 'rxjs';
import type { ApiObject } from '../../apiserver/index.js';
import type { WatcherEvent } from '../watcher/index.js';
import type { CacheWriter } from './store.js';

/**
 * An operator that applies each watcher event to `writer`, then re-emits it
 * unchanged, so that stages compose:
 * `watcher(client, type, { clock }).pipe(reflector(writer), ...)`.
 *
 * Guarantees: an event reaches downstream only after the cache has applied it, so a
 * subscriber reading the cache sees at least that event. Errors and completion pass
 * through (a watcher has neither).
 */
export function reflector<T extends ApiObject>(
  writer: CacheWriter<T>,
): MonoTypeOperatorFunction<WatcherEvent<T>> {
  return tap((event) => writer.apply(event));
}
