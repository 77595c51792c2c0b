import { describe, expect, it } from '@jest/globals';
import { expectLeft, expectRight } from '../../support/either.js';
import { create, patchSpec, remove, service, serviceTestEnv } from './service-test-env.js';

describe('node port allocation', () => {
  it('gives each port of a NodePort service a node port above the static band', async () => {
    const env = await serviceTestEnv();
    const created = expectRight(
      await create(
        env,
        service('web', {
          type: 'NodePort',
          ports: [
            { name: 'http', port: 80 },
            { name: 'https', port: 443 },
          ],
        }),
      ),
    );
    expect(created.spec?.ports?.map((port) => port.nodePort)).toEqual([30086, 30087]);
  });

  it('gives a LoadBalancer service node ports, unless told not to', async () => {
    const env = await serviceTestEnv();
    const lb = expectRight(await create(env, service('lb', { type: 'LoadBalancer' })));
    expect(lb.spec?.ports?.[0]?.nodePort).toBe(30086);
    const none = expectRight(
      await create(
        env,
        service('lb2', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }),
      ),
    );
    expect(none.spec?.ports?.[0]?.nodePort).toBeUndefined();
  });

  it('shares one node port between the TCP and UDP entries of a port', async () => {
    const env = await serviceTestEnv();
    const created = expectRight(
      await create(
        env,
        service('dns', {
          type: 'NodePort',
          ports: [
            { name: 'tcp', port: 53, protocol: 'TCP' },
            { name: 'udp', port: 53, protocol: 'UDP' },
          ],
        }),
      ),
    );
    expect(created.spec?.ports?.map((port) => port.nodePort)).toEqual([30086, 30086]);
    expect(env.running.serviceAllocators.usage().nodePorts).toBe(1);
  });

  it('reserves a requested node port and refuses it to another service', async () => {
    const env = await serviceTestEnv();
    const ports = [{ name: 'http', port: 80, nodePort: 30080 }];
    expectRight(await create(env, service('a', { type: 'NodePort', ports })));
    const refused = expectLeft(await create(env, service('b', { type: 'NodePort', ports })));
    expect(refused.code).toBe(422);
    expect(refused.message).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    // The refused service's cluster IP went back too.
    expect(env.running.serviceAllocators.usage()).toEqual({ clusterIPs: 1, nodePorts: 1 });
  });

  it('refuses a requested node port outside the range', async () => {
    const env = await serviceTestEnv();
    const refused = expectLeft(
      await create(
        env,
        service('a', { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 8080 }] }),
      ),
    );
    expect(refused.message).toContain(
      'spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. ' +
        'The range of valid ports is 30000-32767',
    );
  });

  it('refuses a node port on a ClusterIP service', async () => {
    const env = await serviceTestEnv();
    const refused = expectLeft(
      await create(env, service('a', { ports: [{ name: 'http', port: 80, nodePort: 30080 }] })),
    );
    expect(refused.message).toContain(
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
  });

  it('answers 500 range is full once a small range is exhausted', async () => {
    const env = await serviceTestEnv({ serviceNodePortRange: '30000-30001' });
    expectRight(await create(env, service('a', { type: 'NodePort' })));
    expectRight(await create(env, service('b', { type: 'NodePort' })));
    const full = expectLeft(await create(env, service('c', { type: 'NodePort' })));
    expect(full.code).toBe(500);
    expect(full.message).toBe(
      'Internal error occurred: failed to allocate a nodePort: range is full',
    );
    expect(env.running.serviceAllocators.usage()).toEqual({ clusterIPs: 2, nodePorts: 2 });
  });

  it('frees node ports on delete and when the type changes away', async () => {
    const env = await serviceTestEnv();
    const ports = [{ name: 'http', port: 80, nodePort: 30080 }];
    expectRight(await create(env, service('a', { type: 'NodePort', ports })));
    expectRight(await remove(env, 'a'));
    expect(env.running.serviceAllocators.usage().nodePorts).toBe(0);
    expectRight(await create(env, service('b', { type: 'NodePort', ports })));
    const changed = expectRight(await patchSpec(env, 'b', { type: 'ClusterIP' }));
    expect(changed.spec?.ports?.[0]?.nodePort).toBeUndefined();
    expect(env.running.serviceAllocators.usage().nodePorts).toBe(0);
    expectRight(await create(env, service('c', { type: 'NodePort', ports })));
  });

  it('allocates node ports when the type changes to NodePort, and keeps them across changes', async () => {
    const env = await serviceTestEnv();
    expectRight(await create(env, service('a')));
    const nodePort = expectRight(await patchSpec(env, 'a', { type: 'NodePort' }));
    expect(nodePort.spec?.ports?.[0]?.nodePort).toBe(30086);
    const replaced = expectRight(
      await patchSpec(env, 'a', { ports: [{ name: 'http', port: 8080 }] }),
    );
    expect(replaced.spec?.ports?.[0]?.nodePort).toBe(30086);
    expect(env.running.serviceAllocators.usage().nodePorts).toBe(1);
  });

  it('gives back the node port a refused update took', async () => {
    const env = await serviceTestEnv();
    expectRight(await create(env, service('a', { clusterIP: '10.96.0.5' })));
    const refused = expectLeft(
      await patchSpec(env, 'a', { type: 'NodePort', clusterIP: '10.96.0.6', clusterIPs: null }),
    );
    expect(refused.code).toBe(422);
    expect(env.running.serviceAllocators.usage().nodePorts).toBe(0);
  });

  it('rebuilds node ports from the store after a restart', async () => {
    const first = await serviceTestEnv();
    const ports = [{ name: 'http', port: 80, nodePort: 30080 }];
    expectRight(await create(first, service('a', { type: 'NodePort', ports })));
    first.running.stop();
    const second = await serviceTestEnv({ store: first.store, clock: first.clock });
    const refused = expectLeft(await create(second, service('b', { type: 'NodePort', ports })));
    expect(refused.message).toContain('provided port is already allocated');
  });

  it('allocates nothing for a dry run', async () => {
    const env = await serviceTestEnv();
    const dry = expectRight(
      await create(env, service('a', { type: 'NodePort' }), { dryRun: true }),
    );
    expect(dry.spec?.ports?.[0]?.nodePort).toBe(30086);
    expect(env.running.serviceAllocators.usage()).toEqual({ clusterIPs: 0, nodePorts: 0 });
  });
});
