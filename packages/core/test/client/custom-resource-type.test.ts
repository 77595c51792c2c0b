import { describe, expect, it } from '@jest/globals';
import * as t from 'io-ts';
import { Int32 } from '../../src/api/codec/index.js';
import { defineCustomResource } from '../../src/apiserver/index.js';
import { CustomResourceDefinitionsType } from '../../src/client/built-in-types.js';
import { customResourceType } from '../../src/client/custom-resource-type.js';
import { expectLeft, expectRight } from '../support/either.js';
import { clientFixture, record, settle, type ClientFixture } from './support/client-fixture.js';

const Backup = defineCustomResource({
  group: 'ops.example.com',
  version: 'v1',
  kind: 'Backup',
  plural: 'backups',
  scope: 'Namespaced',
  spec: t.intersection([t.type({ schedule: t.string }), t.partial({ keep: Int32 })]),
  status: t.partial({ lastRun: t.string }),
});

const Backups = customResourceType(Backup);

const NIGHTLY = { namespace: 'default', name: 'nightly' };

/** A Backup's `apiVersion` and `kind`, which its type requires. */
const BACKUP_TYPE_META = { apiVersion: Backup.apiVersion, kind: Backup.kind };

async function serveBackups(): Promise<ClientFixture> {
  const fixture = await clientFixture();
  expectRight(await fixture.client.create(CustomResourceDefinitionsType, Backup.crd));
  await fixture.settled();
  return fixture;
}

describe('customResourceType', () => {
  it("takes the group, version, kind, plural and scope from the definition's CRD", () => {
    expect(Backups).toEqual({
      group: 'ops.example.com',
      version: 'v1',
      kind: 'Backup',
      plural: 'backups',
      namespaced: true,
      codec: Backup.codec,
    });
    expect(Object.isFrozen(Backups)).toBe(true);
  });

  it('makes a cluster-scoped type of a cluster-scoped definition', () => {
    const Tenant = defineCustomResource({
      group: 'platform.example.com',
      version: 'v1alpha1',
      kind: 'Tenant',
      plural: 'tenants',
      scope: 'Cluster',
      spec: t.type({ owner: t.string }),
    });
    expect(customResourceType(Tenant)).toMatchObject({
      group: 'platform.example.com',
      version: 'v1alpha1',
      namespaced: false,
    });
  });

  it('creates, reads, lists and watches custom resources through the client', async () => {
    const { client } = await serveBackups();
    const recorder = record(client.watch(Backups, { namespace: 'default' }));
    await settle();
    const created = expectRight(
      await client.create(Backups, {
        ...BACKUP_TYPE_META,
        metadata: NIGHTLY,
        spec: { schedule: '@daily', keep: 3 },
      }),
    );
    expect(created).toMatchObject({ apiVersion: 'ops.example.com/v1', kind: 'Backup' });
    const got = expectRight(await client.get(Backups, NIGHTLY));
    expect(got.spec).toEqual({ schedule: '@daily', keep: 3 });
    const list = expectRight(await client.list(Backups));
    expect(list.items).toEqual([got]);
    expect(recorder.events).toEqual([{ type: 'ADDED', object: created }]);
    recorder.stop();
  });

  it('writes the status through the status subresource', async () => {
    const { client } = await serveBackups();
    const created = expectRight(
      await client.create(Backups, {
        ...BACKUP_TYPE_META,
        metadata: NIGHTLY,
        spec: { schedule: '@daily' },
      }),
    );
    const updated = expectRight(
      await client.updateStatus(Backups, {
        ...created,
        spec: { schedule: '@hourly' },
        status: { lastRun: '2024-01-01T00:00:00Z' },
      }),
    );
    expect(updated.status).toEqual({ lastRun: '2024-01-01T00:00:00Z' });
    expect(updated.spec.schedule).toBe('@daily');
  });

  it('answers 422 Invalid with the field path for a spec that breaks the schema', async () => {
    const { client } = await serveBackups();
    const status = expectLeft(
      await client.create(Backups, {
        ...BACKUP_TYPE_META,
        metadata: NIGHTLY,
        spec: { schedule: 7 as unknown as string },
      }),
    );
    expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(status.details?.causes).toContainEqual(
      expect.objectContaining({ field: 'spec.schedule' }),
    );
  });

  it('answers 404 while the CRD does not exist', async () => {
    const { client } = await clientFixture();
    const status = expectLeft(await client.get(Backups, NIGHTLY));
    expect(status.code).toBe(404);
  });
});
