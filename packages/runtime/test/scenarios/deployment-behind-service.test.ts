// Scenario 1: a Deployment of 3 replicas behind a Service, on a 3-node cluster.
import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import { Deployments, EndpointsType, Services, type Endpoints } from '@drydock/core';
import { createTestEnv } from '../../src/testing/index.js';
import { isRunningAndReady, podsOf, webDeployment, webService } from './scenario-support.js';

describe('scenario: a Deployment behind a Service', () => {
  it('runs three ready pods, lists them as endpoints and routes to each', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: 3 });
    try {
      await env.client.create(Services, webService());
      await env.client.create(Deployments, webDeployment({ replicas: 3 }));
      const endpoints = (await env.until(
        EndpointsType,
        { namespace: 'default', name: 'web' },
        (object: Endpoints | undefined) =>
          (object?.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0) === 3,
      )) as Endpoints;
      const pods = await podsOf(env.client, 'default', 'web');
      expect(pods).toHaveLength(3);
      expect(pods.every(isRunningAndReady)).toBe(true);
      const podIPs = pods.map((pod) => pod.status?.podIP).sort();
      const addresses = (endpoints.subsets ?? []).flatMap((s) => s.addresses ?? []);
      expect(addresses.map((a) => a.ip).sort()).toEqual(podIPs);
      expect(endpoints.subsets?.[0]?.ports).toEqual([
        { name: 'http', port: 8080, protocol: 'TCP' },
      ]);

      const service = await env.client.get(Services, { namespace: 'default', name: 'web' });
      const clusterIP = isRight(service) ? (service.right.spec?.clusterIP ?? '') : '';
      expect(clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./);
      const proxy = env.cluster.proxy;
      if (proxy === undefined) {
        throw new Error('the cluster has no kube-proxy');
      }
      await env.settle();
      const reached = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const backend = proxy.resolve(clusterIP, 80);
        if (!isRight(backend)) {
          throw new Error(backend.left.message);
        }
        expect(backend.right.port).toBe(8080);
        reached.add(backend.right.ip);
      }
      expect([...reached].sort()).toEqual(podIPs);
    } finally {
      await env.stop();
    }
  });
});
