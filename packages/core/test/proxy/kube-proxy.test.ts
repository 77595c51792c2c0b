import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Service } from '../../src/api/kinds/core-v1/index.js';
import type { Endpoint, EndpointSlice } from '../../src/api/kinds/discovery-v1/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../src/apiserver/index.js';
import { EndpointSlices, InProcessClient, Services, type Client } from '../../src/client/index.js';
import { MemoryStore, VirtualClock } from '../../src/index.js';
import { kubeProxy, type KubeProxy } from '../../src/proxy/index.js';
import { expectLeft, expectRight } from '../support/either.js';

/** Lets promise chains (lists, watches, writes) run without moving the clock. */
async function flush(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function environment(options: { readonly balancing?: 'random' } = {}) {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
  const proxy = kubeProxy({ client, clock, ...options });
  const running = proxy.run().subscribe();
  return { client, proxy, stop: () => running.unsubscribe() };
}

async function createService(client: Client, spec: Service['spec'] = {}): Promise<Service> {
  const created = await client.create(Services, {
    metadata: { namespace: 'default', name: 'web' },
    spec: {
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      ...spec,
    },
  });
  return expectRight(created);
}

function endpoint(ip: string, conditions: Endpoint['conditions'] = { ready: true }): Endpoint {
  const pod = `web-${ip.split('.').join('-')}`;
  return {
    addresses: [ip],
    conditions,
    nodeName: 'node-1',
    targetRef: { kind: 'Pod', namespace: 'default', name: pod },
  };
}

async function writeSlice(
  client: Client,
  name: string,
  endpoints: readonly Endpoint[],
  labels: Record<string, string> = { 'kubernetes.io/service-name': 'web' },
): Promise<void> {
  const slice: EndpointSlice = {
    metadata: { namespace: 'default', name, labels },
    addressType: 'IPv4',
    endpoints: [...endpoints],
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  };
  const existing = await client.get(EndpointSlices, { namespace: 'default', name });
  const written = isLeft(existing)
    ? await client.create(EndpointSlices, slice)
    : await client.update(EndpointSlices, slice);
  expectRight(written);
  await flush();
}

function reached(proxy: KubeProxy, ip: string, port: number, times: number): string[] {
  return Array.from({ length: times }, () => {
    const backend = expectRight(proxy.resolve(ip, port));
    return `${backend.ip}:${backend.port}`;
  });
}

describe('kubeProxy', () => {
  it('reaches every ready backend in turn, at the slice port', async () => {
    const { client, proxy, stop } = await environment();
    const service = await createService(client);
    await writeSlice(client, 'web-a', [endpoint('10.0.0.1'), endpoint('10.0.0.2')]);
    await writeSlice(client, 'web-b', [endpoint('10.0.0.3')]);
    const ip = service.spec?.clusterIP ?? '';
    expect(reached(proxy, ip, 80, 6)).toEqual([
      '10.0.0.1:8080',
      '10.0.0.2:8080',
      '10.0.0.3:8080',
      '10.0.0.1:8080',
      '10.0.0.2:8080',
      '10.0.0.3:8080',
    ]);
    const backend = expectRight(proxy.resolve(ip, 80));
    expect(backend.podName).toBe('web-10-0-0-1');
    expect(backend.nodeName).toBe('node-1');
    stop();
  });

  it('never reaches a not-ready or terminating backend while one is ready', async () => {
    const { client, proxy, stop } = await environment();
    const service = await createService(client);
    await writeSlice(client, 'web-a', [
      endpoint('10.0.0.1'),
      endpoint('10.0.0.2', { ready: false }),
      endpoint('10.0.0.3', { ready: false, serving: true, terminating: true }),
    ]);
    expect(new Set(reached(proxy, service.spec?.clusterIP ?? '', 80, 10))).toEqual(
      new Set(['10.0.0.1:8080']),
    );
    stop();
  });

  it('falls back to serving terminating backends when none is ready', async () => {
    const { client, proxy, stop } = await environment();
    const service = await createService(client);
    await writeSlice(client, 'web-a', [
      endpoint('10.0.0.2', { ready: false }),
      endpoint('10.0.0.3', { ready: false, serving: true, terminating: true }),
      endpoint('10.0.0.4', { ready: false, serving: false, terminating: true }),
    ]);
    expect(new Set(reached(proxy, service.spec?.clusterIP ?? '', 80, 4))).toEqual(
      new Set(['10.0.0.3:8080']),
    );
    stop();
  });

  it('answers why when no backend is ready', async () => {
    const { client, proxy, stop } = await environment();
    const service = await createService(client);
    await writeSlice(client, 'web-a', [endpoint('10.0.0.2', { ready: false })]);
    expect(expectLeft(proxy.resolve(service.spec?.clusterIP ?? '', 80))).toEqual({
      reason: 'NoReadyEndpoints',
      message: 'no ready endpoints for default/web:80',
    });
    stop();
  });

  it('routes a node port on any node address', async () => {
    const { client, proxy, stop } = await environment();
    const service = await createService(client, { type: 'NodePort' });
    await writeSlice(client, 'web-a', [endpoint('10.0.0.1'), endpoint('10.0.0.2')]);
    const nodePort = service.spec?.ports?.[0]?.nodePort ?? 0;
    expect(reached(proxy, '192.168.0.10', nodePort, 2)).toEqual(['10.0.0.1:8080', '10.0.0.2:8080']);
    stop();
  });

  it('removes the routes of a deleted service', async () => {
    const { client, proxy, stop } = await environment();
    const service = await createService(client);
    await writeSlice(client, 'web-a', [endpoint('10.0.0.1')]);
    expectRight(await client.delete(Services, { namespace: 'default', name: 'web' }));
    await flush();
    const ip = service.spec?.clusterIP ?? '';
    expect(expectLeft(proxy.resolve(ip, 80)).message).toBe(`no service at ${ip}:80`);
    expect(proxy.routes()).toEqual([]);
    stop();
  });

  it('answers no service for an unknown address or port', async () => {
    const { client, proxy, stop } = await environment();
    const service = await createService(client);
    await flush();
    expect(expectLeft(proxy.resolve('10.96.0.10', 80))).toEqual({
      reason: 'NoService',
      message: 'no service at 10.96.0.10:80',
    });
    expect(expectLeft(proxy.resolve(service.spec?.clusterIP ?? '', 81)).reason).toBe('NoService');
    expect(expectLeft(proxy.resolve(service.spec?.clusterIP ?? '', 80, 'UDP')).reason).toBe(
      'NoService',
    );
    stop();
  });

  it('ignores slices without the service label or of another address type', async () => {
    const { client, proxy, stop } = await environment();
    const service = await createService(client);
    await writeSlice(client, 'stray', [endpoint('10.0.0.9')], { app: 'web' });
    expectRight(
      await client.create(EndpointSlices, {
        metadata: {
          namespace: 'default',
          name: 'web-fqdn',
          labels: { 'kubernetes.io/service-name': 'web' },
        },
        addressType: 'FQDN',
        endpoints: [{ addresses: ['web.example.com'] }],
        ports: [{ name: 'http', port: 8080 }],
      }),
    );
    await flush();
    expect(expectLeft(proxy.resolve(service.spec?.clusterIP ?? '', 80)).reason).toBe(
      'NoReadyEndpoints',
    );
    stop();
  });

  it('follows a slice that changes: only the new backends are reached', async () => {
    const { client, proxy, stop } = await environment();
    const service = await createService(client);
    await writeSlice(client, 'web-a', [endpoint('10.0.0.1')]);
    await writeSlice(client, 'web-a', [
      endpoint('10.0.0.5'),
      endpoint('10.0.0.1', { ready: false }),
    ]);
    expect(new Set(reached(proxy, service.spec?.clusterIP ?? '', 80, 3))).toEqual(
      new Set(['10.0.0.5:8080']),
    );
    expectRight(await client.delete(EndpointSlices, { namespace: 'default', name: 'web-a' }));
    await flush();
    expect(expectLeft(proxy.resolve(service.spec?.clusterIP ?? '', 80)).reason).toBe(
      'NoReadyEndpoints',
    );
    stop();
  });

  it('balances at random, reproducibly, over ready backends only', async () => {
    const first = await environment({ balancing: 'random' });
    const second = await environment({ balancing: 'random' });
    const picks: string[][] = [];
    for (const { client, proxy } of [first, second]) {
      const service = await createService(client);
      await writeSlice(client, 'web-a', [
        endpoint('10.0.0.1'),
        endpoint('10.0.0.2'),
        endpoint('10.0.0.3', { ready: false }),
      ]);
      picks.push(reached(proxy, service.spec?.clusterIP ?? '', 80, 20));
    }
    expect(picks[0]).toEqual(picks[1]);
    expect(new Set(picks[0])).toEqual(new Set(['10.0.0.1:8080', '10.0.0.2:8080']));
    first.stop();
    second.stop();
  });
});
