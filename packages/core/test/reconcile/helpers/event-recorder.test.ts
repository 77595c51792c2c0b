import { describe, expect, it, jest } from '@jest/globals';
import { notFound, internalError } from '../../../src/api/status/index.js';
import type { ApiObject } from '../../../src/apiserver/api-object.js';
import { resourceType } from '../../../src/client/resource-type.js';
import { VirtualClock } from '../../../src/clock/index.js';
import {
  createEventRecorder,
  type EventRecordingError,
} from '../../../src/reconcile/helpers/event-recorder.js';
import { FakeClient } from './fake-client.js';

const events = resourceType({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
});
const pod: ApiObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace: 'team', name: 'web', uid: 'uid-web', resourceVersion: '7' },
};
const failed = { type: 'Warning', reason: 'FailedMount', message: 'volume not ready' } as const;

function setup(): {
  client: FakeClient;
  clock: VirtualClock;
  recorder: ReturnType<typeof createEventRecorder>;
  errors: EventRecordingError[];
} {
  const client = new FakeClient();
  const clock = new VirtualClock();
  const recorder = createEventRecorder({
    client,
    clock,
    component: 'widget-controller',
    host: 'n1',
  });
  const errors: EventRecordingError[] = [];
  recorder.errors$.subscribe((error) => errors.push(error));
  return { client, clock, recorder, errors };
}

describe('createEventRecorder', () => {
  it('writes a core/v1 Event about the object', async () => {
    const { client, recorder, errors } = setup();
    await recorder.event(pod, { ...failed, action: 'Mounting' });
    const [event] = client.all(events);
    expect(event).toMatchObject({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { namespace: 'team' },
      involvedObject: {
        apiVersion: 'v1',
        kind: 'Pod',
        namespace: 'team',
        name: 'web',
        uid: 'uid-web',
        resourceVersion: '7',
      },
      type: 'Warning',
      reason: 'FailedMount',
      message: 'volume not ready',
      action: 'Mounting',
      source: { component: 'widget-controller', host: 'n1' },
      reportingComponent: 'widget-controller',
      reportingInstance: 'n1',
      firstTimestamp: '2025-01-01T00:00:00Z',
      lastTimestamp: '2025-01-01T00:00:00Z',
      count: 1,
    });
    expect(event?.metadata?.name).toMatch(/^web\.[0-9a-f]+$/);
    expect(errors).toStrictEqual([]);
  });

  it('writes Events about cluster-scoped objects in the default namespace', async () => {
    const { client, recorder } = setup();
    await recorder.event({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } }, failed);
    expect(client.all(events)[0]?.metadata?.namespace).toBe('default');
  });

  it('folds a repeat within 10 minutes into the same Event', async () => {
    const { client, clock, recorder } = setup();
    await recorder.event(pod, failed);
    clock.advance('9m');
    await recorder.event({ ...pod, metadata: { ...pod.metadata, resourceVersion: '8' } }, failed);
    clock.advance('9m');
    await recorder.event(pod, failed);
    expect(client.all(events)).toHaveLength(1);
    expect(client.all(events)[0]).toMatchObject({
      count: 3,
      firstTimestamp: '2025-01-01T00:00:00Z',
      lastTimestamp: '2025-01-01T00:18:00Z',
    });
    expect(client.calls.map((call) => call.method)).toStrictEqual(['create', 'patch', 'patch']);
  });

  it('starts a new Event when the last occurrence is more than 10 minutes old', async () => {
    const { client, clock, recorder } = setup();
    await recorder.event(pod, failed);
    clock.advance('10m1s');
    await recorder.event(pod, failed);
    const written = client.all(events);
    expect(written).toHaveLength(2);
    expect(written.map((event) => event['count'])).toStrictEqual([1, 1]);
    expect(written[1]).toMatchObject({ firstTimestamp: '2025-01-01T00:10:01Z' });
  });

  it('keeps Events apart when the type, reason, message or object differ', async () => {
    const { client, recorder } = setup();
    await recorder.event(pod, failed);
    await recorder.event(pod, { ...failed, type: 'Normal' });
    await recorder.event(pod, { ...failed, reason: 'Other' });
    await recorder.event(pod, { ...failed, message: 'other' });
    await recorder.event({ ...pod, metadata: { ...pod.metadata, uid: 'uid-2' } }, failed);
    const names = client.all(events).map((event) => event.metadata?.name);
    expect(new Set(names).size).toBe(5);
  });

  it('folds concurrent repeats in order, without a second Event', async () => {
    const { client, recorder } = setup();
    await Promise.all([
      recorder.event(pod, failed),
      recorder.event(pod, failed),
      recorder.event(pod, failed),
    ]);
    expect(client.all(events)).toHaveLength(1);
    expect(client.all(events)[0]?.['count']).toBe(3);
  });

  it('reports a failed write on errors$ and does not throw', async () => {
    const { client, recorder, errors } = setup();
    const status = internalError(new Error('etcd down'));
    client.failNext('create', status);
    await expect(recorder.event(pod, failed)).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      _tag: 'EventRecordingFailed',
      cause: status,
      event: { reason: 'FailedMount' },
    });
  });

  it('reports what a throwing client throws', async () => {
    const { client, recorder, errors } = setup();
    const thrown = new Error('socket closed');
    client.beforeWrite = () => {
      throw thrown;
    };
    await recorder.event(pod, failed);
    expect(errors.map((error) => error.cause)).toStrictEqual([thrown]);
  });

  it('reports a failed repeat with its would-be count', async () => {
    const { client, recorder, errors } = setup();
    await recorder.event(pod, failed);
    client.failNext('patch', internalError(new Error('etcd down')));
    await recorder.event(pod, failed);
    expect(errors[0]?.event).toMatchObject({ count: 2 });
  });

  it('writes a new Event when the one to fold into is gone', async () => {
    const { client, recorder, errors } = setup();
    await recorder.event(pod, failed);
    client.failNext('patch', notFound({ group: '', resource: 'events', name: 'x' }));
    await recorder.event(pod, failed);
    expect(client.all(events)).toHaveLength(2);
    expect(errors).toStrictEqual([]);
  });

  it('drops an Event refused because its namespace is being deleted, as client-go does', async () => {
    const { client, recorder, errors } = setup();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    client.failNext('create', {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'events "web.1" is forbidden: unable to create new content in namespace team because it is being terminated',
      reason: 'Forbidden',
      code: 403,
      details: {
        name: 'web.1',
        kind: 'events',
        causes: [
          {
            reason: 'NamespaceTerminating',
            message: 'namespace team is being terminated',
            field: 'metadata.namespace',
          },
        ],
      },
    });
    try {
      await expect(recorder.event(pod, failed)).resolves.toBeUndefined();
      expect(errors).toStrictEqual([]);
      expect(warn).not.toHaveBeenCalled();
      expect(client.all(events)).toHaveLength(0);
    } finally {
      warn.mockRestore();
    }
  });

  it('writes failures to the console when nobody subscribes to errors$', async () => {
    const client = new FakeClient();
    const recorder = createEventRecorder({ client, clock: new VirtualClock(), component: 'c' });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const status = internalError(new Error('etcd down'));
    client.failNext('create', status);
    try {
      await recorder.event(pod, failed);
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/^drydock: could not record event team\/web\./),
        status,
      );
    } finally {
      warn.mockRestore();
    }
  });
});
