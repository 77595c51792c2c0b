import { describe, expect, it } from '@jest/globals';
import type { ApiObject } from '../../../src/apiserver/index.js';
import { apiServerFixture, gvr } from '../support/api-server-fixture.js';
import { configMapBody, inNamespace, NAMESPACE, podBody } from './handler-test-support.js';

type Fixture = ReturnType<typeof apiServerFixture>;

/** A list's continue token; `''` (no token) when it has none. */
const continueOf = (list: ApiObject): string => listMeta(list).continue ?? '';

/** A list's metadata: its continue token and remaining item count. */
const listMeta = (list: ApiObject): { continue?: string; remainingItemCount?: number } =>
  (list.metadata ?? {}) as { continue?: string; remainingItemCount?: number };

const namesOf = (list: ApiObject): string[] =>
  (list['items'] as ApiObject[]).map((item) => item.metadata?.name ?? '');

async function createConfigMaps(
  fixture: Fixture,
  names: readonly string[],
  namespace = NAMESPACE,
): Promise<void> {
  for (const name of names) {
    await fixture.ok({
      verb: 'create',
      resource: gvr('configmaps'),
      namespace,
      body: configMapBody(name, { v: '1' }, { name }),
    });
  }
}

const listConfigMaps = (options: NonNullable<Parameters<typeof inNamespace>[1]['options']>) =>
  inNamespace('configmaps', { verb: 'list', options });

describe('get', () => {
  it('answers 404 NotFound with upstream message and details', async () => {
    const { fail } = apiServerFixture();
    const status = await fail(inNamespace('deployments.apps', { verb: 'get', name: 'web' }));
    expect(status).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'deployments.apps "web" not found',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
  });

  it('reads the latest object for an unset resourceVersion, "0" and a version not newer than now', async () => {
    const fixture = apiServerFixture();
    await createConfigMaps(fixture, ['a']);
    const updated = await fixture.ok(
      inNamespace('configmaps', {
        verb: 'update',
        name: 'a',
        body: configMapBody('a', { v: '2' }),
      }),
    );
    for (const resourceVersion of [undefined, '0', '1', '2']) {
      const got = await fixture.ok(
        inNamespace('configmaps', {
          verb: 'get',
          name: 'a',
          ...(resourceVersion === undefined ? {} : { options: { resourceVersion } }),
        }),
      );
      expect(got).toBe(updated);
    }
  });

  it('reads the object as it was at an old revision with resourceVersionMatch=Exact', async () => {
    const fixture = apiServerFixture();
    await createConfigMaps(fixture, ['a']);
    await fixture.ok(
      inNamespace('configmaps', {
        verb: 'update',
        name: 'a',
        body: configMapBody('a', { v: '2' }),
      }),
    );
    const old = await fixture.ok(
      inNamespace('configmaps', {
        verb: 'get',
        name: 'a',
        options: { resourceVersion: '1', resourceVersionMatch: 'Exact' },
      }),
    );
    expect(old).toMatchObject({ data: { v: '1' }, metadata: { resourceVersion: '1' } });
  });

  it('answers 504 for a resourceVersion newer than the store', async () => {
    const fixture = apiServerFixture();
    await createConfigMaps(fixture, ['a']);
    const status = await fixture.fail(
      inNamespace('configmaps', { verb: 'get', name: 'a', options: { resourceVersion: '50' } }),
    );
    expect(status).toMatchObject({
      code: 504,
      reason: 'Timeout',
      message: 'Timeout: Too large resource version: 50, current: 1',
    });
  });

  it('answers 410 Expired for an exact revision that was compacted', async () => {
    const fixture = apiServerFixture();
    await createConfigMaps(fixture, ['a']);
    await fixture.ok(
      inNamespace('configmaps', {
        verb: 'update',
        name: 'a',
        body: configMapBody('a', { v: '2' }),
      }),
    );
    await fixture.store.compact(2);
    const status = await fixture.fail(
      inNamespace('configmaps', {
        verb: 'get',
        name: 'a',
        options: { resourceVersion: '1', resourceVersionMatch: 'Exact' },
      }),
    );
    expect(status).toMatchObject({
      code: 410,
      reason: 'Expired',
      message: 'too old resource version: 1 (2)',
    });
  });

  it('answers 400 for a resourceVersion that is not a number', async () => {
    const { fail } = apiServerFixture();
    const status = await fail(
      inNamespace('configmaps', { verb: 'get', name: 'a', options: { resourceVersion: 'abc' } }),
    );
    expect(status).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'invalid resource version: "abc"',
    });
  });
});

describe('list', () => {
  it('answers a <Kind>List at the store revision, in name order', async () => {
    const fixture = apiServerFixture();
    await createConfigMaps(fixture, ['b', 'a', 'c']);
    const list = await fixture.ok(listConfigMaps({}));
    expect(list).toMatchObject({
      apiVersion: 'v1',
      kind: 'ConfigMapList',
      metadata: { resourceVersion: '3' },
    });
    expect(namesOf(list)).toEqual(['a', 'b', 'c']);
  });

  it('lists an empty resource at the store revision with no items', async () => {
    const fixture = apiServerFixture();
    await createConfigMaps(fixture, ['a']);
    const list = await fixture.ok(inNamespace('secrets', { verb: 'list' }));
    expect(list).toMatchObject({
      kind: 'SecretList',
      metadata: { resourceVersion: '1' },
      items: [],
    });
  });

  it('lists every namespace when the request has none, and one namespace otherwise', async () => {
    const fixture = apiServerFixture();
    await createConfigMaps(fixture, ['a']);
    await createConfigMaps(fixture, ['b'], 'other');
    const all = await fixture.ok({ verb: 'list', resource: gvr('configmaps') });
    expect(
      (all['items'] as ApiObject[]).map(
        (item) => `${item.metadata?.namespace}/${item.metadata?.name}`,
      ),
    ).toEqual(['default/a', 'other/b']);
    expect(
      namesOf(await fixture.ok({ verb: 'list', resource: gvr('configmaps'), namespace: 'other' })),
    ).toEqual(['b']);
  });

  it('lists the objects as they were with resourceVersionMatch=Exact', async () => {
    const fixture = apiServerFixture();
    await createConfigMaps(fixture, ['a', 'b']);
    await fixture.ok(inNamespace('configmaps', { verb: 'delete', name: 'a' }));
    const old = await fixture.ok(
      listConfigMaps({ resourceVersion: '1', resourceVersionMatch: 'Exact' }),
    );
    expect(old.metadata?.resourceVersion).toBe('1');
    expect(namesOf(old)).toEqual(['a']);
    const notOlder = await fixture.ok(
      listConfigMaps({ resourceVersion: '1', resourceVersionMatch: 'NotOlderThan' }),
    );
    expect(notOlder.metadata?.resourceVersion).toBe('3');
    expect(namesOf(notOlder)).toEqual(['b']);
  });

  it('answers 504 for a resourceVersion newer than the store', async () => {
    const fixture = apiServerFixture();
    const status = await fixture.fail(listConfigMaps({ resourceVersion: '5' }));
    expect(status).toMatchObject({
      code: 504,
      message: 'Timeout: Too large resource version: 5, current: 0',
    });
  });

  it('answers 410 for an exact revision that was compacted', async () => {
    const fixture = apiServerFixture();
    await createConfigMaps(fixture, ['a', 'b', 'c']);
    await fixture.store.compact(3);
    const status = await fixture.fail(
      listConfigMaps({ resourceVersion: '1', resourceVersionMatch: 'Exact' }),
    );
    expect(status).toMatchObject({ code: 410, reason: 'Expired' });
  });

  it('answers 422 for resourceVersionMatch without a resourceVersion, and for Exact with "0"', async () => {
    const fixture = apiServerFixture();
    const missing = await fixture.fail(listConfigMaps({ resourceVersionMatch: 'Exact' }));
    expect(missing).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message:
        'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    });
    const zero = await fixture.fail(
      listConfigMaps({ resourceVersion: '0', resourceVersionMatch: 'Exact' }),
    );
    expect(zero.details?.causes).toEqual([
      {
        reason: 'FieldValueForbidden',
        field: 'resourceVersionMatch',
        message: 'Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
      },
    ]);
  });

  describe('selectors', () => {
    async function createPods(fixture: Fixture): Promise<void> {
      await fixture.ok(
        inNamespace('pods', {
          verb: 'create',
          body: podBody('p1', { nodeName: 'n1', labels: { app: 'web', tier: 'fe' } }),
        }),
      );
      await fixture.ok(
        inNamespace('pods', {
          verb: 'create',
          body: podBody('p2', { nodeName: 'n2', labels: { app: 'web' } }),
        }),
      );
      await fixture.ok(
        inNamespace('pods', { verb: 'create', body: podBody('p3', { labels: { app: 'db' } }) }),
      );
    }
    const listPods = (options: object) => inNamespace('pods', { verb: 'list', options });

    it.each([
      ['app=web', ['p1', 'p2']],
      ['app!=web', ['p3']],
      ['tier', ['p1']],
      ['!tier', ['p2', 'p3']],
      ['app in (db,cache)', ['p3']],
      ['app=web,tier=fe', ['p1']],
    ])('selects pods by the label selector %s', async (labelSelector, expected) => {
      const fixture = apiServerFixture();
      await createPods(fixture);
      expect(namesOf(await fixture.ok(listPods({ labelSelector })))).toEqual(expected);
    });

    it.each([
      ['spec.nodeName=n1', ['p1']],
      ['spec.nodeName=', ['p3']],
      ['spec.nodeName!=n1', ['p2', 'p3']],
      ['status.phase=Pending', ['p1', 'p2', 'p3']],
      ['status.phase=Running', []],
      ['metadata.name=p2', ['p2']],
    ])('selects pods by the field selector %s', async (fieldSelector, expected) => {
      const fixture = apiServerFixture();
      await createPods(fixture);
      expect(namesOf(await fixture.ok(listPods({ fieldSelector })))).toEqual(expected);
    });

    it('answers 400 for a field the resource cannot select on', async () => {
      const fixture = apiServerFixture();
      const status = await fixture.fail(listPods({ fieldSelector: 'spec.dnsPolicy=Default' }));
      expect(status).toMatchObject({
        code: 400,
        reason: 'BadRequest',
        message: 'field label not supported: spec.dnsPolicy',
      });
    });

    it('answers 400 for a label selector that does not parse', async () => {
      const fixture = apiServerFixture();
      const status = await fixture.fail(listPods({ labelSelector: 'app in (web' }));
      expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
    });

    it('pages through a filtered list', async () => {
      const fixture = apiServerFixture();
      await createPods(fixture);
      const first = await fixture.ok(listPods({ labelSelector: 'app=web', limit: 1 }));
      expect(namesOf(first)).toEqual(['p1']);
      expect(listMeta(first).remainingItemCount).toBeUndefined();
      const second = await fixture.ok(
        listPods({ labelSelector: 'app=web', limit: 1, continue: continueOf(first) }),
      );
      expect(namesOf(second)).toEqual(['p2']);
    });
  });

  describe('pagination', () => {
    it('pages with limit and continue, with remainingItemCount, at one resourceVersion', async () => {
      const fixture = apiServerFixture();
      await createConfigMaps(fixture, ['a', 'b', 'c', 'd', 'e']);
      const first = await fixture.ok(listConfigMaps({ limit: 2 }));
      expect(namesOf(first)).toEqual(['a', 'b']);
      expect(first.metadata).toMatchObject({ resourceVersion: '5', remainingItemCount: 3 });
      // Writes between pages do not show in later pages.
      await fixture.ok(inNamespace('configmaps', { verb: 'delete', name: 'c' }));
      await createConfigMaps(fixture, ['cc']);
      const second = await fixture.ok(listConfigMaps({ limit: 2, continue: continueOf(first) }));
      expect(namesOf(second)).toEqual(['c', 'd']);
      expect(second.metadata).toMatchObject({ resourceVersion: '5', remainingItemCount: 1 });
      const third = await fixture.ok(listConfigMaps({ limit: 2, continue: continueOf(second) }));
      expect(namesOf(third)).toEqual(['e']);
      expect(third.metadata?.resourceVersion).toBe('5');
      expect(listMeta(third).continue).toBeUndefined();
      expect(listMeta(third).remainingItemCount).toBeUndefined();
    });

    it('gives no continue token when the page holds the last item', async () => {
      const fixture = apiServerFixture();
      await createConfigMaps(fixture, ['a', 'b']);
      const page = await fixture.ok(listConfigMaps({ limit: 2 }));
      expect(listMeta(page).continue).toBeUndefined();
    });

    it('reads the first page exactly at a resourceVersion given with limit, as upstream', async () => {
      const fixture = apiServerFixture();
      await createConfigMaps(fixture, ['a', 'b', 'c']);
      await fixture.ok(inNamespace('configmaps', { verb: 'delete', name: 'a' }));
      const page = await fixture.ok(listConfigMaps({ limit: 2, resourceVersion: '2' }));
      expect(page.metadata?.resourceVersion).toBe('2');
      expect(namesOf(page)).toEqual(['a', 'b']);
    });

    it('answers 410 Expired for a continue token whose revision was compacted', async () => {
      const fixture = apiServerFixture();
      await createConfigMaps(fixture, ['a', 'b', 'c']);
      const first = await fixture.ok(listConfigMaps({ limit: 1 }));
      await createConfigMaps(fixture, ['d']);
      await fixture.store.compact(4);
      const status = await fixture.fail(listConfigMaps({ limit: 1, continue: continueOf(first) }));
      expect(status).toMatchObject({ code: 410, reason: 'Expired' });
      expect(status.message).toMatch(
        /^The provided continue parameter is too old to display a consistent list result\./,
      );
    });

    it('answers 400 for a continue token it did not write', async () => {
      const fixture = apiServerFixture();
      const status = await fixture.fail(listConfigMaps({ limit: 1, continue: 'not-a-token' }));
      expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
      expect(status.message).toMatch(/^invalid continue token: continue key is not valid: /);
    });

    it('answers 400 for a resourceVersion with a continue token, as upstream', async () => {
      const fixture = apiServerFixture();
      await createConfigMaps(fixture, ['a', 'b']);
      const first = await fixture.ok(listConfigMaps({ limit: 1 }));
      const status = await fixture.fail(
        listConfigMaps({ limit: 1, continue: continueOf(first), resourceVersion: '2' }),
      );
      expect(status).toMatchObject({
        code: 400,
        reason: 'BadRequest',
        message: 'specifying resource version is not allowed when using continue',
      });
      const zero = await fixture.ok(
        listConfigMaps({ limit: 1, continue: continueOf(first), resourceVersion: '0' }),
      );
      expect(namesOf(zero)).toEqual(['b']);
    });

    it('answers 422 for resourceVersionMatch with a continue token', async () => {
      const fixture = apiServerFixture();
      await createConfigMaps(fixture, ['a', 'b']);
      const first = await fixture.ok(listConfigMaps({ limit: 1 }));
      const status = await fixture.fail(
        listConfigMaps({
          limit: 1,
          continue: continueOf(first),
          resourceVersion: '2',
          resourceVersionMatch: 'NotOlderThan',
        }),
      );
      expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
      expect(status.details?.causes).toEqual([
        {
          reason: 'FieldValueForbidden',
          field: 'resourceVersionMatch',
          message: 'Forbidden: resourceVersionMatch is forbidden when continue is provided',
        },
      ]);
    });

    it('pages an all-namespace list across namespaces', async () => {
      const fixture = apiServerFixture();
      await createConfigMaps(fixture, ['a']);
      await createConfigMaps(fixture, ['b', 'c'], 'other');
      const first = await fixture.ok({
        verb: 'list',
        resource: gvr('configmaps'),
        options: { limit: 2 },
      });
      expect(listMeta(first).remainingItemCount).toBe(1);
      const second = await fixture.ok({
        verb: 'list',
        resource: gvr('configmaps'),
        options: { limit: 2, continue: continueOf(first) },
      });
      expect([...namesOf(first), ...namesOf(second)]).toEqual(['a', 'b', 'c']);
    });

    it('never reads another namespace with a token from a wider list', async () => {
      const fixture = apiServerFixture();
      await createConfigMaps(fixture, ['a']);
      await createConfigMaps(fixture, ['b'], 'other');
      await createConfigMaps(fixture, ['z'], 'zzz');
      const first = await fixture.ok({
        verb: 'list',
        resource: gvr('configmaps'),
        options: { limit: 1 },
      });
      const page = await fixture.ok({
        verb: 'list',
        resource: gvr('configmaps'),
        namespace: 'other',
        options: { limit: 5, continue: continueOf(first) },
      });
      expect(namesOf(page)).toEqual(['b']);
    });
  });
});
