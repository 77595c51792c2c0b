import { describe, expect, it } from '@jest/globals';
import { serviceAccountUser, tokenAuthenticator } from '../../../src/apiserver/index.js';
import { gvr } from '../support/api-server-fixture.js';
import { runningServer } from '../support/running-server.js';

const alice = { name: 'alice', groups: ['system:authenticated'] };

const podReader = {
  metadata: { name: 'pod-reader', namespace: 'default' },
  rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }],
};

const aliceReadsPods = {
  metadata: { name: 'alice-reads-pods', namespace: 'default' },
  subjects: [{ kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' }],
  roleRef: { kind: 'Role', name: 'pod-reader', apiGroup: 'rbac.authorization.k8s.io' },
};

describe('RBAC through the apiserver', () => {
  it("denies with upstream's Forbidden message until a binding allows", async () => {
    const { ok, fail, send } = await runningServer({ authorization: 'RBAC' });
    const denied = await fail({
      verb: 'list',
      user: alice,
      resource: gvr('pods'),
      namespace: 'default',
    });
    expect(denied).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message:
        'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
    });
    await ok({
      verb: 'create',
      resource: gvr('roles.rbac.authorization.k8s.io'),
      namespace: 'default',
      body: podReader,
    });
    await ok({
      verb: 'create',
      resource: gvr('rolebindings.rbac.authorization.k8s.io'),
      namespace: 'default',
      body: aliceReadsPods,
    });
    expect(
      (await send({ verb: 'list', user: alice, resource: gvr('pods'), namespace: 'default' }))._tag,
    ).toBe('Right');
    // Only in the binding's namespace, and only the role's verbs.
    expect(
      (await fail({ verb: 'list', user: alice, resource: gvr('pods'), namespace: 'kube-system' }))
        .code,
    ).toBe(403);
    expect(
      (
        await fail({
          verb: 'create',
          user: alice,
          resource: gvr('pods'),
          namespace: 'default',
          body: {},
        })
      ).message,
    ).toBe(
      'pods is forbidden: User "alice" cannot create resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('follows deletions and rule changes at once', async () => {
    const { ok, send } = await runningServer({ authorization: 'RBAC' });
    await ok({
      verb: 'create',
      resource: gvr('roles.rbac.authorization.k8s.io'),
      namespace: 'default',
      body: podReader,
    });
    await ok({
      verb: 'create',
      resource: gvr('rolebindings.rbac.authorization.k8s.io'),
      namespace: 'default',
      body: aliceReadsPods,
    });
    const list = {
      verb: 'list',
      user: alice,
      resource: gvr('pods'),
      namespace: 'default',
    } as const;
    expect((await send(list))._tag).toBe('Right');
    await ok({
      verb: 'patch',
      patchType: 'merge',
      resource: gvr('roles.rbac.authorization.k8s.io'),
      namespace: 'default',
      name: 'pod-reader',
      body: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
    });
    expect((await send(list))._tag).toBe('Left');
    await ok({
      verb: 'delete',
      resource: gvr('rolebindings.rbac.authorization.k8s.io'),
      namespace: 'default',
      name: 'alice-reads-pods',
    });
    expect(
      (
        await send({
          verb: 'get',
          user: alice,
          resource: gvr('pods'),
          namespace: 'default',
          name: 'x',
        })
      )._tag,
    ).toBe('Left');
  });

  it('authenticates bearer tokens and service accounts, and refuses unknown tokens with 401', async () => {
    const builder = serviceAccountUser('ci', 'builder');
    const { ok, send } = await runningServer({
      authorization: 'RBAC',
      authenticator: tokenAuthenticator({
        tokens: { 'alice-token': { name: 'alice' }, 'sa-token': builder },
      }),
    });
    await ok({
      verb: 'create',
      resource: gvr('clusterrolebindings.rbac.authorization.k8s.io'),
      body: {
        metadata: { name: 'builders-view' },
        subjects: [{ kind: 'ServiceAccount', name: 'builder', namespace: 'ci' }],
        roleRef: { kind: 'ClusterRole', name: 'view', apiGroup: 'rbac.authorization.k8s.io' },
      },
    });
    const asBuilder = await send({
      verb: 'list',
      credentials: { bearerToken: 'sa-token' },
      resource: gvr('configmaps'),
    });
    expect(asBuilder._tag).toBe('Right');
    const asAlice = await send({
      verb: 'list',
      credentials: { bearerToken: 'alice-token' },
      resource: gvr('configmaps'),
    });
    expect(asAlice).toMatchObject({ left: { code: 403 } });
    const unknown = await send({
      verb: 'list',
      credentials: { bearerToken: 'nope' },
      resource: gvr('configmaps'),
    });
    expect(unknown).toMatchObject({ left: { code: 401, reason: 'Unauthorized' } });
  });

  it('authorizes with the rules of the ClusterRoles an aggregated ClusterRole selects', async () => {
    const { ok, send, rbac } = await runningServer({ authorization: 'RBAC' });
    await ok({
      verb: 'create',
      resource: gvr('clusterroles.rbac.authorization.k8s.io'),
      body: {
        metadata: { name: 'monitoring' },
        aggregationRule: {
          clusterRoleSelectors: [
            { matchLabels: { 'example.com/aggregate-to-monitoring': 'true' } },
          ],
        },
        rules: [],
      },
    });
    await ok({
      verb: 'create',
      resource: gvr('clusterrolebindings.rbac.authorization.k8s.io'),
      body: {
        metadata: { name: 'alice-monitors' },
        subjects: [{ kind: 'User', name: 'alice' }],
        roleRef: { kind: 'ClusterRole', name: 'monitoring', apiGroup: 'rbac.authorization.k8s.io' },
      },
    });
    const listEndpoints = { verb: 'list', user: alice, resource: gvr('endpoints') } as const;
    expect((await send(listEndpoints))._tag).toBe('Left');
    await ok({
      verb: 'create',
      resource: gvr('clusterroles.rbac.authorization.k8s.io'),
      body: {
        metadata: {
          name: 'endpoints-reader',
          labels: { 'example.com/aggregate-to-monitoring': 'true' },
        },
        rules: [{ apiGroups: [''], resources: ['endpoints'], verbs: ['list'] }],
      },
    });
    expect((await send(listEndpoints))._tag).toBe('Right');
    expect(rbac?.staleAggregations()).toStrictEqual([
      {
        name: 'monitoring',
        rules: [{ apiGroups: [''], resources: ['endpoints'], verbs: ['list'] }],
      },
    ]);
  });

  it('starts with the bootstrap policy: system:masters may do anything, authenticated users review themselves', async () => {
    const { send } = await runningServer({ authorization: 'RBAC' });
    const admin = { name: 'root', groups: ['system:masters'] };
    expect(
      await send({ verb: 'delete', user: admin, resource: gvr('nodes'), name: 'n1' }),
    ).toMatchObject({ left: { code: 404 } });
    const review = await send({
      verb: 'create',
      user: alice,
      resource: gvr('selfsubjectaccessreviews.authorization.k8s.io'),
      body: { spec: { nonResourceAttributes: { path: '/version', verb: 'get' } } },
    });
    expect(review).toMatchObject({ right: { code: 201, body: { status: { allowed: true } } } });
  });

  it('answers SubjectAccessReviews and SelfSubjectAccessReviews without storing them', async () => {
    const { ok, store } = await runningServer({ authorization: 'RBAC' });
    await ok({
      verb: 'create',
      resource: gvr('roles.rbac.authorization.k8s.io'),
      namespace: 'default',
      body: podReader,
    });
    await ok({
      verb: 'create',
      resource: gvr('rolebindings.rbac.authorization.k8s.io'),
      namespace: 'default',
      body: aliceReadsPods,
    });
    const before = store.revision;
    const review = await ok({
      verb: 'create',
      resource: gvr('subjectaccessreviews.authorization.k8s.io'),
      body: {
        spec: {
          user: 'alice',
          resourceAttributes: { namespace: 'default', verb: 'list', resource: 'pods' },
        },
      },
    });
    expect(review['status']).toMatchObject({ allowed: true });
    const self = await ok({
      verb: 'create',
      user: alice,
      resource: gvr('selfsubjectaccessreviews.authorization.k8s.io'),
      body: {
        spec: { resourceAttributes: { namespace: 'default', verb: 'delete', resource: 'pods' } },
      },
    });
    expect(self['status']).toStrictEqual({ allowed: false });
    expect(store.revision).toBe(before);
  });

  it('rejects an access review that asks about nothing with 422', async () => {
    const { fail } = await runningServer({ authorization: 'RBAC' });
    const status = await fail({
      verb: 'create',
      resource: gvr('subjectaccessreviews.authorization.k8s.io'),
      body: { spec: {} },
    });
    expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(status.details?.causes?.map((cause) => cause.field)).toStrictEqual([
      'spec.resourceAttributes',
      'spec.user',
    ]);
  });
});
