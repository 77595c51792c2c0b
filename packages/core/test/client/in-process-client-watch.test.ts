import { describe, expect, it } from '@jest/globals';
import type { ConfigMap } from '../../src/api/kinds/index.js';
import { right } from 'fp-ts/lib/Either.js';
import { from, Observable } from 'rxjs';
import {
  SYSTEM_ADMIN,
  type ApiServer,
  type ApiWatchEvent,
  type AuditEvent,
} from '../../src/apiserver/index.js';
import { InProcessClient } from '../../src/client/in-process-client.js';
import { ConfigMaps, Namespaces } from '../../src/client/built-in-types.js';
import type { ClientWatchEvent } from '../../src/client/client.js';
import { expectRight } from '../support/either.js';
import {
  ALICE,
  clientFixture,
  record,
  settle,
  type ClientFixture,
} from './support/client-fixture.js';

async function create(
  fixture: ClientFixture,
  name: string,
  namespace = 'default',
): Promise<ConfigMap> {
  return expectRight(
    await fixture.client.create(ConfigMaps, { metadata: { name, namespace }, data: { v: '1' } }),
  );
}

function summary(events: readonly ClientWatchEvent<ConfigMap>[]): string[] {
  return events.map((event) =>
    event.type === 'BOOKMARK'
      ? `BOOKMARK ${event.resourceVersion}`
      : event.type === 'ERROR'
        ? `ERROR ${event.status.code ?? ''}`
        : `${event.type} ${event.object.metadata?.name ?? ''}`,
  );
}

function auditedWatches(fixture: ClientFixture): AuditEvent[] {
  const audited: AuditEvent[] = [];
  fixture.server.audit$.subscribe((event) => {
    if (event.verb === 'watch') {
      audited.push(event);
    }
  });
  return audited;
}

describe('InProcessClient.watch', () => {
  it('replays the current objects as ADDED, then follows changes', async () => {
    const fixture = await clientFixture();
    const first = await create(fixture, 'a');
    const recorder = record(fixture.client.watch(ConfigMaps, { namespace: 'default' }));
    await settle();
    await create(fixture, 'b');
    expectRight(await fixture.client.update(ConfigMaps, { ...first, data: { v: '2' } }));
    expectRight(await fixture.client.delete(ConfigMaps, { namespace: 'default', name: 'b' }));
    expect(summary(recorder.events)).toEqual(['ADDED a', 'ADDED b', 'MODIFIED a', 'DELETED b']);
    const modified = recorder.events[2];
    expect(modified?.type === 'MODIFIED' && modified.object.data).toEqual({ v: '2' });
    recorder.stop();
  });

  it("starts after a resourceVersion, and sees only the watch's namespace", async () => {
    const fixture = await clientFixture();
    const first = await create(fixture, 'a');
    const recorder = record(
      fixture.client.watch(ConfigMaps, {
        namespace: 'default',
        resourceVersion: first.metadata?.resourceVersion ?? '',
      }),
    );
    await settle();
    await create(fixture, 'elsewhere', 'kube-system');
    await create(fixture, 'b');
    expect(summary(recorder.events)).toEqual(['ADDED b']);
    recorder.stop();
  });

  it('watches cluster-scoped objects', async () => {
    const fixture = await clientFixture();
    const list = expectRight(await fixture.client.list(Namespaces));
    const recorder = record(
      fixture.client.watch(Namespaces, { resourceVersion: list.resourceVersion }),
    );
    await settle();
    expectRight(await fixture.client.create(Namespaces, { metadata: { name: 'team-a' } }));
    expect(recorder.events).toEqual([
      { type: 'ADDED', object: expect.objectContaining({ kind: 'Namespace' }) },
    ]);
    recorder.stop();
  });

  it('does nothing until subscribed, and starts one watch per subscription', async () => {
    const fixture = await clientFixture();
    const audited = auditedWatches(fixture);
    const watch = fixture.client.watch(ConfigMaps, { namespace: 'default' });
    await settle();
    expect(audited).toHaveLength(0);
    const one = record(watch);
    const two = record(watch);
    await settle();
    expect(audited).toHaveLength(2);
    await create(fixture, 'a');
    expect(summary(one.events)).toEqual(['ADDED a']);
    expect(summary(two.events)).toEqual(['ADDED a']);
    one.stop();
    two.stop();
  });

  it('stops when unsubscribed', async () => {
    const fixture = await clientFixture();
    const recorder = record(fixture.client.watch(ConfigMaps, { namespace: 'default' }));
    await settle();
    await create(fixture, 'a');
    recorder.stop();
    await create(fixture, 'b');
    expect(summary(recorder.events)).toEqual(['ADDED a']);
    expect(recorder.completed()).toBe(false);
  });

  it('drops a watch unsubscribed before the server answered: no event ever arrives', async () => {
    const fixture = await clientFixture();
    const audited = auditedWatches(fixture);
    const recorder = record(fixture.client.watch(ConfigMaps, { namespace: 'default' }));
    recorder.stop();
    await settle();
    await create(fixture, 'a');
    expect(recorder.events).toEqual([]);
    expect(audited).toHaveLength(1);
  });

  it('ends a watch from a compacted resourceVersion with one ERROR event: 410 Expired', async () => {
    const fixture = await clientFixture();
    const first = await create(fixture, 'a');
    await create(fixture, 'b');
    const last = await create(fixture, 'c');
    await fixture.store.compact(Number(last.metadata?.resourceVersion));
    const recorder = record(
      fixture.client.watch(ConfigMaps, { resourceVersion: first.metadata?.resourceVersion ?? '' }),
    );
    await settle();
    expect(recorder.events).toEqual([
      {
        type: 'ERROR',
        status: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired' }),
      },
    ]);
    expect(recorder.completed()).toBe(true);
    expect(recorder.errored()).toBe(false);
  });

  it('turns a refused watch into one ERROR event, then completion', async () => {
    const fixture = await clientFixture({ authorization: 'RBAC' });
    const recorder = record(
      fixture.client.asUser(ALICE).watch(ConfigMaps, { namespace: 'default' }),
    );
    await settle();
    expect(recorder.events).toEqual([
      {
        type: 'ERROR',
        status: expect.objectContaining({
          code: 403,
          reason: 'Forbidden',
          message:
            'configmaps is forbidden: User "alice" cannot watch resource "configmaps" in API group "" in the namespace "default"',
        }),
      },
    ]);
    expect(recorder.completed()).toBe(true);
  });

  it('turns a bad selector into one ERROR event: 400 BadRequest', async () => {
    const fixture = await clientFixture();
    const recorder = record(fixture.client.watch(ConfigMaps, { labelSelector: 'a in (' }));
    await settle();
    expect(summary(recorder.events)).toEqual(['ERROR 400']);
    expect(recorder.completed()).toBe(true);
  });

  it('answers BOOKMARK events with their resourceVersion', async () => {
    const fixture = await clientFixture();
    const created = await create(fixture, 'a');
    const recorder = record(
      fixture.client.watch(ConfigMaps, {
        namespace: 'default',
        sendInitialEvents: true,
        allowWatchBookmarks: true,
      }),
    );
    await settle();
    expect(recorder.events).toEqual([
      { type: 'ADDED', object: created },
      { type: 'BOOKMARK', resourceVersion: created.metadata?.resourceVersion },
    ]);
    recorder.stop();
  });

  it('turns an unexpected failure of the server into one ERROR event: 500 InternalError', async () => {
    const failing = { watch: () => Promise.reject(new Error('boom')) } as unknown as ApiServer;
    const client = new InProcessClient({ server: failing, user: SYSTEM_ADMIN });
    const recorder = record(client.watch(ConfigMaps));
    await settle();
    expect(recorder.events).toEqual([
      {
        type: 'ERROR',
        status: expect.objectContaining({
          code: 500,
          reason: 'InternalError',
          message: 'Internal error occurred: boom',
        }),
      },
    ]);
    expect(recorder.completed()).toBe(true);
    expect(recorder.errored()).toBe(false);
  });

  it('turns a server that throws when asked into one ERROR event: 500 InternalError', async () => {
    const throwing = {
      watch: () => {
        throw new Error('boom');
      },
    } as unknown as ApiServer;
    const recorder = record(
      new InProcessClient({ server: throwing, user: SYSTEM_ADMIN }).watch(ConfigMaps),
    );
    await settle();
    expect(summary(recorder.events)).toEqual(['ERROR 500']);
    expect(recorder.completed()).toBe(true);
    expect(recorder.errored()).toBe(false);
  });

  it('turns a stream that fails after some events into one last ERROR event', async () => {
    const failing = {
      watch: () =>
        Promise.resolve(
          right(
            new Observable<ApiWatchEvent>((subscriber) => {
              subscriber.next({
                type: 'ADDED',
                object: { kind: 'ConfigMap', metadata: { name: 'a' } },
              });
              subscriber.error(new Error('lost'));
            }),
          ),
        ),
    } as unknown as ApiServer;
    const recorder = record(
      new InProcessClient({ server: failing, user: SYSTEM_ADMIN }).watch(ConfigMaps),
    );
    await settle();
    expect(summary(recorder.events)).toEqual(['ADDED a', 'ERROR 500']);
    expect(recorder.completed()).toBe(true);
    expect(recorder.errored()).toBe(false);
  });

  it('ends at the first ERROR event even if the stream goes on', async () => {
    const expiredStatus = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code: 410,
      reason: 'Expired',
    };
    const events: ApiWatchEvent[] = [
      { type: 'ERROR', object: expiredStatus },
      { type: 'ADDED', object: { kind: 'ConfigMap', metadata: { name: 'late' } } },
    ];
    const chatty = { watch: () => Promise.resolve(right(from(events))) } as unknown as ApiServer;
    const recorder = record(
      new InProcessClient({ server: chatty, user: SYSTEM_ADMIN }).watch(ConfigMaps),
    );
    await settle();
    expect(recorder.events).toEqual([{ type: 'ERROR', status: expiredStatus }]);
    expect(recorder.completed()).toBe(true);
  });

  it('ends when the server ends it (timeoutSeconds)', async () => {
    const fixture = await clientFixture();
    const recorder = record(
      fixture.client.watch(ConfigMaps, { namespace: 'default', timeoutSeconds: 10 }),
    );
    await settle();
    fixture.clock.advance(10_000);
    expect(recorder.completed()).toBe(true);
    expect(recorder.events).toEqual([]);
  });
});
