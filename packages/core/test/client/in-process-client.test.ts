import { describe, expect, it } from '@jest/globals';
import type { ConfigMap } from '../../src/api/kinds/index.js';
import { SYSTEM_ADMIN, type AuditEvent } from '../../src/apiserver/index.js';
import {
  ClusterRoles,
  ConfigMaps,
  Namespaces,
  Pods,
  RoleBindings,
  Roles,
} from '../../src/client/built-in-types.js';
import { InProcessClient } from '../../src/client/in-process-client.js';
import { resourceType } from '../../src/client/resource-type.js';
import { expectLeft, expectRight } from '../support/either.js';
import { ALICE, clientFixture, type ClientFixture } from './support/client-fixture.js';

function settings(name = 'settings', namespace = 'default'): ConfigMap {
  return { metadata: { name, namespace }, data: { color: 'blue' } };
}

async function createSettings(fixture: ClientFixture, name = 'settings'): Promise<ConfigMap> {
  return expectRight(await fixture.client.create(ConfigMaps, settings(name)));
}

/** Lets `alice` get and list ConfigMaps in `default`. */
async function grantReadConfigMaps(fixture: ClientFixture): Promise<void> {
  expectRight(
    await fixture.client.create(Roles, {
      metadata: { name: 'read-configmaps', namespace: 'default' },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }],
    }),
  );
  expectRight(
    await fixture.client.create(RoleBindings, {
      metadata: { name: 'alice-reads-configmaps', namespace: 'default' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'read-configmaps' },
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' }],
    }),
  );
}

describe('InProcessClient', () => {
  describe('get', () => {
    it('answers the object with the server-set fields', async () => {
      const fixture = await clientFixture();
      await createSettings(fixture);
      const got = expectRight(
        await fixture.client.get(ConfigMaps, { namespace: 'default', name: 'settings' }),
      );
      expect(got).toMatchObject({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: 'default', uid: expect.any(String) },
        data: { color: 'blue' },
      });
      expect(Object.isFrozen(got)).toBe(true);
    });

    it('answers 404 NotFound for an object that does not exist', async () => {
      const fixture = await clientFixture();
      const status = expectLeft(
        await fixture.client.get(ConfigMaps, { namespace: 'default', name: 'missing' }),
      );
      expect(status).toMatchObject({
        code: 404,
        reason: 'NotFound',
        message: 'configmaps "missing" not found',
      });
    });

    it('reads a cluster-scoped object by name alone, ignoring a namespace in the key', async () => {
      const fixture = await clientFixture();
      const byName = expectRight(await fixture.client.get(Namespaces, { name: 'kube-system' }));
      const withNamespace = expectRight(
        await fixture.client.get(Namespaces, { namespace: 'default', name: 'kube-system' }),
      );
      expect(byName.metadata?.name).toBe('kube-system');
      expect(withNamespace).toBe(byName);
    });

    it("passes an empty name on to the server and answers the server's refusal", async () => {
      const fixture = await clientFixture();
      const status = expectLeft(
        await fixture.client.get(ConfigMaps, { namespace: 'default', name: '' }),
      );
      expect(status).toMatchObject({ code: 405, reason: 'MethodNotAllowed' });
    });

    it("reads from the key's namespace only", async () => {
      const fixture = await clientFixture();
      await createSettings(fixture);
      const status = expectLeft(
        await fixture.client.get(ConfigMaps, { namespace: 'kube-system', name: 'settings' }),
      );
      expect(status.reason).toBe('NotFound');
    });
  });

  describe('list', () => {
    it('answers the items and the resourceVersion the list was read at', async () => {
      const fixture = await clientFixture();
      await createSettings(fixture, 'a');
      const last = await createSettings(fixture, 'b');
      const list = expectRight(await fixture.client.list(ConfigMaps, { namespace: 'default' }));
      expect(list.items.map((item) => item.metadata?.name)).toEqual(['a', 'b']);
      expect(list.resourceVersion).toBe(last.metadata?.resourceVersion);
      expect(list).not.toHaveProperty('continue');
    });

    it('lists every namespace without a namespace, and one namespace with it', async () => {
      const fixture = await clientFixture();
      await createSettings(fixture, 'a');
      expectRight(await fixture.client.create(ConfigMaps, settings('b', 'kube-system')));
      const everywhere = expectRight(await fixture.client.list(ConfigMaps));
      const inKubeSystem = expectRight(
        await fixture.client.list(ConfigMaps, { namespace: 'kube-system' }),
      );
      expect(everywhere.items.map((item) => item.metadata?.name)).toEqual(['a', 'b']);
      expect(inKubeSystem.items.map((item) => item.metadata?.name)).toEqual(['b']);
    });

    it('lists cluster-scoped objects', async () => {
      const fixture = await clientFixture();
      const list = expectRight(await fixture.client.list(Namespaces));
      expect(list.items.map((item) => item.metadata?.name)).toEqual([
        'default',
        'kube-node-lease',
        'kube-public',
        'kube-system',
      ]);
    });

    it('filters by label selector', async () => {
      const fixture = await clientFixture();
      expectRight(
        await fixture.client.create(ConfigMaps, {
          metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
        }),
      );
      await createSettings(fixture, 'other');
      const list = expectRight(
        await fixture.client.list(ConfigMaps, { namespace: 'default', labelSelector: 'app=web' }),
      );
      expect(list.items.map((item) => item.metadata?.name)).toEqual(['web']);
    });

    it('pages with limit and continue, at one resourceVersion', async () => {
      const fixture = await clientFixture();
      for (const name of ['a', 'b', 'c']) {
        await createSettings(fixture, name);
      }
      const first = expectRight(
        await fixture.client.list(ConfigMaps, { namespace: 'default', limit: 2 }),
      );
      expect(first.items.map((item) => item.metadata?.name)).toEqual(['a', 'b']);
      expect(first.continue).toEqual(expect.any(String));
      await createSettings(fixture, 'd');
      const second = expectRight(
        await fixture.client.list(ConfigMaps, {
          namespace: 'default',
          limit: 2,
          ...(first.continue === undefined ? {} : { continue: first.continue }),
        }),
      );
      expect(second.items.map((item) => item.metadata?.name)).toEqual(['c']);
      expect(second.resourceVersion).toBe(first.resourceVersion);
      expect(second).not.toHaveProperty('continue');
    });

    it('answers 400 for a malformed selector', async () => {
      const fixture = await clientFixture();
      const status = expectLeft(await fixture.client.list(ConfigMaps, { labelSelector: 'a in (' }));
      expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
    });
  });

  describe('create', () => {
    it("fills in the type's apiVersion and kind and answers the stored object", async () => {
      const fixture = await clientFixture();
      const input = Object.freeze(settings());
      const created = expectRight(await fixture.client.create(ConfigMaps, input));
      expect(created).toMatchObject({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'settings',
          uid: expect.any(String),
          resourceVersion: expect.any(String),
        },
      });
      expect(input).toEqual(settings());
    });

    it("sends a body's own kind as it is, for the server to judge", async () => {
      const fixture = await clientFixture();
      const { group, version, kind, plural, namespaced } = ConfigMaps;
      const untypedConfigMaps = resourceType({ group, version, kind, plural, namespaced });
      const status = expectLeft(
        await fixture.client.create(untypedConfigMaps, { ...settings(), kind: 'Secret' }),
      );
      expect(status.code).toBe(400);
    });

    it('answers 409 AlreadyExists for a name taken', async () => {
      const fixture = await clientFixture();
      await createSettings(fixture);
      const status = expectLeft(await fixture.client.create(ConfigMaps, settings()));
      expect(status).toMatchObject({ code: 409, reason: 'AlreadyExists' });
    });

    it('answers 422 Invalid with the field path of a bad name', async () => {
      const fixture = await clientFixture();
      const status = expectLeft(await fixture.client.create(ConfigMaps, settings('Not_A_Name')));
      expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
      expect(status.details?.causes).toContainEqual(
        expect.objectContaining({ field: 'metadata.name', reason: 'FieldValueInvalid' }),
      );
    });

    it("leaves a namespaced object without a namespace to the server's answer", async () => {
      const fixture = await clientFixture();
      const status = expectLeft(
        await fixture.client.create(ConfigMaps, { metadata: { name: 'nowhere' } }),
      );
      expect(status.code).toBe(404);
    });

    it('persists nothing with dryRun', async () => {
      const fixture = await clientFixture();
      expectRight(await fixture.client.create(ConfigMaps, settings(), { dryRun: true }));
      const status = expectLeft(
        await fixture.client.get(ConfigMaps, { namespace: 'default', name: 'settings' }),
      );
      expect(status.reason).toBe('NotFound');
    });
  });

  describe('update', () => {
    it('replaces the object named by its metadata', async () => {
      const fixture = await clientFixture();
      const created = await createSettings(fixture);
      const updated = expectRight(
        await fixture.client.update(ConfigMaps, { ...created, data: { color: 'green' } }),
      );
      expect(updated.data).toEqual({ color: 'green' });
      expect(updated.metadata?.resourceVersion).not.toBe(created.metadata?.resourceVersion);
    });

    it('answers 409 Conflict for a stale resourceVersion', async () => {
      const fixture = await clientFixture();
      const created = await createSettings(fixture);
      expectRight(await fixture.client.update(ConfigMaps, { ...created, data: { color: 'red' } }));
      const status = expectLeft(
        await fixture.client.update(ConfigMaps, { ...created, data: { color: 'green' } }),
      );
      expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
      expect(status.message).toContain('the object has been modified');
    });

    it('answers 404 NotFound for an object that does not exist', async () => {
      const fixture = await clientFixture();
      const status = expectLeft(await fixture.client.update(ConfigMaps, settings('missing')));
      expect(status).toMatchObject({ code: 404, reason: 'NotFound' });
    });

    it("leaves an object without a name to the server's answer", async () => {
      const fixture = await clientFixture();
      const status = expectLeft(
        await fixture.client.update(ConfigMaps, { metadata: { namespace: 'default' } }),
      );
      expect(status).toMatchObject({ code: 405, reason: 'MethodNotAllowed' });
    });
  });

  describe('patch', () => {
    it('applies a merge patch', async () => {
      const fixture = await clientFixture();
      await createSettings(fixture);
      const patched = expectRight(
        await fixture.client.patch(
          ConfigMaps,
          { namespace: 'default', name: 'settings' },
          { type: 'merge', body: { data: { size: 'xl' } } },
        ),
      );
      expect(patched.data).toEqual({ color: 'blue', size: 'xl' });
    });

    it('applies a JSON patch', async () => {
      const fixture = await clientFixture();
      await createSettings(fixture);
      const patched = expectRight(
        await fixture.client.patch(
          ConfigMaps,
          { namespace: 'default', name: 'settings' },
          { type: 'json', body: [{ op: 'replace', path: '/data/color', value: 'red' }] },
        ),
      );
      expect(patched.data).toEqual({ color: 'red' });
    });

    it('answers 404 NotFound for an object that does not exist', async () => {
      const fixture = await clientFixture();
      const status = expectLeft(
        await fixture.client.patch(
          ConfigMaps,
          { namespace: 'default', name: 'missing' },
          { type: 'merge', body: {} },
        ),
      );
      expect(status.reason).toBe('NotFound');
    });

    it('answers 422 Invalid for a patch that makes the object invalid', async () => {
      const fixture = await clientFixture();
      await createSettings(fixture);
      const status = expectLeft(
        await fixture.client.patch(
          ConfigMaps,
          { namespace: 'default', name: 'settings' },
          { type: 'merge', body: { metadata: { labels: { 'bad key!': 'x' } } } },
        ),
      );
      expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
    });
  });

  describe('delete', () => {
    it('answers the deleted object, which is then gone', async () => {
      const fixture = await clientFixture();
      await createSettings(fixture);
      const deleted = expectRight(
        await fixture.client.delete(ConfigMaps, { namespace: 'default', name: 'settings' }),
      );
      expect(deleted).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'settings' } });
      const status = expectLeft(
        await fixture.client.get(ConfigMaps, { namespace: 'default', name: 'settings' }),
      );
      expect(status.reason).toBe('NotFound');
    });

    it('answers the object as it waits on its finalizers', async () => {
      const fixture = await clientFixture();
      expectRight(
        await fixture.client.create(ConfigMaps, {
          metadata: { name: 'held', namespace: 'default', finalizers: ['example.com/hold'] },
        }),
      );
      const waiting = expectRight(
        await fixture.client.delete(ConfigMaps, { namespace: 'default', name: 'held' }),
      );
      expect(waiting.metadata?.deletionTimestamp).toEqual(expect.any(String));
      expectRight(await fixture.client.get(ConfigMaps, { namespace: 'default', name: 'held' }));
    });

    it('answers 404 NotFound for an object that does not exist', async () => {
      const fixture = await clientFixture();
      const status = expectLeft(
        await fixture.client.delete(Pods, { namespace: 'default', name: 'missing' }),
      );
      expect(status).toMatchObject({ code: 404, reason: 'NotFound' });
    });

    it('answers 409 Conflict when a resourceVersion precondition is stale', async () => {
      const fixture = await clientFixture();
      const created = await createSettings(fixture);
      expectRight(await fixture.client.update(ConfigMaps, { ...created, data: {} }));
      const status = expectLeft(
        await fixture.client.delete(
          ConfigMaps,
          { namespace: 'default', name: 'settings' },
          { preconditions: { resourceVersion: created.metadata?.resourceVersion ?? '' } },
        ),
      );
      expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
    });
  });

  describe('identity', () => {
    it('answers 403 Forbidden to a user without RBAC rights', async () => {
      const fixture = await clientFixture({ authorization: 'RBAC' });
      const alice = fixture.client.asUser(ALICE);
      const status = expectLeft(await alice.list(ConfigMaps, { namespace: 'default' }));
      expect(status).toMatchObject({
        code: 403,
        reason: 'Forbidden',
        message:
          'configmaps is forbidden: User "alice" cannot list resource "configmaps" in API group "" in the namespace "default"',
      });
      const created = expectLeft(await alice.create(ConfigMaps, settings()));
      expect(created.reason).toBe('Forbidden');
      const clusterScoped = expectLeft(await alice.get(ClusterRoles, { name: 'view' }));
      expect(clusterScoped.reason).toBe('Forbidden');
    });

    it('lets the user do what a RoleBinding grants, and nothing more', async () => {
      const fixture = await clientFixture({ authorization: 'RBAC' });
      await createSettings(fixture);
      await grantReadConfigMaps(fixture);
      const alice = fixture.client.asUser(ALICE);
      expectRight(await alice.get(ConfigMaps, { namespace: 'default', name: 'settings' }));
      const elsewhere = expectLeft(await alice.list(ConfigMaps, { namespace: 'kube-system' }));
      expect(elsewhere.reason).toBe('Forbidden');
      const write = expectLeft(
        await alice.delete(ConfigMaps, { namespace: 'default', name: 'settings' }),
      );
      expect(write.reason).toBe('Forbidden');
    });

    it('asUser answers a new client and leaves the original as it was', async () => {
      const fixture = await clientFixture();
      const alice = fixture.client.asUser(ALICE);
      expect(alice).toBeInstanceOf(InProcessClient);
      expect(alice.user).toBe(ALICE);
      expect(alice.server).toBe(fixture.server);
      expect(fixture.client.user).toBe(SYSTEM_ADMIN);
    });

    it('sends each call as one request, as its user', async () => {
      const fixture = await clientFixture();
      const audited: AuditEvent[] = [];
      const subscription = fixture.server.audit$.subscribe((event) => audited.push(event));
      await fixture.client.asUser(ALICE).get(ConfigMaps, { namespace: 'default', name: 'x' });
      subscription.unsubscribe();
      expect(audited).toEqual([
        expect.objectContaining({
          verb: 'get',
          user: ALICE,
          resource: { group: '', version: 'v1', resource: 'configmaps' },
          namespace: 'default',
          name: 'x',
          code: 404,
        }),
      ]);
    });
  });
});
