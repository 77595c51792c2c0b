import { describe, expect, it } from '@jest/globals';
import { left, right } from 'fp-ts/lib/Either.js';
import { forbidden } from '../../../src/api/status/index.js';
import {
  admissionMatches,
  SYSTEM_ADMIN,
  type AdmissionAttributes,
  type MutatingAdmissionPlugin,
  type ValidatingAdmissionPlugin,
} from '../../../src/apiserver/index.js';
import { apiServerFixture, gvr } from '../support/api-server-fixture.js';

const attributes = (overrides: Partial<AdmissionAttributes>): AdmissionAttributes => ({
  operation: 'CREATE',
  user: SYSTEM_ADMIN,
  resource: gvr('deployments.apps'),
  kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
  namespace: 'default',
  name: 'web',
  object: {},
  dryRun: false,
  ...overrides,
});

describe('admissionMatches', () => {
  it.each([
    ['no match rule', undefined, {}, true],
    ['the operation', { operations: ['CREATE' as const] }, {}, true],
    ['another operation', { operations: ['DELETE' as const] }, {}, false],
    ['the resource with its group', { resources: ['deployments.apps'] }, {}, true],
    ['the resource without its group', { resources: ['deployments'] }, {}, false],
    ['any resource', { resources: ['*'] }, {}, true],
    ['a subresource', { resources: ['deployments.apps/scale'] }, { subresource: 'scale' }, true],
    [
      'the main resource for a subresource request',
      { resources: ['deployments.apps'] },
      { subresource: 'scale' },
      false,
    ],
    ['the namespace', { namespaces: ['default'] }, {}, true],
    ['another namespace', { namespaces: ['prod'] }, {}, false],
    [
      'a namespace rule for a cluster-scoped object',
      { namespaces: ['default'] },
      { namespace: undefined },
      false,
    ],
  ] as const)('matches on %s: %s', (_, match, overrides, expected) => {
    const { namespace, ...rest } = overrides as Partial<AdmissionAttributes>;
    const base = attributes(rest);
    const withNamespace: AdmissionAttributes =
      'namespace' in overrides && namespace === undefined
        ? (({ namespace: _dropped, ...others }) => others)(base)
        : base;
    expect(admissionMatches(match, withNamespace)).toBe(expected);
  });
});

const configMap = { metadata: { name: 'cfg' }, data: { a: 'b' } };

describe('admission plugins in the pipeline', () => {
  it("runs matching mutating plugins in order, each on the last one's result, before validation", async () => {
    const seen: string[] = [];
    const label = (name: string, value: string): MutatingAdmissionPlugin => ({
      name,
      match: { operations: ['CREATE'], resources: ['configmaps'] },
      admit: (a) => {
        seen.push(`${name}:${a.object.metadata?.labels?.['team'] ?? '-'}`);
        return right({ ...a.object, metadata: { ...a.object.metadata, labels: { team: value } } });
      },
    });
    const { ok } = apiServerFixture({
      mutatingAdmission: [label('first', 'a'), label('second', 'b')],
    });
    const created = await ok({
      verb: 'create',
      resource: gvr('configmaps'),
      namespace: 'default',
      body: configMap,
    });
    expect(created.metadata?.labels).toStrictEqual({ team: 'b' });
    expect(seen).toStrictEqual(['first:-', 'second:a']);
    const pod = await ok({
      verb: 'create',
      resource: gvr('pods'),
      namespace: 'default',
      body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i' }] } },
    });
    expect(pod.metadata?.labels).toBeUndefined();
  });

  it('validates what mutating plugins wrote: an invalid label is 422', async () => {
    const { fail, store } = apiServerFixture({
      mutatingAdmission: [
        {
          name: 'bad',
          admit: (a) =>
            right({ ...a.object, metadata: { ...a.object.metadata, labels: { 'bad key!': 'x' } } }),
        },
      ],
    });
    const before = store.revision;
    const status = await fail({
      verb: 'create',
      resource: gvr('configmaps'),
      namespace: 'default',
      body: configMap,
    });
    expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(status.details?.causes?.[0]?.field).toBe('metadata.labels');
    expect(store.revision).toBe(before);
  });

  it("answers a plugin's refusal as it gave it, and writes nothing", async () => {
    const refusal = forbidden({
      user: 'system:admin',
      verb: 'create',
      resource: 'configmaps',
      namespace: 'default',
      reason: 'policy says no',
    });
    const validating: ValidatingAdmissionPlugin = {
      name: 'policy',
      match: { operations: ['CREATE', 'UPDATE'] },
      validate: (a) =>
        Promise.resolve(a.object['data'] === undefined ? right(undefined) : left(refusal)),
    };
    const { fail, store } = apiServerFixture({ validatingAdmission: [validating] });
    const before = store.revision;
    expect(
      await fail({
        verb: 'create',
        resource: gvr('configmaps'),
        namespace: 'default',
        body: configMap,
      }),
    ).toStrictEqual(refusal);
    expect(store.revision).toBe(before);
  });

  it('tells plugins the operation, the old object on updates, and dry runs', async () => {
    const seen: AdmissionAttributes[] = [];
    const { ok } = apiServerFixture({
      validatingAdmission: [{ name: 'spy', validate: (a) => (seen.push(a), right(undefined)) }],
    });
    const created = await ok({
      verb: 'create',
      resource: gvr('configmaps'),
      namespace: 'default',
      body: configMap,
    });
    await ok({
      verb: 'update',
      resource: gvr('configmaps'),
      namespace: 'default',
      name: 'cfg',
      body: { ...created, data: { a: 'c' } },
      options: { dryRun: true },
    });
    await ok({ verb: 'delete', resource: gvr('configmaps'), namespace: 'default', name: 'cfg' });
    expect(seen.map((a) => [a.operation, a.dryRun, a.oldObject?.['data']])).toStrictEqual([
      ['CREATE', false, undefined],
      ['UPDATE', true, { a: 'b' }],
      ['DELETE', false, { a: 'b' }],
    ]);
    expect(seen[1]?.object['data']).toStrictEqual({ a: 'c' });
  });
});
