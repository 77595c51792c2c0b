/**
 * Recording core/v1 `Event`s about objects, as `kubectl describe` and
 * `kubectl get events` show them, with repeats folded into one Event's `count`
 * (client-go's `record.EventRecorder` and its correlator, reduced to what drydock's
 * controllers need).
 *
 * @module
 */
import { Subject, type Observable } from 'rxjs';
import type { Event } from '../../api/kinds/core-v1/event.js';
import type { ObjectReference } from '../../api/kinds/core-v1/object-reference.js';
import type { Status } from '../../api/status/index.js';
import { isNotFound } from '../../api/status/index.js';
import type { ApiObject } from '../../apiserver/api-object.js';
import type { Client, ClientResult } from '../../client/client.js';
import { resourceType, type ResourceType } from '../../client/resource-type.js';
import type { Clock } from '../../clock/index.js';
import { formatTime } from '../../apiserver/handlers/timestamps.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** One occurrence to record about an object. */
export interface EventInput {
  /** `Normal` for what is expected, `Warning` for what someone should look at. */
  readonly type: 'Normal' | 'Warning';
  /** Why, as a short CamelCase word: `Scheduled`, `FailedCreate`. */
  readonly reason: string;
  /** What happened, for people. */
  readonly message: string;
  /** What was done or failed, such as `Binding` (optional). */
  readonly action?: string;
}

/** An Event that could not be written: the Event drydock tried to write, and why. */
export interface EventRecordingError {
  readonly _tag: 'EventRecordingFailed';
  /** The Event as it would have been written (for a repeat, with its new count). */
  readonly event: Event;
  /** The apiserver's `Status`, or what the client threw. */
  readonly cause: unknown;
}

/** Records Events about objects. */
export interface EventRecorder {
  /**
   * Records one occurrence about `object`. Resolves once the Event is written (or
   * writing it failed); never rejects.
   */
  event(object: ApiObject, input: EventInput): Promise<void>;
  /**
   * Every Event that could not be written. Hot: subscribe before recording. When
   * nobody subscribes, failures are written to the console instead of being dropped.
   */
  readonly errors$: Observable<EventRecordingError>;
}

/** What {@link createEventRecorder} needs. */
export interface EventRecorderOptions {
  readonly client: Client;
  /** Timestamps Events and decides when a repeat is too old to fold. */
  readonly clock: Clock;
  /** The reporting component, as `source.component` and `reportingComponent`. */
  readonly component: string;
  /** The reporting host (node), as `source.host`. */
  readonly host?: string;
}

/** How long after its last occurrence a repeat is still folded into the same Event: 10 minutes. */
export const EVENT_AGGREGATION_WINDOW_MS = 10 * 60 * 1000;

/** How many distinct Events a recorder remembers for folding (client-go's cache size). */
export const EVENT_CACHE_SIZE = 4096;

const EVENTS: ResourceType<Event> = resourceType<Event>({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
});

/** What the recorder remembers of an Event it wrote, to fold repeats into it. */
interface Written {
  readonly event: Event;
  /** When it last occurred, in clock milliseconds. */
  readonly lastSeen: number;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * An {@link EventRecorder} writing core/v1 `Event`s through `client`.
 *
 * Each Event is named `<object name>.<hex>` (the hex of a nanosecond timestamp, as
 * upstream, made unique per recorder), in the object's namespace (`default` for
 * cluster-scoped objects), with `involvedObject` referring to the object (including
 * its `uid` and `resourceVersion`), `source`, `firstTimestamp`, `lastTimestamp` and
 * `count`.
 *
 * Guarantees:
 * - the same (involved object, type, reason, message) occurring again within
 *   {@link EVENT_AGGREGATION_WINDOW_MS} of its last occurrence increments `count` and
 *   moves `lastTimestamp` of the Event already written (a merge patch) rather than
 *   writing a new one; later, a new Event starts at count 1;
 * - occurrences of the same Event are written one after the other, in order;
 * - recording never throws: Events are best-effort, as upstream, and every failure is
 *   reported on `errors$`. If the Event to fold into is gone (expired), a new one is
 *   written;
 * - an Event refused because its namespace is being deleted (cause
 *   `NamespaceTerminating`) is dropped quietly, as client-go does (it logs it only at
 *   verbosity 5): it is neither on `errors$` nor on the console.
 *
 * Caveats: folding is per recorder and in memory (as client-go's); the
 * {@link EVENT_CACHE_SIZE} most recently used Events are remembered. Unlike client-go,
 * nothing is rate-limited and similar Events (same reason, different messages) are
 * not merged.
 */
export function createEventRecorder(options: EventRecorderOptions): EventRecorder {
  const errors = new Subject<EventRecordingError>();
  const written = new Map<string, Written>();
  const pending = new Map<string, Promise<void>>();
  // Starts at a random offset so that two recorders in one millisecond differ.
  let sequence = Math.floor(Math.random() * 1_000_000);

  const report = (error: EventRecordingError): void => {
    if (errors.observed) {
      errors.next(error);
    } else {
      console.warn(
        `drydock: could not record event ${error.event.metadata.namespace ?? ''}/${
          error.event.metadata.name ?? ''
        }:`,
        error.cause,
      );
    }
  };

  const remember = (key: string, event: Event, lastSeen: number): void => {
    written.delete(key);
    written.set(key, { event, lastSeen });
    if (written.size > EVENT_CACHE_SIZE) {
      const oldest = written.keys().next();
      if (oldest.done !== true) {
        written.delete(oldest.value);
      }
    }
  };

  const write = async (key: string, object: ApiObject, input: EventInput): Promise<void> => {
    const now = options.clock.now();
    const timestamp = formatTime(now);
    const previous = written.get(key);
    if (previous !== undefined && now - previous.lastSeen <= EVENT_AGGREGATION_WINDOW_MS) {
      const count = (previous.event.count ?? 1) + 1;
      const repeated: Event = { ...previous.event, count, lastTimestamp: timestamp };
      const patched = await attempt(() =>
        options.client.patch(
          EVENTS,
          {
            namespace: previous.event.metadata.namespace ?? '',
            name: previous.event.metadata.name ?? '',
          },
          { type: 'merge', body: { count, lastTimestamp: timestamp } },
        ),
      );
      if (patched.ok) {
        remember(key, patched.event, now);
        return;
      }
      if (patched.status === undefined || !isNotFound(patched.status)) {
        report({ _tag: 'EventRecordingFailed', event: repeated, cause: patched.cause });
        return;
      }
    }
    sequence = (sequence + 1) % 1_000_000;
    const event = newEvent({ object, input, timestamp, now, sequence, options });
    const created = await attempt(() => options.client.create(EVENTS, event));
    if (created.ok) {
      remember(key, created.event, now);
    } else {
      written.delete(key);
      if (created.status === undefined || !isNamespaceTerminating(created.status)) {
        report({ _tag: 'EventRecordingFailed', event, cause: created.cause });
      }
    }
  };

  return {
    errors$: errors.asObservable(),
    event(object, input) {
      const key = aggregationKey(object, input);
      const previous = pending.get(key) ?? Promise.resolve();
      const next = previous.then(() => write(key, object, input));
      pending.set(key, next);
      return next.finally(() => {
        if (pending.get(key) === next) {
          pending.delete(key);
        }
      });
    },
  };
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/** A client call's outcome: the Event written, or the `Status` (or thrown error) of its failure. */
type Attempt =
  | { readonly ok: true; readonly event: Event }
  | { readonly ok: false; readonly status?: Status; readonly cause: unknown };

/** Whether the write was refused because its namespace is being deleted. */
function isNamespaceTerminating(status: Status): boolean {
  return (status.details?.causes ?? []).some((cause) => cause.reason === 'NamespaceTerminating');
}

/** Runs a client call; a thrown error counts as a failure too. */
async function attempt(call: () => ClientResult<Event>): Promise<Attempt> {
  try {
    const result = await call();
    return result._tag === 'Right'
      ? { ok: true, event: result.right }
      : { ok: false, status: result.left, cause: result.left };
  } catch (error) {
    return { ok: false, cause: error };
  }
}

function newEvent(parts: {
  readonly object: ApiObject;
  readonly input: EventInput;
  readonly timestamp: string;
  readonly now: number;
  readonly sequence: number;
  readonly options: EventRecorderOptions;
}): Event {
  const { object, input, timestamp, options } = parts;
  const involvedObject = referenceTo(object);
  const namespace = involvedObject.namespace ?? 'default';
  const nanos = BigInt(parts.now) * 1_000_000n + BigInt(parts.sequence);
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${involvedObject.name ?? ''}.${nanos.toString(16)}`, namespace },
    involvedObject,
    type: input.type,
    reason: input.reason,
    message: input.message,
    ...(input.action === undefined ? {} : { action: input.action }),
    source: {
      component: options.component,
      ...(options.host === undefined ? {} : { host: options.host }),
    },
    reportingComponent: options.component,
    ...(options.host === undefined ? {} : { reportingInstance: options.host }),
    firstTimestamp: timestamp,
    lastTimestamp: timestamp,
    count: 1,
  };
}

/** A reference to the object, as an Event's `involvedObject`. */
function referenceTo(object: ApiObject): ObjectReference {
  const metadata = object.metadata ?? {};
  const fields: Record<string, string | undefined> = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    namespace: metadata.namespace === '' ? undefined : metadata.namespace,
    name: metadata.name,
    uid: metadata.uid,
    resourceVersion: metadata.resourceVersion,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** What makes two occurrences the same Event (not the object's resourceVersion). */
function aggregationKey(object: ApiObject, input: EventInput): string {
  const metadata = object.metadata ?? {};
  return JSON.stringify([
    object.apiVersion ?? '',
    object.kind ?? '',
    metadata.namespace ?? '',
    metadata.name ?? '',
    metadata.uid ?? '',
    input.type,
    input.reason,
    input.message,
  ]);
}
