import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Endpoints } from '../../../src/api/kinds/index.js';
import { EndpointsType, Pods, Services, type Client } from '../../../src/client/index.js';
import { endpointsController } from '../../../src/controllers/endpoints/index.js';
import { apiServer, createPod, createService, flush, setPodStatus } from './endpoints-fixture.js';

async function environment() {
  const { clock, client } = await apiServer();
  const running = endpointsController({ client, clock }).run().subscribe();
  return { clock, client, stop: () => running.unsubscribe() };
}

async function endpointsOf(client: Client, name = 'web'): Promise<Endpoints | undefined> {
  const got = await client.get(EndpointsType, { namespace: 'default', name });
  if (isLeft(got)) {
    if (got.left.code === 404) {
      return undefined;
    }
    throw new Error(got.left.message);
  }
  return got.right;
}

function ipsOf(endpoints: Endpoints | undefined): { ready: string[]; notReady: string[] } {
  const subsets = endpoints?.subsets ?? [];
  return {
    ready: subsets.flatMap((subset) => (subset.addresses ?? []).map((address) => address.ip)),
    notReady: subsets.flatMap((subset) =>
      (subset.notReadyAddresses ?? []).map((address) => address.ip),
    ),
  };
}

describe('the Endpoints controller', () => {
  it('lists ready pods as addresses and not-ready pods as notReadyAddresses, with the target port', async () => {
    const { client, stop } = await environment();
    const ready = await createPod(client, { name: 'a' });
    await createPod(client, { name: 'b' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: true });
    await setPodStatus(client, 'b', { ip: '10.0.0.2', ready: false });
    await createService(client);
    await flush();
    const endpoints = await endpointsOf(client);
    expect(endpoints?.subsets).toEqual([
      {
        addresses: [
          {
            ip: '10.0.0.1',
            nodeName: 'node-1',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: ready.metadata?.uid },
          },
        ],
        notReadyAddresses: [
          {
            ip: '10.0.0.2',
            nodeName: 'node-1',
            targetRef: expect.objectContaining({ kind: 'Pod', name: 'b' }),
          },
        ],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
    expect(endpoints?.metadata?.labels).toBeUndefined();
    stop();
  });

  it('moves a pod to the ready addresses when it becomes Ready, and leaves out pods without an IP', async () => {
    const { client, stop } = await environment();
    await createService(client);
    await createPod(client, { name: 'a' });
    await createPod(client, { name: 'no-ip' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: false });
    await setPodStatus(client, 'no-ip', { ready: true });
    await flush();
    expect(ipsOf(await endpointsOf(client))).toEqual({ ready: [], notReady: ['10.0.0.1'] });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: true });
    await flush();
    expect(ipsOf(await endpointsOf(client))).toEqual({ ready: ['10.0.0.1'], notReady: [] });
    stop();
  });

  it('resolves a named targetPort per pod and skips the pods without that port', async () => {
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
    const subsets = (await endpointsOf(client))?.subsets ?? [];
    expect(
      subsets.map((subset) => ({
        ips: (subset.addresses ?? []).map((address) => address.ip),
        ports: subset.ports?.map((port) => port.port),
      })),
    ).toEqual([
      { ips: ['10.0.0.1'], ports: [8080] },
      { ips: ['10.0.0.2'], ports: [9090] },
    ]);
    stop();
  });

  it('drops a pod relabelled out of the selector and a deleted pod', async () => {
    const { client, stop } = await environment();
    await createService(client);
    for (const [name, ip] of [
      ['a', '10.0.0.1'],
      ['b', '10.0.0.2'],
      ['c', '10.0.0.3'],
    ] as const) {
      await createPod(client, { name, nodeName: '' });
      await setPodStatus(client, name, { ip, ready: true });
    }
    await flush();
    expect(ipsOf(await endpointsOf(client)).ready).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    await client.patch(
      Pods,
      { namespace: 'default', name: 'a' },
      { type: 'merge', body: { metadata: { labels: { app: 'other' } } } },
    );
    await client.delete(Pods, { namespace: 'default', name: 'b' });
    await flush();
    expect(ipsOf(await endpointsOf(client)).ready).toEqual(['10.0.0.3']);
    stop();
  });

  it('follows a change of the service selector', async () => {
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
      { type: 'merge', body: { spec: { selector: { app: 'api' } } } },
    );
    await flush();
    expect(ipsOf(await endpointsOf(client)).ready).toEqual(['10.0.0.2']);
    stop();
  });

  it('deletes the Endpoints when the service is deleted', async () => {
    const { client, stop } = await environment();
    await createService(client);
    await flush();
    expect(await endpointsOf(client)).toBeDefined();
    await client.delete(Services, { namespace: 'default', name: 'web' });
    await flush();
    expect(await endpointsOf(client)).toBeUndefined();
    stop();
  });

  it('leaves the Endpoints of a service without a selector alone', async () => {
    const { client, stop } = await environment();
    await client.create(Services, {
      metadata: { namespace: 'default', name: 'external' },
      spec: { clusterIP: '10.96.0.11', ports: [{ port: 80 }] },
    });
    await client.create(EndpointsType, {
      metadata: { namespace: 'default', name: 'external' },
      subsets: [{ addresses: [{ ip: '192.168.1.1' }], ports: [{ port: 80 }] }],
    });
    await flush();
    expect((await endpointsOf(client, 'external'))?.subsets).toEqual([
      { addresses: [{ ip: '192.168.1.1' }], ports: [{ port: 80 }] },
    ]);
    stop();
  });

  it('publishes not-ready and terminating pods as ready with publishNotReadyAddresses', async () => {
    const { client, stop } = await environment();
    await createService(client, { publishNotReadyAddresses: true });
    await createPod(client, { name: 'a' });
    await createPod(client, { name: 'b' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: false });
    await setPodStatus(client, 'b', { ip: '10.0.0.2', ready: true });
    await client.delete(Pods, { namespace: 'default', name: 'b' });
    await flush();
    expect(ipsOf(await endpointsOf(client))).toEqual({
      ready: ['10.0.0.1', '10.0.0.2'],
      notReady: [],
    });
    stop();
  });

  it('leaves out terminating and finished pods without publishNotReadyAddresses', async () => {
    const { client, stop } = await environment();
    await createService(client);
    await createPod(client, { name: 'a' });
    await createPod(client, { name: 'b' });
    await createPod(client, { name: 'done' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: true });
    await setPodStatus(client, 'b', { ip: '10.0.0.2', ready: true });
    await setPodStatus(client, 'done', { ip: '10.0.0.3', ready: false, phase: 'Succeeded' });
    await flush();
    await client.delete(Pods, { namespace: 'default', name: 'b' });
    await flush();
    expect(ipsOf(await endpointsOf(client))).toEqual({ ready: ['10.0.0.1'], notReady: [] });
    stop();
  });

  it('labels the Endpoints of a headless service and lists addresses without ports', async () => {
    const { client, stop } = await environment();
    await createService(client, { clusterIP: 'None', ports: [] }, { labels: { team: 'a' } });
    await createPod(client, { name: 'a', hostname: 'a', subdomain: 'web' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: true });
    await flush();
    const endpoints = await endpointsOf(client);
    expect(endpoints?.metadata?.labels).toEqual({
      team: 'a',
      'service.kubernetes.io/headless': '',
    });
    expect(endpoints?.subsets).toEqual([
      { addresses: [expect.objectContaining({ ip: '10.0.0.1', hostname: 'a' })] },
    ]);
    stop();
  });

  it('does not write Endpoints again when nothing they show changed', async () => {
    const { client, stop } = await environment();
    await createService(client);
    await createPod(client, { name: 'a' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: true });
    await flush();
    const before = (await endpointsOf(client))?.metadata?.resourceVersion;
    await client.patch(
      Pods,
      { namespace: 'default', name: 'a' },
      { type: 'merge', body: { metadata: { annotations: { note: 'x' } } } },
    );
    await client.patch(
      Services,
      { namespace: 'default', name: 'web' },
      { type: 'merge', body: { metadata: { annotations: { note: 'x' } } } },
    );
    await flush();
    expect((await endpointsOf(client))?.metadata?.resourceVersion).toBe(before);
    stop();
  });

  it('gives an ExternalName service no Endpoints and survives a port name no pod has', async () => {
    const { client, stop } = await environment();
    await client.create(Services, {
      metadata: { namespace: 'default', name: 'alias' },
      spec: { type: 'ExternalName', externalName: 'example.com', selector: { app: 'web' } },
    });
    await createService(client, { ports: [{ name: 'x', port: 80, targetPort: 'missing' }] });
    await createPod(client, { name: 'a' });
    await setPodStatus(client, 'a', { ip: '10.0.0.1', ready: true });
    await flush();
    expect(await endpointsOf(client, 'alias')).toBeUndefined();
    expect((await endpointsOf(client))?.subsets).toBeUndefined();
    stop();
  });

  it('deletes leftover Endpoints without a service when it starts', async () => {
    const { clock, client } = await apiServer();
    await client.create(EndpointsType, { metadata: { namespace: 'default', name: 'orphan' } });
    await client.create(EndpointsType, {
      metadata: {
        namespace: 'default',
        name: 'leader',
        annotations: { 'control-plane.alpha.kubernetes.io/leader': '{}' },
      },
    });
    const running = endpointsController({ client, clock }).run().subscribe();
    await flush();
    expect(await endpointsOf(client, 'orphan')).toBeUndefined();
    expect(await endpointsOf(client, 'leader')).toBeDefined();
    running.unsubscribe();
  });
});
