import { describe, expect, it } from '@jest/globals';
import { gvr } from '../support/api-server-fixture.js';
import { runningServer } from '../support/running-server.js';

const configMap = (name: string) => ({ metadata: { name }, data: { a: 'b' } });

describe('NamespaceLifecycle', () => {
  it('lets objects be created in a namespace that exists', async () => {
    const { ok } = await runningServer();
    const created = await ok({
      verb: 'create',
      resource: gvr('configmaps'),
      namespace: 'default',
      body: configMap('a'),
    });
    expect(created.metadata?.namespace).toBe('default');
  });

  it('refuses creates in a namespace that does not exist with 404 and leaves the store alone', async () => {
    const { fail, store } = await runningServer();
    const before = store.revision;
    const status = await fail({
      verb: 'create',
      resource: gvr('configmaps'),
      namespace: 'nowhere',
      body: configMap('a'),
    });
    expect(status).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'namespaces "nowhere" not found',
    });
    expect(store.revision).toBe(before);
  });

  it('refuses creates in a namespace being deleted with 403 NamespaceTerminating', async () => {
    const { ok, fail } = await runningServer();
    await ok({
      verb: 'create',
      resource: gvr('namespaces'),
      body: { metadata: { name: 'team', finalizers: ['example.com/hold'] } },
    });
    await ok({ verb: 'delete', resource: gvr('namespaces'), name: 'team' });
    const status = await fail({
      verb: 'create',
      resource: gvr('configmaps'),
      namespace: 'team',
      body: configMap('a'),
    });
    expect(status).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message:
        'configmaps "a" is forbidden: unable to create new content in namespace team because it is being terminated',
      details: { causes: [{ reason: 'NamespaceTerminating', field: 'metadata.namespace' }] },
    });
  });

  it('refuses to delete the system namespaces', async () => {
    const { fail } = await runningServer();
    for (const name of ['default', 'kube-system', 'kube-public']) {
      const status = await fail({ verb: 'delete', resource: gvr('namespaces'), name });
      expect(status).toMatchObject({
        code: 403,
        message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
      });
    }
  });

  it('creates the system namespaces when the server starts, once', async () => {
    const { ok } = await runningServer();
    const list = await ok({ verb: 'list', resource: gvr('namespaces') });
    const names = (list['items'] as { metadata: { name: string } }[]).map(
      (item) => item.metadata.name,
    );
    expect(names.sort()).toStrictEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
  });
});
