import { describe, expect, it } from '@jest/globals';
import { humanDuration } from '../../../src/apiserver/index.js';
import { gvr } from '../support/api-server-fixture.js';
import { runningServer } from '../support/running-server.js';

describe('humanDuration', () => {
  it.each([
    [-5_000, '<invalid>'],
    [-500, '0s'],
    [45_000, '45s'],
    [119_000, '119s'],
    [150_000, '2m30s'],
    [180_000, '3m'],
    [15 * 60_000, '15m'],
    [(5 * 60 + 10) * 60_000, '5h10m'],
    [5 * 3_600_000, '5h'],
    [20 * 3_600_000, '20h'],
    [(3 * 24 + 4) * 3_600_000, '3d4h'],
    [120 * 86_400_000, '120d'],
    [(2 * 365 + 10) * 86_400_000, '2y10d'],
    [9 * 365 * 86_400_000, '9y'],
  ])('prints %d ms as %s', (millis, printed) => {
    expect(humanDuration(millis)).toBe(printed);
  });
});

describe('server-side printing', () => {
  it('lists pods as a Table with Ready, Status, Restarts and Age, rows carrying metadata', async () => {
    const { ok, clock } = await runningServer();
    await ok({
      verb: 'create',
      resource: gvr('pods'),
      namespace: 'default',
      body: {
        metadata: { name: 'web', labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
    });
    clock.advance(150_000);
    const table = await ok({
      verb: 'list',
      resource: gvr('pods'),
      namespace: 'default',
      options: { as: 'Table' },
    });
    expect(table).toMatchObject({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      columnDefinitions: [
        { name: 'Name', type: 'string', format: 'name' },
        { name: 'Ready' },
        { name: 'Status' },
        { name: 'Restarts' },
        { name: 'Age' },
        { name: 'IP', priority: 1 },
        { name: 'Node', priority: 1 },
      ],
      rows: [
        {
          cells: ['web', '0/1', 'Pending', '0', '2m30s', '<none>', '<none>'],
          object: {
            kind: 'PartialObjectMetadata',
            metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
          },
        },
      ],
    });
    expect((table['metadata'] as { resourceVersion: string }).resourceVersion).not.toBe('');
  });

  it('prints a custom resource with its additionalPrinterColumns, dates as ages', async () => {
    const { ok, clock } = await runningServer();
    await ok({
      verb: 'create',
      resource: gvr('customresourcedefinitions.apiextensions.k8s.io'),
      body: {
        metadata: { name: 'widgets.example.com' },
        spec: {
          group: 'example.com',
          scope: 'Namespaced',
          names: { plural: 'widgets', kind: 'Widget' },
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              additionalPrinterColumns: [
                { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
                { name: 'Created', type: 'date', jsonPath: '.metadata.creationTimestamp' },
              ],
              schema: {
                openAPIV3Schema: {
                  type: 'object',
                  properties: {
                    spec: { type: 'object', properties: { size: { type: 'integer' } } },
                  },
                },
              },
            },
          ],
        },
      },
    });
    const widgets = { group: 'example.com', version: 'v1', resource: 'widgets' };
    await ok({
      verb: 'create',
      resource: widgets,
      namespace: 'default',
      body: { metadata: { name: 'w' }, spec: { size: 3 } },
    });
    clock.advance(45_000);
    const table = await ok({
      verb: 'get',
      resource: widgets,
      namespace: 'default',
      name: 'w',
      options: { as: 'Table', includeObject: 'None' },
    });
    expect(table['columnDefinitions']).toMatchObject([
      { name: 'Name' },
      { name: 'Size', type: 'integer' },
      { name: 'Created', type: 'date' },
    ]);
    expect(table['rows']).toStrictEqual([{ cells: ['w', 3, '45s'] }]);
  });
});
