import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Lease, Node } from '../../src/api/kinds/index.js';
import { Leases, Nodes, type Client } from '../../src/client/index.js';
import { kubeletEnvironment } from './kubelet-test-support.js';

async function getNode(client: Client): Promise<Node> {
  const got = await client.get(Nodes, { name: 'node-1' });
  if (isLeft(got)) {
    throw new Error(got.left.message);
  }
  return got.right;
}

async function getLease(client: Client): Promise<Lease> {
  const got = await client.get(Leases, { namespace: 'kube-node-lease', name: 'node-1' });
  if (isLeft(got)) {
    throw new Error(got.left.message);
  }
  return got.right;
}

describe('kubelet node', () => {
  it('registers its Node with labels, capacity, conditions, addresses and nodeInfo', async () => {
    const env = await kubeletEnvironment({
      node: {
        podCIDR: '10.244.1.0/24',
        internalIP: '10.0.0.11',
        labels: { zone: 'a' },
        taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }],
      },
    });
    const node = await getNode(env.client);
    expect(node.metadata?.labels).toMatchObject({
      'kubernetes.io/hostname': 'node-1',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      zone: 'a',
    });
    expect(node.spec?.podCIDR).toBe('10.244.1.0/24');
    expect(node.spec?.podCIDRs).toEqual(['10.244.1.0/24']);
    expect(node.spec?.taints).toEqual([{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }]);
    expect(node.status?.capacity).toEqual({
      cpu: '4',
      memory: '16Gi',
      pods: '110',
      'ephemeral-storage': '100Gi',
    });
    expect(node.status?.allocatable).toEqual(node.status?.capacity);
    const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
    expect(ready).toMatchObject({
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
    });
    expect(node.status?.conditions?.map((condition) => [condition.type, condition.reason])).toEqual(
      [
        ['MemoryPressure', 'KubeletHasSufficientMemory'],
        ['DiskPressure', 'KubeletHasNoDiskPressure'],
        ['PIDPressure', 'KubeletHasSufficientPID'],
        ['Ready', 'KubeletReady'],
      ],
    );
    expect(node.status?.addresses).toEqual([
      { type: 'InternalIP', address: '10.0.0.11' },
      { type: 'Hostname', address: 'node-1' },
    ]);
    expect(node.status?.nodeInfo?.kubeletVersion).toBe('v1.36.0-drydock');
    expect(node.status?.nodeInfo?.containerRuntimeVersion).toBe('drydock://0.1.0');
    expect(node.status?.daemonEndpoints?.kubeletEndpoint?.Port).toBe(10250);
    env.stop();
  });

  it('creates its Lease owned by the Node and renews it every 10 seconds', async () => {
    const env = await kubeletEnvironment();
    const node = await getNode(env.client);
    const lease = await getLease(env.client);
    expect(lease.spec?.holderIdentity).toBe('node-1');
    expect(lease.spec?.leaseDurationSeconds).toBe(40);
    expect(lease.spec?.renewTime).toBe('2025-01-01T00:00:00.000000Z');
    expect(lease.metadata?.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: node.metadata?.uid },
    ]);
    await env.advance(10_000);
    expect((await getLease(env.client)).spec?.renewTime).toBe('2025-01-01T00:00:10.000000Z');
    await env.advance(30_000);
    expect(env.events.filter((event) => event.type === 'LeaseRenewed')).toHaveLength(5);
    env.stop();
  });

  it('stops renewing its Lease once stopped', async () => {
    const env = await kubeletEnvironment();
    env.stop();
    await env.advance(60_000);
    expect((await getLease(env.client)).spec?.renewTime).toBe('2025-01-01T00:00:00.000000Z');
  });

  it('reports an unchanged node status every 5 minutes with a new heartbeat', async () => {
    const env = await kubeletEnvironment();
    await env.advance(290_000);
    expect(env.events.filter((event) => event.type === 'NodeStatusReported')).toHaveLength(0);
    await env.advance(10_000);
    expect(env.events.filter((event) => event.type === 'NodeStatusReported')).toHaveLength(1);
    const ready = (await getNode(env.client)).status?.conditions?.find(
      (condition) => condition.type === 'Ready',
    );
    expect(ready?.lastHeartbeatTime).toBe('2025-01-01T00:05:00Z');
    expect(ready?.lastTransitionTime).toBe('2025-01-01T00:00:00Z');
    env.stop();
  });

  it('sends nothing while partitioned and renews again once healed', async () => {
    const env = await kubeletEnvironment();
    env.kubelet.partition();
    await env.advance(60_000);
    expect((await getLease(env.client)).spec?.renewTime).toBe('2025-01-01T00:00:00.000000Z');
    expect(
      env.events.some((event) => event.type === 'Failure' && event.operation === 'RenewLease'),
    ).toBe(true);
    env.kubelet.heal();
    await env.advance(7_000);
    const renewed = (await getLease(env.client)).spec?.renewTime ?? '';
    expect(renewed > '2025-01-01T00:01:00').toBe(true);
    env.stop();
  });

  it('updates a Node that already exists when it registers again', async () => {
    const first = await kubeletEnvironment();
    first.stop();
    const events: string[] = [];
    const { kubelet } = await import('../../src/kubelet/index.js');
    const again = kubelet({
      client: first.client,
      clock: first.clock,
      runtime: first.runtime,
      nodeName: 'node-1',
      node: { labels: { role: 'again' } },
      recordEvents: false,
    });
    const running = again.run().subscribe((event) => events.push(event.type));
    await first.advance(0);
    expect(events).toContain('NodeRegistered');
    expect((await getNode(first.client)).metadata?.labels?.['role']).toBe('again');
    running.unsubscribe();
  });

  it('refuses node resources that do not parse', async () => {
    const env = await kubeletEnvironment();
    const { kubelet } = await import('../../src/kubelet/index.js');
    expect(() =>
      kubelet({
        client: env.client,
        clock: env.clock,
        runtime: env.runtime,
        nodeName: 'bad',
        node: { capacity: { cpu: 'lots' } },
      }),
    ).toThrow(RangeError);
    expect(() =>
      kubelet({
        client: env.client,
        clock: env.clock,
        runtime: env.runtime,
        nodeName: 'bad',
        node: { podCIDR: '10.0.0.0/33' },
      }),
    ).toThrow(RangeError);
    env.stop();
  });
});
