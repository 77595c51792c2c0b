import { describe, expect, it } from '@jest/globals';
import * as t from 'io-ts';
import { Int32 } from '../../../src/api/codec/index.js';
import { defineCustomResource } from '../../../src/apiserver/index.js';
import { gvr } from '../support/api-server-fixture.js';
import { runningServer } from '../support/running-server.js';

const crontabs = { group: 'stable.example.com', version: 'v1', resource: 'crontabs' };

/** The upstream sample CRD, with status and scale subresources and printer columns. */
const CRONTAB_CRD = {
  metadata: { name: 'crontabs.stable.example.com' },
  spec: {
    group: 'stable.example.com',
    scope: 'Namespaced',
    names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', shortNames: ['ct'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: {
          status: {},
          scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' },
        },
        additionalPrinterColumns: [{ name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' }],
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  cronSpec: {
                    type: 'string',
                    pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$',
                  },
                  image: { type: 'string' },
                  replicas: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
                },
                required: ['cronSpec'],
              },
              status: { type: 'object', properties: { replicas: { type: 'integer' } } },
            },
          },
        },
      },
    ],
  },
};

describe('custom resource definitions', () => {
  it('serves a CRD once created: accepted names, established, and objects validated, pruned and defaulted', async () => {
    const { ok, fail, settled } = await runningServer();
    await ok({
      verb: 'create',
      resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
      body: CRONTAB_CRD,
    });
    await settled();
    const crd = await ok({
      verb: 'get',
      resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
      name: 'crontabs.stable.example.com',
    });
    expect(crd['status']).toMatchObject({
      acceptedNames: {
        plural: 'crontabs',
        kind: 'CronTab',
        listKind: 'CronTabList',
        singular: 'crontab',
      },
      storedVersions: ['v1'],
      conditions: [
        { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts' },
        { type: 'Established', status: 'True', reason: 'InitialNamesAccepted' },
      ],
    });
    expect(crd.metadata?.finalizers).toStrictEqual(['customresourcecleanup.apiextensions.k8s.io']);

    const created = await ok({
      verb: 'create',
      resource: crontabs,
      namespace: 'default',
      body: {
        apiVersion: 'stable.example.com/v1',
        kind: 'CronTab',
        metadata: { name: 'tick' },
        spec: { cronSpec: '* * * * */5', image: 'tick:1', colour: 'red' },
        status: { replicas: 3 },
      },
    });
    expect(created).toMatchObject({
      kind: 'CronTab',
      metadata: { generation: 1 },
      spec: { cronSpec: '* * * * */5', image: 'tick:1', replicas: 1 },
    });
    expect(created['spec']).not.toHaveProperty('colour');
    expect(created).not.toHaveProperty('status');

    const invalid = await fail({
      verb: 'create',
      resource: crontabs,
      namespace: 'default',
      body: { metadata: { name: 'bad' }, spec: { cronSpec: 'never', replicas: 11 } },
    });
    expect(invalid).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(invalid.details?.causes?.map((cause) => cause.field)).toStrictEqual([
      'spec.cronSpec',
      'spec.replicas',
    ]);

    const strict = await fail({
      verb: 'create',
      resource: crontabs,
      namespace: 'default',
      body: { metadata: { name: 'strict' }, spec: { cronSpec: '* * * * *', colour: 'red' } },
      options: { fieldValidation: 'Strict' },
    });
    expect(strict).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(strict.message).toContain('unknown field "spec.colour"');
  });

  it('serves the status and scale subresources and refuses strategic merge patches', async () => {
    const { ok, fail } = await runningServer();
    await ok({
      verb: 'create',
      resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
      body: CRONTAB_CRD,
    });
    await ok({
      verb: 'create',
      resource: crontabs,
      namespace: 'default',
      body: { metadata: { name: 'tick' }, spec: { cronSpec: '* * * * *' } },
    });
    const withStatus = await ok({
      verb: 'patch',
      patchType: 'merge',
      resource: crontabs,
      subresource: 'status',
      namespace: 'default',
      name: 'tick',
      body: { status: { replicas: 2 }, spec: { replicas: 9 } },
    });
    expect(withStatus).toMatchObject({
      spec: { replicas: 1 },
      status: { replicas: 2 },
      metadata: { generation: 1 },
    });
    const scale = await ok({
      verb: 'patch',
      patchType: 'merge',
      resource: crontabs,
      subresource: 'scale',
      namespace: 'default',
      name: 'tick',
      body: { spec: { replicas: 4 } },
    });
    expect(scale).toMatchObject({ kind: 'Scale', spec: { replicas: 4 }, status: { replicas: 2 } });
    const scaled = await ok({
      verb: 'get',
      resource: crontabs,
      namespace: 'default',
      name: 'tick',
    });
    expect(scaled).toMatchObject({ spec: { replicas: 4 }, metadata: { generation: 2 } });
    const strategic = await fail({
      verb: 'patch',
      patchType: 'strategic',
      resource: crontabs,
      namespace: 'default',
      name: 'tick',
      body: { spec: { image: 'x' } },
    });
    expect(strategic).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
  });

  it('does not serve a CRD whose names another resource of its group uses', async () => {
    const { ok, settled, send } = await runningServer();
    await ok({
      verb: 'create',
      resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
      body: CRONTAB_CRD,
    });
    const clash = {
      ...CRONTAB_CRD,
      metadata: { name: 'cronjobs.stable.example.com' },
      spec: { ...CRONTAB_CRD.spec, names: { plural: 'cronjobs', kind: 'CronTab' } },
    };
    await ok({
      verb: 'create',
      resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
      body: clash,
    });
    await settled();
    const crd = await ok({
      verb: 'get',
      resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
      name: 'cronjobs.stable.example.com',
    });
    expect(crd['status']).toMatchObject({
      conditions: [
        { type: 'NamesAccepted', status: 'False', reason: 'NameConflict' },
        { type: 'Established', status: 'False' },
      ],
    });
    const listed = await send({
      verb: 'list',
      resource: { ...crontabs, resource: 'cronjobs' },
      namespace: 'default',
    });
    expect(listed).toMatchObject({ left: { code: 404 } });
  });

  it('deletes the objects of a deleted CRD and stops serving it', async () => {
    const { ok, fail, settled, store } = await runningServer();
    await ok({
      verb: 'create',
      resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
      body: CRONTAB_CRD,
    });
    await ok({
      verb: 'create',
      resource: crontabs,
      namespace: 'default',
      body: { metadata: { name: 'a' }, spec: { cronSpec: '* * * * *' } },
    });
    await ok({
      verb: 'create',
      resource: crontabs,
      namespace: 'kube-system',
      body: { metadata: { name: 'b' }, spec: { cronSpec: '* * * * *' } },
    });
    await settled();
    await ok({
      verb: 'delete',
      resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
      name: 'crontabs.stable.example.com',
    });
    await settled();
    expect(
      (
        await fail({
          verb: 'get',
          resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
          name: 'crontabs.stable.example.com',
        })
      ).code,
    ).toBe(404);
    expect((await fail({ verb: 'list', resource: crontabs })).code).toBe(404);
    const left = await store.range({ prefix: '/registry/stable.example.com/' });
    expect(left).toMatchObject({ right: { count: 0 } });
  });

  it('serves a resource defined from io-ts codecs', async () => {
    const { ok, fail } = await runningServer();
    const Backup = defineCustomResource({
      group: 'ops.example.com',
      version: 'v1alpha1',
      kind: 'Backup',
      plural: 'backups',
      scope: 'Namespaced',
      spec: t.intersection([t.type({ schedule: t.string }), t.partial({ keep: Int32 })]),
      status: t.partial({ lastRun: t.string }),
    });
    await ok({
      verb: 'create',
      resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
      body: Backup.crd,
    });
    const backups = { group: 'ops.example.com', version: 'v1alpha1', resource: 'backups' };
    const created = await ok({
      verb: 'create',
      resource: backups,
      namespace: 'default',
      body: { metadata: { name: 'nightly' }, spec: { schedule: '@daily', keep: 7 } },
    });
    expect(created).toMatchObject({
      apiVersion: 'ops.example.com/v1alpha1',
      kind: 'Backup',
      spec: { schedule: '@daily', keep: 7 },
    });
    const missing = await fail({
      verb: 'create',
      resource: backups,
      namespace: 'default',
      body: { metadata: { name: 'x' }, spec: { keep: 'seven' } },
    });
    expect(missing.details?.causes?.map((cause) => [cause.reason, cause.field])).toStrictEqual([
      ['FieldValueRequired', 'spec.schedule'],
      ['FieldValueTypeInvalid', 'spec.keep'],
    ]);
  });
});
