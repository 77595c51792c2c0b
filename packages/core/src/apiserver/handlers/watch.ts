/**
 * The watch verb: the changes to the objects a request selects, from a
 * resourceVersion, as ADDED / MODIFIED / DELETED events, with bookmarks.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { interval, Observable, takeUntil, timer } from 'rxjs';
import { badRequest, expired, invalid, type Status } from '../../api/status/index.js';
import {
  isStoreError,
  prefixRange,
  type KeyValue,
  type StoreError,
  type WatchEvent,
} from '../../store/index.js';
import type { ApiObject } from '../api-object.js';
import type { ApiWatchEvent, ApiWatchResult } from '../api-response.js';
import { resourcePrefix } from '../storage/object-key.js';
import {
  parseResourceVersion,
  servedObject,
  withResourceVersion,
} from '../storage/served-object.js';
import { statusFromStoreError } from '../storage/store-status.js';
import { objectFilter, type ObjectFilter } from './object-filter.js';
import type { RequestScope } from './request-scope.js';

/** How often a watch that allows bookmarks gets one: upstream sends one about every minute. */
export const BOOKMARK_PERIOD_MS = 60_000;

/** The annotation of the bookmark that ends the initial events of `sendInitialEvents`. */
export const INITIAL_EVENTS_END_ANNOTATION = 'k8s.io/initial-events-end';

/**
 * Starts a watch.
 *
 * Semantics (as upstream): an unset or `"0"` resourceVersion first replays the
 * current objects as ADDED; `N` starts after revision N. With `sendInitialEvents`,
 * the current objects come first whatever the resourceVersion, then a BOOKMARK
 * annotated `k8s.io/initial-events-end: "true"`. An object that starts matching the
 * selectors arrives as ADDED, one that stops matching as DELETED. A revision that was
 * compacted ends the stream with one ERROR event (410 `Expired`).
 *
 * Errors (before the stream starts): 400 for bad selectors or resourceVersion; 422 for
 * `sendInitialEvents` without `resourceVersionMatch=NotOlderThan` and
 * `allowWatchBookmarks`, or `resourceVersionMatch` without `sendInitialEvents`.
 */
export function watchObjects(scope: RequestScope): ApiWatchResult {
  const filtered = objectFilter(scope);
  if (isLeft(filtered)) {
    return filtered;
  }
  const name = scope.request.name;
  const filter: ObjectFilter =
    name === undefined
      ? filtered.right
      : (object) => object.metadata?.name === name && filtered.right(object);
  const start = watchStart(scope);
  if (isLeft(start)) {
    return start;
  }
  return right(watchStream(scope, filter, start.right));
}

interface WatchStart {
  /** Replay the current objects first. */
  readonly initialEvents: boolean;
  /** End the replay with the initial-events-end bookmark. */
  readonly endBookmark: boolean;
  /** Start after this revision (when not replaying). */
  readonly afterRevision: number;
}

function watchStart(scope: RequestScope): Either<Status, WatchStart> {
  const { options } = scope;
  const errors: {
    reason: 'FieldValueForbidden' | 'FieldValueInvalid';
    field: string;
    message: string;
  }[] = [];
  if (options.sendInitialEvents === true) {
    if (options.resourceVersionMatch !== 'NotOlderThan') {
      errors.push({
        reason: 'FieldValueForbidden',
        field: 'resourceVersionMatch',
        message:
          'Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
      });
    }
    if (options.allowWatchBookmarks !== true) {
      errors.push({
        reason: 'FieldValueForbidden',
        field: 'allowWatchBookmarks',
        message: 'Forbidden: sendInitialEvents requires allowWatchBookmarks=true',
      });
    }
  } else if (options.resourceVersionMatch !== undefined) {
    errors.push({
      reason: 'FieldValueForbidden',
      field: 'resourceVersionMatch',
      message:
        'Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
    });
  }
  if (errors.length > 0) {
    return left(invalid({ kind: 'ListOptions', group: 'meta.k8s.io', name: '', errors }));
  }
  const resourceVersion = options.resourceVersion ?? '';
  const revision = resourceVersion === '' ? 0 : parseResourceVersion(resourceVersion);
  if (revision === undefined) {
    return left(
      badRequest({ message: `invalid resource version: ${JSON.stringify(resourceVersion)}` }),
    );
  }
  const replay = options.sendInitialEvents ?? revision === 0;
  return right({
    initialEvents: replay,
    endBookmark: options.sendInitialEvents === true,
    afterRevision: revision,
  });
}

function watchStream(
  scope: RequestScope,
  filter: ObjectFilter,
  start: WatchStart,
): Observable<ApiWatchEvent> {
  const { env, definition, options } = scope;
  const prefix = resourcePrefix(definition, scope.request.namespace);
  const apiVersion =
    definition.group === '' ? definition.version : `${definition.group}/${definition.version}`;
  const bookmark = (revision: number, annotations?: Record<string, string>): ApiWatchEvent => ({
    type: 'BOOKMARK',
    object: {
      kind: definition.kind,
      apiVersion,
      metadata: {
        resourceVersion: String(revision),
        ...(annotations === undefined ? {} : { annotations }),
      },
    },
  });
  let lastRevision = start.afterRevision;
  // The replay, then the changes after it, forwarded to the same subscriber rather than
  // through `mergeMap` and `concat`: every later event would cross both.
  const events = new Observable<ApiWatchEvent>((subscriber) => {
    if (!start.initialEvents) {
      return changesAfter(start.afterRevision).subscribe(subscriber);
    }
    // Subscribed with `subscriber` itself, the changes end when it does.
    env.store.range(prefixRange(prefix)).then(
      (result) => {
        if (subscriber.closed) {
          return;
        }
        if (isLeft(result)) {
          subscriber.next(errorEvent(result.left));
          subscriber.complete();
          return;
        }
        let initial: ApiWatchEvent[];
        const revision = result.right.revision;
        try {
          lastRevision = revision;
          initial = initialEvents(result.right.items, filter);
          if (start.endBookmark) {
            initial.push(bookmark(revision, { [INITIAL_EVENTS_END_ANNOTATION]: 'true' }));
          }
        } catch (error: unknown) {
          subscriber.error(error);
          return;
        }
        for (const event of initial) {
          if (subscriber.closed) {
            return;
          }
          subscriber.next(event);
        }
        if (subscriber.closed) {
          return;
        }
        try {
          changesAfter(revision).subscribe(subscriber);
        } catch (error: unknown) {
          subscriber.error(error);
        }
      },
      (error: unknown) => subscriber.error(error),
    );
    return undefined;
  });

  // One subscriber in front of the store's watch, rather than `mergeMap` and `of` per
  // event: each write reaches every watcher, so this is on every write's path.
  function changesAfter(revision: number): Observable<ApiWatchEvent> {
    const changes = env.store.watch(prefixRange(prefix), {
      fromRevision: revision + 1,
      prevKv: true,
    });
    return new Observable<ApiWatchEvent>((subscriber) => {
      // A store failure ends the stream with one ERROR event; anything else is a bug,
      // passed on as the stream's error.
      const fail = (error: unknown): void => {
        if (!isStoreError(error)) {
          subscriber.error(error);
          return;
        }
        subscriber.next(
          error._tag === 'Compacted'
            ? {
                type: 'ERROR',
                object: expired({ requested: revision, oldest: error.compactRevision }),
              }
            : errorEvent(error),
        );
        subscriber.complete();
      };
      // Returned as the teardown: run at once if the stream already ended (rxjs does).
      return changes.subscribe({
        next: (event) => {
          if (subscriber.closed) {
            return;
          }
          let translated: ApiWatchEvent | undefined;
          try {
            lastRevision = event.kv.modRevision;
            translated = translate(event, filter);
          } catch (error: unknown) {
            fail(error);
            return;
          }
          if (translated !== undefined) {
            subscriber.next(translated);
          }
        },
        error: fail,
        complete: () => subscriber.complete(),
      });
    });
  }

  let stream: Observable<ApiWatchEvent> = events;
  if (options.allowWatchBookmarks === true) {
    // Periodic bookmarks run alongside the events and stop when they end.
    stream = new Observable<ApiWatchEvent>((subscriber) => {
      const ticker = interval(BOOKMARK_PERIOD_MS, env.clock.scheduler).subscribe(() =>
        subscriber.next(bookmark(lastRevision)),
      );
      const subscription = events.subscribe({
        next: (event) => subscriber.next(event),
        error: (error: unknown) => {
          ticker.unsubscribe();
          subscriber.error(error);
        },
        complete: () => {
          ticker.unsubscribe();
          subscriber.complete();
        },
      });
      return () => {
        ticker.unsubscribe();
        subscription.unsubscribe();
      };
    });
  }
  if (options.timeoutSeconds !== undefined && options.timeoutSeconds > 0) {
    stream = stream.pipe(takeUntil(timer(options.timeoutSeconds * 1000, env.clock.scheduler)));
  }
  return stream;
}

/** The stored objects the filter selects, as ADDED events. */
function initialEvents(
  items: readonly KeyValue<ApiObject>[],
  filter: ObjectFilter,
): ApiWatchEvent[] {
  const initial: ApiWatchEvent[] = [];
  for (const kv of items) {
    const object = servedObject(kv);
    if (filter(object)) {
      initial.push({ type: 'ADDED', object });
    }
  }
  return initial;
}

/** A store event as the watch sees it through its filter, or nothing when it does not show. */
function translate(event: WatchEvent<ApiObject>, filter: ObjectFilter): ApiWatchEvent | undefined {
  const previous = event.prevKv === undefined ? undefined : servedObject(event.prevKv);
  const wasSelected = previous !== undefined && filter(previous);
  if (event.type === 'DELETE') {
    return wasSelected && event.prevKv !== undefined
      ? { type: 'DELETED', object: withResourceVersion(event.prevKv.value, event.kv.modRevision) }
      : undefined;
  }
  const object = servedObject(event.kv);
  const isSelected = filter(object);
  if (isSelected) {
    return { type: wasSelected ? 'MODIFIED' : 'ADDED', object };
  }
  return wasSelected ? { type: 'DELETED', object } : undefined;
}

function errorEvent(error: StoreError): ApiWatchEvent {
  return { type: 'ERROR', object: statusFromStoreError(error) };
}
