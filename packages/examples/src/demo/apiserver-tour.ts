/**
 * A guided tour of drydock's apiserver: Kubernetes semantics on a virtual clock,
 * narrated. `npm start` runs it after the store tour.
 *
 * @module
 */
import * as t from 'io-ts';
import {
  Int32,
  MemoryStore,
  SYSTEM_ADMIN,
  VirtualClock,
  defineCustomResource,
  startApiServer,
  type ApiObject,
  type ApiRequest,
  type ApiWatchEvent,
  type Status,
} from '@drydock/core';
import type { Narrator } from './store-tour.js';

const CRDS = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  resource: 'customresourcedefinitions',
};
const PODS = { group: '', version: 'v1', resource: 'pods' };
const BACKUPS = { group: 'ops.example.com', version: 'v1', resource: 'backups' };
const RBAC = (resource: string): ApiRequest['resource'] => ({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  resource,
});

/** A custom resource defined from io-ts codecs: no schema written by hand. */
const Backup = defineCustomResource({
  group: 'ops.example.com',
  version: 'v1',
  kind: 'Backup',
  plural: 'backups',
  scope: 'Namespaced',
  spec: t.intersection([t.type({ schedule: t.string }), t.partial({ keep: Int32 })]),
  status: t.partial({ lastRun: t.string }),
});

function causes(status: Status): string {
  return (status.details?.causes ?? [])
    .map((cause) => `${cause.field ?? ''}: ${cause.reason ?? ''}`)
    .join(', ');
}

/**
 * Runs the tour: a CRD defined from codecs, validation and pruning with field paths,
 * a watch, an optimistic-concurrency conflict, a pod defaulted, bound and deleted
 * gracefully, RBAC denying then allowing, and a finalizer holding a deletion.
 */
export async function apiserverTour(say: Narrator): Promise<void> {
  const startedAt = performance.now();
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server, settled, stop } = await startApiServer({ store, clock, authorization: 'RBAC' });
  const send = async (request: ApiRequest): Promise<ApiObject> => {
    const result = await server.handle({ user: SYSTEM_ADMIN, ...request });
    if (result._tag === 'Left') {
      throw new Error(`unexpected failure: ${result.left.message ?? ''}`);
    }
    return result.right.body;
  };
  const refusal = async (request: ApiRequest): Promise<Status> => {
    const result = await server.handle({ user: SYSTEM_ADMIN, ...request });
    if (result._tag === 'Right') {
      throw new Error('expected a failure');
    }
    return result.left;
  };

  say('7. A CRD from io-ts codecs: created, names accepted, established, served at once.');
  await send({ verb: 'create', resource: CRDS, body: Backup.crd });
  await settled();
  const crd = await send({ verb: 'get', resource: CRDS, name: 'backups.ops.example.com' });
  const conditions = (crd['status'] as { conditions: { type: string; status: string }[] })
    .conditions;
  say(`   ${conditions.map((c) => `${c.type}=${c.status}`).join(', ')}`);

  say('8. Admission: unknown fields pruned (with a warning), bad values refused with field paths.');
  const created = await server.handle({
    verb: 'create',
    user: SYSTEM_ADMIN,
    resource: BACKUPS,
    namespace: 'default',
    body: { metadata: { name: 'nightly' }, spec: { schedule: '@daily', keep: 7, colour: 'blue' } },
  });
  if (created._tag === 'Right') {
    say(`   created backup nightly (warnings: ${created.right.warnings?.join(', ') ?? 'none'})`);
  }
  const invalid = await refusal({
    verb: 'create',
    resource: BACKUPS,
    namespace: 'default',
    body: { metadata: { name: 'Bad_Name' }, spec: { keep: 'seven' } },
  });
  say(`   ${invalid.code ?? 0} ${invalid.reason ?? ''}: ${causes(invalid)}`);

  say('9. Watch and optimistic concurrency: a stale resourceVersion is a 409.');
  const watched = await server.watch({
    verb: 'watch',
    user: SYSTEM_ADMIN,
    resource: BACKUPS,
    namespace: 'default',
  });
  const subscription =
    watched._tag === 'Right'
      ? watched.right.subscribe((event: ApiWatchEvent) => {
          say(
            `   watch: ${event.type} ${event.object.metadata?.name ?? ''} @ ${event.object.metadata?.resourceVersion ?? ''}`,
          );
        })
      : undefined;
  const read = await send({
    verb: 'get',
    resource: BACKUPS,
    namespace: 'default',
    name: 'nightly',
  });
  await send({
    verb: 'update',
    resource: BACKUPS,
    namespace: 'default',
    name: 'nightly',
    body: { ...read, spec: { schedule: '@hourly', keep: 7 } },
  });
  const stale = await refusal({
    verb: 'update',
    resource: BACKUPS,
    namespace: 'default',
    name: 'nightly',
    body: { ...read, spec: { schedule: '@weekly' } },
  });
  say(`   second writer: ${stale.code ?? 0} ${stale.reason ?? ''}`);

  say('10. A pod: defaulted, bound to a node, deleted gracefully on the clock.');
  const pod = await send({
    verb: 'create',
    resource: PODS,
    namespace: 'default',
    body: {
      metadata: { generateName: 'web-' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
    },
  });
  const podName = pod.metadata?.name ?? '';
  const spec = pod['spec'] as { restartPolicy: string; terminationGracePeriodSeconds: number };
  say(
    `   created ${podName}: restartPolicy ${spec.restartPolicy}, grace ${spec.terminationGracePeriodSeconds}s`,
  );
  await send({
    verb: 'create',
    resource: PODS,
    subresource: 'binding',
    namespace: 'default',
    name: podName,
    body: { target: { kind: 'Node', name: 'node-1' } },
  });
  clock.advance(5_000);
  const deleting = await send({
    verb: 'delete',
    resource: PODS,
    namespace: 'default',
    name: podName,
  });
  say(`   deleting: deletionTimestamp ${deleting.metadata?.deletionTimestamp ?? ''}`);

  say('11. RBAC: alice is refused, a RoleBinding lets her list pods.');
  const alice = { name: 'alice', groups: ['system:authenticated'] };
  const denied = await refusal({ verb: 'list', user: alice, resource: PODS, namespace: 'default' });
  say(`   ${denied.code ?? 0}: ${denied.message ?? ''}`);
  await send({
    verb: 'create',
    resource: RBAC('rolebindings'),
    namespace: 'default',
    body: {
      metadata: { name: 'alice-views' },
      subjects: [{ kind: 'User', name: 'alice' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    },
  });
  const list = await send({ verb: 'list', user: alice, resource: PODS, namespace: 'default' });
  say(`   alice lists ${(list['items'] as unknown[]).length} pod(s)`);

  say('12. Finalizers: a deleted backup waits until its finalizer is removed.');
  await send({
    verb: 'patch',
    patchType: 'merge',
    resource: BACKUPS,
    namespace: 'default',
    name: 'nightly',
    body: { metadata: { finalizers: ['ops.example.com/upload'] } },
  });
  const waiting = await send({
    verb: 'delete',
    resource: BACKUPS,
    namespace: 'default',
    name: 'nightly',
  });
  say(
    `   deleted, and still there: deletionTimestamp ${waiting.metadata?.deletionTimestamp ?? ''}`,
  );
  await send({
    verb: 'patch',
    patchType: 'json',
    resource: BACKUPS,
    namespace: 'default',
    name: 'nightly',
    body: [{ op: 'remove', path: '/metadata/finalizers' }],
  });
  subscription?.unsubscribe();
  stop();
  const elapsed = Math.round(performance.now() - startedAt);
  say(`Done: a whole apiserver, on a virtual clock, in about ${elapsed} ms.`);
}
