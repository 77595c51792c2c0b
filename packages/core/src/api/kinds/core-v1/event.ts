/**
 * `corev1.Event`: a report of something that happened to an object (the core/v1 form
 * `kubectl get events` shows; `events.k8s.io/v1` is the same resource seen anew).
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, Int32, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';
import { ObjectReference } from './object-reference.js';

/**
 * The codec of `corev1.EventSource`: the `component` and `host` that reported an
 * event, both optional.
 */
export const EventSource = withSchema(
  t.partial({
    component: withSchema(t.string, {
      description: 'Component from which the event is generated.',
    }),
    host: withSchema(t.string, { description: 'Node name on which the event is generated.' }),
  }),
  { description: 'EventSource contains information for an event.' },
  'EventSource',
);

/** Where an event came from, as {@link EventSource} decodes it. */
export type EventSource = t.TypeOf<typeof EventSource>;

/**
 * The codec of `corev1.EventSeries`: `count` and `lastObservedTime` (a `MicroTime`),
 * both optional. (Upstream's deprecated `state` is gone from core/v1.)
 */
export const EventSeries = withSchema(
  t.partial({
    count: withSchema(Int32, {
      description: 'Number of occurrences in this series up to the last heartbeat time.',
    }),
    lastObservedTime: withSchema(DateTime, {
      description: 'Time of the last occurrence observed, with microseconds.',
    }),
  }),
  {
    description:
      'EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time.',
  },
  'EventSeries',
);

/** A series of repeated events, as {@link EventSeries} decodes it. */
export type EventSeries = t.TypeOf<typeof EventSeries>;

// A metav1.Time or MicroTime that is not a pointer: Go writes its zero value as null.
const nullableTime = t.union([DateTime, t.null]);

/**
 * The codec of `corev1.Event` (`v1`, namespaced): `metadata` and `involvedObject` are
 * required, as upstream; every other field is optional. `apiVersion` and `kind` are
 * the literals `v1` and `Event`, optional in request bodies.
 *
 * `type` is a string (`Normal` or `Warning` today; upstream may add more).
 *
 * Caveats:
 * - `firstTimestamp`, `lastTimestamp` and `eventTime` also accept `null` (schema:
 *   `nullable: true`): Go writes an unset time as `null`, and `kubectl get -o json`
 *   shows `"eventTime": null` on events from the old recorder and
 *   `"firstTimestamp": null` on events from the new one;
 * - `eventTime` is a `MicroTime`: {@link DateTime} already accepts its fractional
 *   seconds, and upstream's schema is the same `date-time`, so it has no codec of its own.
 */
export const Event = withSchema(
  t.intersection([
    t.partial(typeMetaOf('v1', 'Event')),
    t.type({
      metadata: ObjectMeta,
      involvedObject: withSchema(ObjectReference, {
        description: 'The object that this event is about.',
      }),
    }),
    t.partial({
      reason: withSchema(t.string, {
        description:
          "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      }),
      message: withSchema(t.string, {
        description: 'A human-readable description of the status of this operation.',
      }),
      source: withSchema(EventSource, {
        description:
          'The component reporting this event. Should be a short machine understandable string.',
      }),
      firstTimestamp: withSchema(nullableTime, {
        description:
          'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
      }),
      lastTimestamp: withSchema(nullableTime, {
        description: 'The time at which the most recent occurrence of this event was recorded.',
      }),
      count: withSchema(Int32, { description: 'The number of times this event has occurred.' }),
      type: withSchema(t.string, {
        description:
          'Type of this event (Normal, Warning), new types could be added in the future.',
      }),
      eventTime: withSchema(nullableTime, {
        description: 'Time when this Event was first observed, with microseconds.',
      }),
      series: withSchema(EventSeries, {
        description:
          "Data about the Event series this event represents or nil if it's a singleton Event.",
      }),
      action: withSchema(t.string, {
        description: 'What action was taken/failed regarding to the Regarding object.',
      }),
      related: withSchema(ObjectReference, {
        description: 'Optional secondary object for more complex actions.',
      }),
      reportingComponent: withSchema(t.string, {
        description:
          'Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.',
      }),
      reportingInstance: withSchema(t.string, {
        description: 'ID of the controller instance, e.g. `kubelet-xyzf`.',
      }),
    }),
  ]),
  {
    description:
      'Event is a report of an event somewhere in the cluster. Events have a limited retention time ' +
      'and triggers and messages may evolve with time; do not rely on them as a contract.',
  },
  'Event',
);

/** An event, as {@link Event} decodes it. */
export type Event = t.TypeOf<typeof Event>;

/** The codec of `corev1.EventList`. */
export const EventList = listOf({
  apiVersion: 'v1',
  kind: 'EventList',
  item: Event,
  description: 'EventList is a list of events.',
});

/** A list of events, as {@link EventList} decodes it. */
export type EventList = t.TypeOf<typeof EventList>;
