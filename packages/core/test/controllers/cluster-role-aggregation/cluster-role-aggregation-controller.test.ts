import { describe, expect, it } from '@jest/globals';
import type { ClusterRole } from '../../../src/api/kinds/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../../src/apiserver/index.js';
import { ClusterRoles, InProcessClient, type Client } from '../../../src/client/index.js';
import { clusterRoleAggregationController } from '../../../src/controllers/cluster-role-aggregation/index.js';
import { MemoryStore, VirtualClock } from '../../../src/index.js';
import { flush, must } from '../node-lifecycle/node-fixture.js';

async function environment() {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const running = await startApiServer({ store, clock, authorization: 'RBAC' });
  const client = new InProcessClient({ server: running.server, user: SYSTEM_ADMIN });
  const subscription = clusterRoleAggregationController({ client, clock }).run().subscribe();
  await flush();
  return { clock, client, rbac: running.rbac, stop: () => subscription.unsubscribe() };
}

function role(name: string, labels: Record<string, string>, resources: string[]): ClusterRole {
  return {
    metadata: { name, labels },
    rules: [{ apiGroups: [''], resources, verbs: ['get'] }],
  };
}

function aggregated(name: string, matchLabels: Record<string, string>): ClusterRole {
  return {
    metadata: { name },
    aggregationRule: { clusterRoleSelectors: [{ matchLabels }] },
  };
}

function getRole(client: Client, name: string): Promise<ClusterRole> {
  return must(client.get(ClusterRoles, { name }));
}

describe('the ClusterRole aggregation controller', () => {
  it('writes the union of the selected roles rules, in name order, each once', async () => {
    const { client, rbac, stop } = await environment();
    await must(client.create(ClusterRoles, role('b-pods', { agg: 'yes' }, ['pods'])));
    await must(client.create(ClusterRoles, role('a-secrets', { agg: 'yes' }, ['secrets'])));
    await must(client.create(ClusterRoles, role('c-pods-again', { agg: 'yes' }, ['pods'])));
    await must(client.create(ClusterRoles, role('unselected', { agg: 'no' }, ['nodes'])));
    await must(client.create(ClusterRoles, aggregated('combined', { agg: 'yes' })));
    await flush();
    expect((await getRole(client, 'combined')).rules?.map((rule) => rule.resources)).toEqual([
      ['secrets'],
      ['pods'],
    ]);
    expect(rbac?.staleAggregations()).toEqual([]);
    stop();
  });

  it('follows changes of the selected roles', async () => {
    const { client, rbac, stop } = await environment();
    await must(client.create(ClusterRoles, aggregated('combined', { agg: 'yes' })));
    await must(client.create(ClusterRoles, role('pods', { agg: 'yes' }, ['pods'])));
    await flush();
    await must(
      client.patch(
        ClusterRoles,
        { name: 'pods' },
        { type: 'merge', body: { metadata: { labels: { agg: 'no' } } } },
      ),
    );
    await flush();
    expect((await getRole(client, 'combined')).rules ?? []).toEqual([]);
    expect(rbac?.staleAggregations()).toEqual([]);
    stop();
  });

  it('aggregates the bootstrap roles labelled for aggregation', async () => {
    const { client, rbac, stop } = await environment();
    await must(
      client.create(
        ClusterRoles,
        aggregated('my-admin', { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }),
      ),
    );
    await flush();
    const edit = await getRole(client, 'edit');
    expect((await getRole(client, 'my-admin')).rules).toEqual(edit.rules);
    expect(rbac?.staleAggregations()).toEqual([]);
    stop();
  });

  it('leaves the bootstrap roles and roles without aggregationRule unwritten', async () => {
    const { client, stop } = await environment();
    const before = await must(client.list(ClusterRoles));
    await must(client.create(ClusterRoles, role('plain', { agg: 'yes' }, ['pods'])));
    await flush();
    for (const original of before.items) {
      const now = await getRole(client, original.metadata?.name ?? '');
      expect(now.metadata?.resourceVersion).toBe(original.metadata?.resourceVersion);
    }
    stop();
  });

  it('does not select the aggregated role itself', async () => {
    const { client, stop } = await environment();
    await must(
      client.create(ClusterRoles, {
        ...aggregated('self', { agg: 'yes' }),
        metadata: { name: 'self', labels: { agg: 'yes' } },
      }),
    );
    await must(client.create(ClusterRoles, role('pods', { agg: 'yes' }, ['pods'])));
    await flush();
    expect((await getRole(client, 'self')).rules?.map((rule) => rule.resources)).toEqual([
      ['pods'],
    ]);
    stop();
  });

  it('survives an aggregated role with an invalid selector, which selects nothing', async () => {
    const { client, stop } = await environment();
    await must(client.create(ClusterRoles, role('pods', { agg: 'yes' }, ['pods'])));
    const created = await client.create(ClusterRoles, {
      metadata: { name: 'broken' },
      aggregationRule: {
        clusterRoleSelectors: [{ matchExpressions: [{ key: 'agg', operator: 'In', values: [] }] }],
      },
    });
    await must(client.create(ClusterRoles, aggregated('fine', { agg: 'yes' })));
    await flush();
    expect((await getRole(client, 'fine')).rules?.map((rule) => rule.resources)).toEqual([
      ['pods'],
    ]);
    // Stored or rejected by validation, it must leave the controller working.
    const broken = created._tag === 'Right' ? await getRole(client, 'broken') : undefined;
    expect(broken?.rules ?? []).toEqual([]);
    stop();
  });
});
