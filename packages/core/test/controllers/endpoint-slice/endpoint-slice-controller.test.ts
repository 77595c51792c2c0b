import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { EndpointSlice } from '../../../src/api/kinds/index.js';
import { EndpointSlices, Nodes, Pods, Services, type Client } from '../../../src/client/index.js';
import { endpointSliceController } from '../../../src/controllers/endpoint-slice/index.js';
import {
  apiServer,
  createPod,
  createService,
  flush,
  setPodStatus,
} from '../endpoints/endpoints-fixture.js';

async function environment(maxEndpointsPerSlice?: number) {
  const { clock, client } = await apiServer();
  const running = endpointSliceController({
    client,
    clock,
    ...(maxEndpointsPerSlice === undefined ? {} : { maxEndpointsPerSlice }),
  })
    .run()
    .subscribe();
  return { clock, client, stop: () => running.unsubscribe() };
}

async function slicesOf(client: Client): Promise<readonly EndpointSlice[]> {
  const listed = await client.list(EndpointSlices, {
    namespace: 'default',
    labelSelector: 'kubernetes.io/service-name=web',
  });
  if (isLeft(listed)) {
    throw new Error(listed.left.message);
  }
  return listed.right.items;
}

function endpointNames(slices: readonly EndpointSlice[]): string[] {
  return slices
    .flatMap((slice) => (slice.endpoints ?? []).map((endpoint) => endpoint.targetRef?.name ?? ''))
    .sort();
}

async function readyPods(client: Client, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const name = `p${String(i).padStart(2, '0')}`;
    await createPod(client, { name });
    await setPodStatus(client, name, { ip: `10.0.1.${i + 1}`, ready: true });
  }
}

describe('the EndpointSlice controller', () => {
  it('writes a slice owned by the service with its labels, ports and endpoints', async () => {
    const { client, stop } = await environment();
    await client.create(Nodes, {
      metadata: { name: 'node-1', labels: { 'topology.kubernetes.io/zone': 'zone-a' } },
    });
    const service = await createService(client, {}, { labels: { team: 'a' } });
    const pod = await createPod(client, { name: 'a' });
    await createPod(client, { name: 'b' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: true });
    await setPodStatus(client, 'b', { ip: '10.0.0.2', ready: false });
    await flush();
    const slices = await slicesOf(client);
    expect(slices).toHaveLength(1);
    const [slice] = slices;
    expect(slice?.metadata?.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slice?.metadata?.labels).toEqual({
      team: 'a',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice?.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'web',
        uid: service.metadata?.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(slice?.addressType).toBe('IPv4');
    expect(slice?.ports).toEqual([{ name: 'http', protocol: 'TCP', port: 8080 }]);
    const byName = new Map(
      (slice?.endpoints ?? []).map((endpoint) => [endpoint.targetRef?.name, endpoint]),
    );
    expect(byName.get('a')).toEqual({
      addresses: ['10.0.0.1'],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: pod.metadata?.uid },
      nodeName: 'node-1',
      zone: 'zone-a',
    });
    expect(byName.get('b')?.conditions).toEqual({
      ready: false,
      serving: false,
      terminating: false,
    });
    stop();
  });

  it('keeps a terminating pod as not ready, serving while it is Ready', async () => {
    const { client, stop } = await environment();
    await createService(client);
    await createPod(client, { name: 'a' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: true });
    await client.delete(Pods, { namespace: 'default', name: 'a' });
    await flush();
    const [slice] = await slicesOf(client);
    expect(slice?.endpoints?.[0]?.conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
    stop();
  });

  it('marks every endpoint ready with publishNotReadyAddresses', async () => {
    const { client, stop } = await environment();
    await createService(client, { publishNotReadyAddresses: true });
    await createPod(client, { name: 'a' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: false });
    await flush();
    const [slice] = await slicesOf(client);
    expect(slice?.endpoints?.[0]?.conditions).toEqual({
      ready: true,
      serving: false,
      terminating: false,
    });
    stop();
  });

  it('keeps one placeholder slice for a service without endpoints, and reuses it', async () => {
    const { client, stop } = await environment();
    await createService(client);
    await flush();
    const [placeholder, ...others] = await slicesOf(client);
    expect(others).toEqual([]);
    expect(placeholder?.endpoints).toEqual([]);
    expect(placeholder?.ports).toEqual([]);
    await createPod(client, { name: 'a' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: true });
    await flush();
    const slices = await slicesOf(client);
    expect(slices.map((slice) => slice.metadata?.name)).toEqual([placeholder?.metadata?.name]);
    expect(endpointNames(slices)).toEqual(['a']);
    stop();
  });

  it('splits endpoints at maxEndpointsPerSlice and packs them back when pods go', async () => {
    const { client, stop } = await environment(3);
    await createService(client);
    await readyPods(client, 7);
    await flush();
    let slices = await slicesOf(client);
    expect(slices.map((slice) => slice.endpoints?.length).sort()).toEqual([1, 3, 3]);
    expect(endpointNames(slices)).toEqual(['p00', 'p01', 'p02', 'p03', 'p04', 'p05', 'p06']);
    for (const name of ['p00', 'p01', 'p02', 'p03']) {
      await client.patch(
        Pods,
        { namespace: 'default', name },
        { type: 'merge', body: { metadata: { labels: { app: 'gone' } } } },
      );
    }
    await flush();
    slices = await slicesOf(client);
    expect(endpointNames(slices)).toEqual(['p04', 'p05', 'p06']);
    expect(slices.every((slice) => (slice.endpoints ?? []).length > 0)).toBe(true);
    stop();
  });

  it('groups pods by the ports they offer', async () => {
    const { client, stop } = await environment();
    await createService(client, {
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    });
    await createPod(client, { name: 'a' });
    await createPod(client, {
      name: 'b',
      containers: [
        {
          name: 'web',
          image: 'nginx',
          ports: [{ name: 'http', containerPort: 9090, protocol: 'TCP' }],
        },
      ],
    });
    await createPod(client, { name: 'c', containers: [{ name: 'web', image: 'nginx' }] });
    for (const [name, ip] of [
      ['a', '10.0.0.1'],
      ['b', '10.0.0.2'],
      ['c', '10.0.0.3'],
    ] as const) {
      await setPodStatus(client, name, { ip, ready: true });
    }
    await flush();
    const slices = await slicesOf(client);
    const summary = slices
      .map((slice) => ({
        ports: (slice.ports ?? []).map((port) => port.port),
        pods: endpointNames([slice]),
      }))
      .sort((a, b) => (a.pods[0] ?? '').localeCompare(b.pods[0] ?? ''));
    expect(summary).toEqual([
      { ports: [8080], pods: ['a'] },
      { ports: [9090], pods: ['b'] },
      { ports: [], pods: ['c'] },
    ]);
    stop();
  });

  it('follows a selector change and relabels its slices with the service', async () => {
    const { client, stop } = await environment();
    await createService(client);
    await createPod(client, { name: 'a' });
    await createPod(client, { name: 'b', labels: { app: 'api' } });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: true });
    await setPodStatus(client, 'b', { ip: '10.0.0.2', ready: true });
    await flush();
    await client.patch(
      Services,
      { namespace: 'default', name: 'web' },
      {
        type: 'merge',
        body: { metadata: { labels: { tier: 'x' } }, spec: { selector: { app: 'api' } } },
      },
    );
    await flush();
    const slices = await slicesOf(client);
    expect(endpointNames(slices)).toEqual(['b']);
    expect(slices[0]?.metadata?.labels?.['tier']).toBe('x');
    stop();
  });

  it('does not write slices again when nothing they show changed', async () => {
    const { client, stop } = await environment();
    await createService(client);
    await readyPods(client, 2);
    await flush();
    const before = (await slicesOf(client)).map((slice) => slice.metadata?.resourceVersion);
    await client.patch(
      Pods,
      { namespace: 'default', name: 'p00' },
      { type: 'merge', body: { metadata: { annotations: { a: 'b' } } } },
    );
    await client.patch(
      Services,
      { namespace: 'default', name: 'web' },
      { type: 'merge', body: { metadata: { annotations: { a: 'b' } } } },
    );
    await flush();
    expect((await slicesOf(client)).map((slice) => slice.metadata?.resourceVersion)).toEqual(
      before,
    );
    stop();
  });

  it('labels the slices of a headless service and gives them no ports', async () => {
    const { client, stop } = await environment();
    await createService(client, { clusterIP: 'None', ports: [] });
    await readyPods(client, 1);
    await flush();
    const [slice] = await slicesOf(client);
    expect(slice?.metadata?.labels?.['service.kubernetes.io/headless']).toBe('');
    expect(slice?.ports).toEqual([]);
    expect(endpointNames([slice as EndpointSlice])).toEqual(['p00']);
    stop();
  });

  it('writes no slices for services without a selector or of type ExternalName', async () => {
    const { client, stop } = await environment();
    await client.create(Services, {
      metadata: { namespace: 'default', name: 'web' },
      spec: { type: 'ExternalName', externalName: 'example.com', selector: { app: 'web' } },
    });
    await client.create(Services, {
      metadata: { namespace: 'default', name: 'manual' },
      spec: { ports: [{ port: 80 }] },
    });
    await readyPods(client, 1);
    await flush();
    const listed = await client.list(EndpointSlices, { namespace: 'default' });
    expect(isLeft(listed) ? undefined : listed.right.items).toEqual([]);
    stop();
  });

  it('refuses a maxEndpointsPerSlice out of range', async () => {
    const { clock, client } = await apiServer();
    expect(() => endpointSliceController({ client, clock, maxEndpointsPerSlice: 0 })).toThrow(
      RangeError,
    );
    expect(() => endpointSliceController({ client, clock, maxEndpointsPerSlice: 1001 })).toThrow(
      RangeError,
    );
  });
});
