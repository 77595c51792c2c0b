import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Observable } from 'rxjs';
import type { Status } from '../../../src/api/status/index.js';
import {
  BOOKMARK_PERIOD_MS,
  INITIAL_EVENTS_END_ANNOTATION,
  SYSTEM_ADMIN,
  type ApiObject,
  type ApiWatchEvent,
  type RequestOptions,
} from '../../../src/apiserver/index.js';
import { apiServerFixture } from '../support/api-server-fixture.js';
import { configMapBody, inNamespace } from './handler-test-support.js';

type Fixture = ReturnType<typeof apiServerFixture>;

/** Lets pending promise callbacks (the initial list of a watch) run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A started watch's events as they arrive, and whether it ended. */
interface Recorder {
  readonly events: ApiWatchEvent[];
  readonly completed: () => boolean;
  readonly stop: () => void;
}

function record(stream: Observable<ApiWatchEvent>): Recorder {
  const events: ApiWatchEvent[] = [];
  let done = false;
  const subscription = stream.subscribe({
    next: (event) => events.push(event),
    complete: () => (done = true),
  });
  return { events, completed: () => done, stop: () => subscription.unsubscribe() };
}

async function watch(fixture: Fixture, options: RequestOptions = {}): Promise<Recorder> {
  const result = await fixture.server.watch({
    ...inNamespace('configmaps', { verb: 'watch', options }),
    user: SYSTEM_ADMIN,
  });
  if (isLeft(result)) {
    throw new Error(`expected a watch, got ${JSON.stringify(result.left)}`);
  }
  const recorder = record(result.right);
  await settle();
  return recorder;
}

async function refusal(fixture: Fixture, options: RequestOptions): Promise<Status> {
  const result = await fixture.server.watch({
    ...inNamespace('configmaps', { verb: 'watch', options }),
    user: SYSTEM_ADMIN,
  });
  if (!isLeft(result)) {
    throw new Error('expected the watch to be refused');
  }
  return result.left;
}

const summary = (events: readonly ApiWatchEvent[]): string[] =>
  events.map(
    (event) =>
      `${event.type} ${event.object.metadata?.name ?? ''}@${event.object.metadata?.resourceVersion ?? ''}`,
  );

const create = (
  fixture: Fixture,
  name: string,
  labels?: Record<string, string>,
): Promise<ApiObject> =>
  fixture.ok(
    inNamespace('configmaps', { verb: 'create', body: configMapBody(name, { v: '1' }, labels) }),
  );

const relabel = (
  fixture: Fixture,
  name: string,
  labels: Record<string, string>,
): Promise<ApiObject> =>
  fixture.ok(
    inNamespace('configmaps', {
      verb: 'patch',
      name,
      patchType: 'merge',
      body: { metadata: { labels } },
    }),
  );

const remove = (fixture: Fixture, name: string): Promise<ApiObject> =>
  fixture.ok(inNamespace('configmaps', { verb: 'delete', name }));

describe('watch', () => {
  it('replays the current objects as ADDED from an unset resourceVersion, then sends live events', async () => {
    const fixture = apiServerFixture();
    await create(fixture, 'a');
    await create(fixture, 'b');
    const recorder = await watch(fixture);
    expect(summary(recorder.events)).toEqual(['ADDED a@1', 'ADDED b@2']);
    await relabel(fixture, 'a', { x: 'y' });
    await create(fixture, 'c');
    await remove(fixture, 'b');
    expect(summary(recorder.events)).toEqual([
      'ADDED a@1',
      'ADDED b@2',
      'MODIFIED a@3',
      'ADDED c@4',
      'DELETED b@5',
    ]);
    recorder.stop();
  });

  it('replays the current objects from resourceVersion "0"', async () => {
    const fixture = apiServerFixture();
    await create(fixture, 'a');
    const recorder = await watch(fixture, { resourceVersion: '0' });
    expect(summary(recorder.events)).toEqual(['ADDED a@1']);
    recorder.stop();
  });

  it('sends only the changes after resourceVersion N', async () => {
    const fixture = apiServerFixture();
    await create(fixture, 'a');
    await create(fixture, 'b');
    await relabel(fixture, 'a', { x: 'y' });
    const recorder = await watch(fixture, { resourceVersion: '2' });
    expect(summary(recorder.events)).toEqual(['MODIFIED a@3']);
    await remove(fixture, 'a');
    expect(summary(recorder.events)).toEqual(['MODIFIED a@3', 'DELETED a@4']);
    recorder.stop();
  });

  it('sends a DELETED event carrying the deleting revision and the last state', async () => {
    const fixture = apiServerFixture();
    await create(fixture, 'a');
    const recorder = await watch(fixture, { resourceVersion: '1' });
    await create(fixture, 'b');
    await remove(fixture, 'a');
    const deleted = recorder.events[1];
    expect(deleted?.type).toBe('DELETED');
    expect(deleted?.object).toMatchObject({
      kind: 'ConfigMap',
      data: { v: '1' },
      metadata: { name: 'a', resourceVersion: '3' },
    });
    recorder.stop();
  });

  it('sends an object entering the selector as ADDED and one leaving it as DELETED', async () => {
    const fixture = apiServerFixture();
    await create(fixture, 'a', { app: 'web' });
    await create(fixture, 'b', { app: 'db' });
    const recorder = await watch(fixture, { labelSelector: 'app=web' });
    expect(summary(recorder.events)).toEqual(['ADDED a@1']);
    await relabel(fixture, 'b', { app: 'web' });
    await relabel(fixture, 'a', { app: 'db' });
    await relabel(fixture, 'a', { app: 'db', more: 'x' });
    await remove(fixture, 'a');
    expect(summary(recorder.events)).toEqual(['ADDED a@1', 'ADDED b@3', 'DELETED a@4']);
    recorder.stop();
  });

  it('watches one object by name', async () => {
    const fixture = apiServerFixture();
    const result = await fixture.server.watch({
      ...inNamespace('configmaps', { verb: 'watch', name: 'b' }),
      user: SYSTEM_ADMIN,
    });
    if (isLeft(result)) {
      throw new Error('expected a watch');
    }
    const recorder = record(result.right);
    await settle();
    await create(fixture, 'a');
    await create(fixture, 'b');
    expect(summary(recorder.events)).toEqual(['ADDED b@2']);
    recorder.stop();
  });

  describe('sendInitialEvents', () => {
    const options: RequestOptions = {
      sendInitialEvents: true,
      resourceVersionMatch: 'NotOlderThan',
      allowWatchBookmarks: true,
    };

    it('sends the current objects, then a bookmark annotated as the end of the initial events', async () => {
      const fixture = apiServerFixture();
      await create(fixture, 'a');
      await create(fixture, 'b');
      const recorder = await watch(fixture, { ...options, resourceVersion: '1' });
      expect(summary(recorder.events)).toEqual(['ADDED a@1', 'ADDED b@2', 'BOOKMARK @2']);
      expect(recorder.events[2]?.object).toEqual({
        kind: 'ConfigMap',
        apiVersion: 'v1',
        metadata: {
          resourceVersion: '2',
          annotations: { [INITIAL_EVENTS_END_ANNOTATION]: 'true' },
        },
      });
      await create(fixture, 'c');
      expect(summary(recorder.events).slice(3)).toEqual(['ADDED c@3']);
      recorder.stop();
    });

    it('answers 422 without resourceVersionMatch=NotOlderThan and allowWatchBookmarks', async () => {
      const fixture = apiServerFixture();
      const status = await refusal(fixture, { sendInitialEvents: true });
      expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
      expect(status.details?.causes?.map((cause) => cause.field)).toEqual([
        'resourceVersionMatch',
        'allowWatchBookmarks',
      ]);
    });

    it('answers 422 for resourceVersionMatch without sendInitialEvents', async () => {
      const fixture = apiServerFixture();
      const status = await refusal(fixture, { resourceVersionMatch: 'NotOlderThan' });
      expect(status.details?.causes).toEqual([
        {
          reason: 'FieldValueForbidden',
          field: 'resourceVersionMatch',
          message:
            'Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
        },
      ]);
    });
  });

  it('answers 400 for a bad selector or resourceVersion before the stream starts', async () => {
    const fixture = apiServerFixture();
    expect(await refusal(fixture, { labelSelector: 'a in (' })).toMatchObject({ code: 400 });
    expect(await refusal(fixture, { resourceVersion: 'x' })).toMatchObject({
      code: 400,
      message: 'invalid resource version: "x"',
    });
  });

  it('sends a bookmark at the latest revision every minute when bookmarks are allowed', async () => {
    const fixture = apiServerFixture();
    await create(fixture, 'a', { app: 'db' });
    const recorder = await watch(fixture, {
      resourceVersion: '1',
      allowWatchBookmarks: true,
      labelSelector: 'app=web',
    });
    await create(fixture, 'b', { app: 'db' });
    fixture.clock.advance(BOOKMARK_PERIOD_MS - 1);
    expect(recorder.events).toEqual([]);
    fixture.clock.advance(1);
    expect(recorder.events).toEqual([
      {
        type: 'BOOKMARK',
        object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: '2' } },
      },
    ]);
    fixture.clock.advance(BOOKMARK_PERIOD_MS);
    expect(summary(recorder.events)).toEqual(['BOOKMARK @2', 'BOOKMARK @2']);
    recorder.stop();
  });

  it('sends no bookmarks unless allowed', async () => {
    const fixture = apiServerFixture();
    const recorder = await watch(fixture, { resourceVersion: '0' });
    fixture.clock.advance(BOOKMARK_PERIOD_MS * 2);
    expect(recorder.events).toEqual([]);
    recorder.stop();
  });

  it('ends the stream after timeoutSeconds', async () => {
    const fixture = apiServerFixture();
    const recorder = await watch(fixture, { timeoutSeconds: 30, allowWatchBookmarks: true });
    fixture.clock.advance(29_999);
    expect(recorder.completed()).toBe(false);
    fixture.clock.advance(1);
    expect(recorder.completed()).toBe(true);
    await create(fixture, 'late');
    expect(recorder.events).toEqual([]);
  });

  it('ends a watch from a compacted revision with one ERROR event: 410 Expired', async () => {
    const fixture = apiServerFixture();
    await create(fixture, 'a');
    await create(fixture, 'b');
    await create(fixture, 'c');
    await fixture.store.compact(3);
    const recorder = await watch(fixture, { resourceVersion: '1' });
    expect(recorder.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          status: 'Failure',
          code: 410,
          reason: 'Expired',
          message: 'too old resource version: 1 (3)',
        }),
      },
    ]);
    expect(recorder.completed()).toBe(true);
  });

  it('opens no store watch when unsubscribed before the replay arrives', async () => {
    const fixture = apiServerFixture();
    await create(fixture, 'a');
    const result = await fixture.server.watch({
      ...inNamespace('configmaps', { verb: 'watch' }),
      user: SYSTEM_ADMIN,
    });
    if (isLeft(result)) {
      throw new Error('expected a watch');
    }
    const recorder = record(result.right);
    recorder.stop();
    await settle();
    expect(recorder.events).toEqual([]);
    expect(fixture.store.watchCount).toBe(0);
  });

  it('stops the replay and opens no store watch when the subscriber leaves during it', async () => {
    const fixture = apiServerFixture();
    await create(fixture, 'a');
    await create(fixture, 'b');
    const result = await fixture.server.watch({
      ...inNamespace('configmaps', { verb: 'watch' }),
      user: SYSTEM_ADMIN,
    });
    if (isLeft(result)) {
      throw new Error('expected a watch');
    }
    const events: ApiWatchEvent[] = [];
    const subscription = result.right.subscribe((event) => {
      events.push(event);
      subscription.unsubscribe();
    });
    await settle();
    expect(summary(events)).toEqual(['ADDED a@1']);
    expect(fixture.store.watchCount).toBe(0);
  });

  it('closes its store watch when the subscriber leaves', async () => {
    const fixture = apiServerFixture();
    const recorder = await watch(fixture);
    await create(fixture, 'a');
    expect(fixture.store.watchCount).toBe(1);
    recorder.stop();
    expect(fixture.store.watchCount).toBe(0);
    await create(fixture, 'b');
    expect(summary(recorder.events)).toEqual(['ADDED a@1']);
  });
});
