import { describe, expect, it } from '@jest/globals';
import { Services } from '../../../src/client/index.js';
import { expectLeft, expectRight } from '../../support/either.js';
import { create, patchSpec, remove, service, serviceTestEnv } from './service-test-env.js';

describe('cluster IP allocation', () => {
  it('gives a new service a cluster IP from the range, with its IP family fields', async () => {
    const env = await serviceTestEnv();
    const created = expectRight(await create(env, service('web')));
    expect(created.spec?.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./);
    expect(created.spec?.clusterIPs).toEqual([created.spec?.clusterIP]);
    expect(created.spec?.ipFamilies).toEqual(['IPv4']);
    expect(created.spec?.ipFamilyPolicy).toBe('SingleStack');
  });

  it('allocates sequentially above the static band, never the kubernetes address', async () => {
    const env = await serviceTestEnv();
    const first = expectRight(await create(env, service('a')));
    const second = expectRight(await create(env, service('b')));
    expect(first.spec?.clusterIP).toBe('10.96.1.1');
    expect(second.spec?.clusterIP).toBe('10.96.1.2');
  });

  it('keeps a headless service headless', async () => {
    const env = await serviceTestEnv();
    const created = expectRight(await create(env, service('db', { clusterIP: 'None' })));
    expect(created.spec?.clusterIP).toBe('None');
    expect(created.spec?.clusterIPs).toEqual(['None']);
    expect(env.running.serviceAllocators.usage().clusterIPs).toBe(0);
  });

  it('gives an ExternalName service no cluster IP', async () => {
    const env = await serviceTestEnv();
    const created = expectRight(
      await create(env, {
        metadata: { namespace: 'default', name: 'ext' },
        spec: { type: 'ExternalName', externalName: 'example.com' },
      }),
    );
    expect(created.spec?.clusterIP).toBeUndefined();
    expect(created.spec?.ipFamilies).toBeUndefined();
  });

  it('reserves a requested IP inside the range', async () => {
    const env = await serviceTestEnv();
    const created = expectRight(await create(env, service('dns', { clusterIP: '10.96.0.10' })));
    expect(created.spec?.clusterIPs).toEqual(['10.96.0.10']);
  });

  it('refuses a requested IP that is already allocated, in upstream words', async () => {
    const env = await serviceTestEnv();
    expectRight(await create(env, service('a', { clusterIP: '10.96.0.5' })));
    const refused = expectLeft(await create(env, service('b', { clusterIP: '10.96.0.5' })));
    expect(refused.code).toBe(422);
    expect(refused.message).toBe(
      'Service "b" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.5"]: ' +
        'failed to allocate IP 10.96.0.5: provided IP is already allocated',
    );
  });

  it('refuses a requested IP outside the range, naming the range', async () => {
    const env = await serviceTestEnv();
    const refused = expectLeft(await create(env, service('a', { clusterIP: '10.0.0.10' })));
    expect(refused.code).toBe(422);
    expect(refused.message).toContain(
      'failed to allocate IP 10.0.0.10: provided IP is not in the valid range. ' +
        'The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('refuses a requested value that is no IP address', async () => {
    const env = await serviceTestEnv();
    const refused = expectLeft(await create(env, service('a', { clusterIP: 'ten' })));
    expect(refused.details?.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.clusterIPs[0]',
        message: 'Invalid value: "ten": must be a valid IP address',
      },
    ]);
  });

  it('refuses the dual-stack requests a single-stack cluster cannot serve', async () => {
    const env = await serviceTestEnv();
    const dual = expectLeft(
      await create(env, service('a', { ipFamilyPolicy: 'RequireDualStack' })),
    );
    expect(dual.message).toContain('this cluster is not configured for dual-stack services');
    const v6 = expectLeft(await create(env, service('b', { ipFamilies: ['IPv6'] })));
    expect(v6.message).toContain('spec.ipFamilies[0]: Invalid value: "IPv6": not configured');
  });

  it('answers 500 range is full once a small range is exhausted', async () => {
    // A /29 holds 6 usable addresses; the first is only given on request.
    const env = await serviceTestEnv({ serviceClusterIPRange: '10.0.0.0/29' });
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      expectRight(await create(env, service(name)));
    }
    const full = expectLeft(await create(env, service('f')));
    expect(full.code).toBe(500);
    expect(full.reason).toBe('InternalError');
    expect(full.message).toBe(
      'Internal error occurred: failed to allocate a serviceIP: range is full',
    );
    expectRight(await create(env, service('kubernetes', { clusterIP: '10.0.0.1' })));
  });

  it('frees the IP when the service is deleted', async () => {
    const env = await serviceTestEnv();
    expectRight(await create(env, service('a', { clusterIP: '10.96.0.5' })));
    expectRight(await remove(env, 'a'));
    expect(env.running.serviceAllocators.usage().clusterIPs).toBe(0);
    expectRight(await create(env, service('b', { clusterIP: '10.96.0.5' })));
  });

  it('leaks nothing when the create fails after allocating', async () => {
    const env = await serviceTestEnv({ serviceClusterIPRange: '10.0.0.0/29' });
    expectRight(await create(env, service('a')));
    // The name is taken: the IP allocated for the second create goes back.
    expect(expectLeft(await create(env, service('a'))).reason).toBe('AlreadyExists');
    expect(env.running.serviceAllocators.usage().clusterIPs).toBe(1);
    for (const name of ['b', 'c', 'd', 'e']) {
      expectRight(await create(env, service(name)));
    }
  });

  it('allocates nothing for a dry run, yet answers an IP', async () => {
    const env = await serviceTestEnv();
    const dry = expectRight(await create(env, service('a'), { dryRun: true }));
    expect(dry.spec?.clusterIP).toBe('10.96.1.1');
    expect(env.running.serviceAllocators.usage().clusterIPs).toBe(0);
    const real = expectRight(await create(env, service('a')));
    expect(real.spec?.clusterIP).toBe('10.96.1.1');
  });

  it('refuses a change of the cluster IP', async () => {
    const env = await serviceTestEnv();
    expectRight(await create(env, service('a', { clusterIP: '10.96.0.5' })));
    const refused = expectLeft(
      await patchSpec(env, 'a', { clusterIP: '10.96.0.6', clusterIPs: ['10.96.0.6'] }),
    );
    expect(refused.code).toBe(422);
    expect(refused.message).toBe(
      'Service "a" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.6"]: may not change once set',
    );
  });

  it('keeps the cluster IP through a change that leaves it out', async () => {
    const env = await serviceTestEnv();
    const created = expectRight(await create(env, service('a')));
    const changed = expectRight(await patchSpec(env, 'a', { clusterIP: null, clusterIPs: null }));
    expect(changed.spec?.clusterIP).toBe(created.spec?.clusterIP);
    expect(changed.spec?.clusterIPs).toEqual(created.spec?.clusterIPs);
  });

  it('frees the IP when the service becomes ExternalName, and allocates one back', async () => {
    const env = await serviceTestEnv();
    expectRight(await create(env, service('a', { clusterIP: '10.96.0.5' })));
    const external = expectRight(
      await patchSpec(env, 'a', { type: 'ExternalName', externalName: 'example.com' }),
    );
    expect(external.spec?.clusterIP).toBeUndefined();
    expect(env.running.serviceAllocators.usage().clusterIPs).toBe(0);
    const back = expectRight(await patchSpec(env, 'a', { type: 'ClusterIP', externalName: null }));
    expect(back.spec?.clusterIP).toBe('10.96.1.1');
  });

  it('rebuilds what is held from the store after a restart', async () => {
    const first = await serviceTestEnv();
    expectRight(await create(first, service('a', { clusterIP: '10.96.0.5' })));
    expectRight(await create(first, service('b')));
    first.running.stop();
    const second = await serviceTestEnv({ store: first.store, clock: first.clock });
    expect(second.running.serviceAllocators.usage().clusterIPs).toBe(2);
    const refused = expectLeft(await create(second, service('c', { clusterIP: '10.96.0.5' })));
    expect(refused.message).toContain('provided IP is already allocated');
    expectRight(await remove(second, 'a'));
    expectRight(await create(second, service('c', { clusterIP: '10.96.0.5' })));
  });

  it('frees the IP of a service deleted through its last finalizer', async () => {
    const env = await serviceTestEnv();
    expectRight(
      await create(env, {
        ...service('a', { clusterIP: '10.96.0.5' }),
        metadata: { namespace: 'default', name: 'a', finalizers: ['example.com/hold'] },
      }),
    );
    expectRight(await remove(env, 'a'));
    expect(env.running.serviceAllocators.usage().clusterIPs).toBe(1);
    expectRight(
      await env.client.patch(
        Services,
        { namespace: 'default', name: 'a' },
        { type: 'merge', body: { metadata: { finalizers: null } } },
      ),
    );
    expect(env.running.serviceAllocators.usage().clusterIPs).toBe(0);
  });
});
