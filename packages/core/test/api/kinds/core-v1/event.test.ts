import { describe, expect, it } from '@jest/globals';
import { Event, EventList } from '../../../../src/api/kinds/core-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** An event from the old recorder: no eventTime, as `kubectl get events -o json` prints it. */
const SCHEDULED = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: {
    name: 'web-7d4b9c8f6-x2x9z.17c9a3b2e1f0d4c5',
    namespace: 'default',
    uid: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
    resourceVersion: '48230',
    creationTimestamp: '2024-05-01T12:00:01Z',
  },
  involvedObject: {
    kind: 'Pod',
    namespace: 'default',
    name: 'web-7d4b9c8f6-x2x9z',
    uid: '3f1c2a9e-8b1d-4c55-9a0e-1f2b3c4d5e6f',
    apiVersion: 'v1',
    resourceVersion: '48213',
    fieldPath: 'spec.containers{web}',
  },
  reason: 'Pulled',
  message: 'Container image "nginx:1.25" already present on machine',
  source: { component: 'kubelet', host: 'node-1' },
  firstTimestamp: '2024-05-01T12:00:01Z',
  lastTimestamp: '2024-05-01T12:05:01Z',
  count: 3,
  type: 'Normal',
  eventTime: null,
  reportingComponent: 'kubelet',
  reportingInstance: 'node-1',
};

/** An event from the new recorder (events.k8s.io), seen through core/v1. */
const LEADER_ELECTED = {
  kind: 'Event',
  apiVersion: 'v1',
  metadata: { name: 'kube-scheduler.17c9a3b2', namespace: 'kube-system' },
  involvedObject: {
    kind: 'Lease',
    namespace: 'kube-system',
    name: 'kube-scheduler',
    apiVersion: 'coordination.k8s.io/v1',
  },
  reason: 'LeaderElection',
  message: 'node-1_0f9c became leader',
  source: {},
  firstTimestamp: null,
  lastTimestamp: null,
  type: 'Normal',
  eventTime: '2024-05-01T12:00:00.123456Z',
  series: { count: 2, lastObservedTime: '2024-05-01T12:10:00.654321Z' },
  action: 'Elected',
  related: { kind: 'Pod', name: 'kube-scheduler-node-1' },
  reportingComponent: 'default-scheduler',
  reportingInstance: 'default-scheduler-node-1',
};

describe('Event', () => {
  it('decodes events of both recorders, with null times and microseconds, strictly', () => {
    expectDecodesAsIs(Event, SCHEDULED);
    expectDecodesAsIs(Event, LEADER_ELECTED);
    expectDecodesAsIs(EventList, {
      apiVersion: 'v1',
      kind: 'EventList',
      metadata: {},
      items: [SCHEDULED, LEADER_ELECTED],
    });
  });

  it('requires metadata and involvedObject, as upstream', () => {
    expect(strictErrors(Event, { reason: 'Pulled' })).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'metadata' },
      { reason: 'FieldValueRequired', field: 'involvedObject' },
    ]);
  });

  it('reports an unknown field in the series (core/v1 has no series.state) when strict', () => {
    const input = { ...LEADER_ELECTED, series: { count: 2, state: 'Ongoing' } };
    expect(strictErrors(Event, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'series.state' },
    ]);
  });

  it('reports a fractional count and a malformed event time with their paths', () => {
    const input = { ...SCHEDULED, count: 1.5, eventTime: '2024-05-01 12:00:00' };
    expect(strictErrors(Event, input)).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'count' },
      { reason: 'FieldValueInvalid', field: 'eventTime' },
    ]);
  });

  it('has a schema with nullable date-times, an int32 count and an atomic involvedObject', () => {
    expect(schemaAt(Event, 'eventTime')).toMatchObject({
      type: 'string',
      format: 'date-time',
      nullable: true,
    });
    expect(schemaAt(Event, 'series.lastObservedTime')).toMatchObject({ format: 'date-time' });
    expect(schemaAt(Event, 'count')).toMatchObject({ type: 'integer', format: 'int32' });
    expect(schemaAt(Event, 'involvedObject')['x-kubernetes-map-type']).toBe('atomic');
    expect(schemaAt(Event, '').required).toStrictEqual(['metadata', 'involvedObject']);
    expect(schemaAt(Event, 'source.host').type).toBe('string');
  });
});
