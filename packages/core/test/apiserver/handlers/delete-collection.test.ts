import { describe, expect, it } from '@jest/globals';
import type { ApiObject } from '../../../src/apiserver/index.js';
import { apiServerFixture, gvr } from '../support/api-server-fixture.js';
import { configMapBody, inNamespace } from './handler-test-support.js';

type Fixture = ReturnType<typeof apiServerFixture>;

const names = (list: ApiObject): string[] =>
  (list['items'] as ApiObject[]).map((item) => item.metadata?.name ?? '');

async function seed(fixture: Fixture): Promise<void> {
  await fixture.ok(
    inNamespace('configmaps', { verb: 'create', body: configMapBody('a', {}, { app: 'web' }) }),
  );
  await fixture.ok(
    inNamespace('configmaps', { verb: 'create', body: configMapBody('b', {}, { app: 'db' }) }),
  );
  await fixture.ok(
    inNamespace('configmaps', { verb: 'create', body: configMapBody('c', {}, { app: 'web' }) }),
  );
  await fixture.ok({
    verb: 'create',
    resource: gvr('configmaps'),
    namespace: 'other',
    body: configMapBody('d', {}, { app: 'web' }),
  });
}

describe('deletecollection', () => {
  it('deletes the objects the label selector selects in the namespace, and answers them', async () => {
    const fixture = apiServerFixture();
    await seed(fixture);
    const deleted = await fixture.ok(
      inNamespace('configmaps', {
        verb: 'deletecollection',
        options: { labelSelector: 'app=web' },
      }),
    );
    expect(deleted).toMatchObject({ kind: 'ConfigMapList', metadata: { resourceVersion: '4' } });
    expect(names(deleted)).toEqual(['a', 'c']);
    const left = await fixture.ok({ verb: 'list', resource: gvr('configmaps') });
    expect(names(left)).toEqual(['b', 'd']);
  });

  it('deletes across namespaces without a namespace', async () => {
    const fixture = apiServerFixture();
    await seed(fixture);
    await fixture.ok({
      verb: 'deletecollection',
      resource: gvr('configmaps'),
      options: { labelSelector: 'app=web' },
    });
    expect(names(await fixture.ok({ verb: 'list', resource: gvr('configmaps') }))).toEqual(['b']);
  });

  it('marks objects with finalizers instead of deleting them', async () => {
    const fixture = apiServerFixture();
    await fixture.ok(
      inNamespace('configmaps', {
        verb: 'create',
        body: { metadata: { name: 'kept', finalizers: ['example.com/x'] } },
      }),
    );
    const deleted = await fixture.ok(inNamespace('configmaps', { verb: 'deletecollection' }));
    expect((deleted['items'] as ApiObject[])[0]?.metadata?.deletionTimestamp).toBe(
      '2025-01-01T00:00:00Z',
    );
    expect(names(await fixture.ok(inNamespace('configmaps', { verb: 'list' })))).toEqual(['kept']);
  });

  it('answers 400 for a bad selector and deletes nothing', async () => {
    const fixture = apiServerFixture();
    await seed(fixture);
    const status = await fixture.fail(
      inNamespace('configmaps', {
        verb: 'deletecollection',
        options: { labelSelector: 'app in (' },
      }),
    );
    expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(fixture.store.revision).toBe(4);
  });

  it('persists nothing on a dry run', async () => {
    const fixture = apiServerFixture();
    await seed(fixture);
    const deleted = await fixture.ok(
      inNamespace('configmaps', { verb: 'deletecollection', options: { dryRun: true } }),
    );
    expect(names(deleted)).toEqual(['a', 'b', 'c']);
    expect(fixture.store.revision).toBe(4);
  });
});
