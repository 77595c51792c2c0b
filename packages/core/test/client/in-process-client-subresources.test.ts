import { describe, expect, it } from '@jest/globals';
import type { Deployment } from '../../src/api/kinds/index.js';
import { ConfigMaps, Deployments, Pods } from '../../src/client/built-in-types.js';
import { expectLeft, expectRight } from '../support/either.js';
import { ALICE, clientFixture, type ClientFixture } from './support/client-fixture.js';

const WEB = { namespace: 'default', name: 'web' };

async function createDeployment(fixture: ClientFixture): Promise<Deployment> {
  return expectRight(
    await fixture.client.create(Deployments, {
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx' }] },
        },
      },
    }),
  );
}

describe('InProcessClient subresources', () => {
  describe('status', () => {
    it('updateStatus changes the status and nothing else', async () => {
      const fixture = await clientFixture();
      const created = await createDeployment(fixture);
      const updated = expectRight(
        await fixture.client.updateStatus(Deployments, {
          ...created,
          spec: { ...created.spec!, replicas: 9 },
          status: { replicas: 2, readyReplicas: 1 },
        }),
      );
      expect(updated.status).toMatchObject({ replicas: 2, readyReplicas: 1 });
      expect(updated.spec?.replicas).toBe(2);
    });

    it('update on the main resource leaves the status alone', async () => {
      const fixture = await clientFixture();
      const created = await createDeployment(fixture);
      const updated = expectRight(
        await fixture.client.update(Deployments, { ...created, status: { replicas: 7 } }),
      );
      expect(updated.status?.replicas).toBeUndefined();
    });

    it('updateStatus answers 409 Conflict for a stale resourceVersion', async () => {
      const fixture = await clientFixture();
      const created = await createDeployment(fixture);
      expectRight(
        await fixture.client.updateStatus(Deployments, { ...created, status: { replicas: 1 } }),
      );
      const status = expectLeft(
        await fixture.client.updateStatus(Deployments, { ...created, status: { replicas: 2 } }),
      );
      expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
    });

    it('patchStatus merges into the status', async () => {
      const fixture = await clientFixture();
      await createDeployment(fixture);
      const patched = expectRight(
        await fixture.client.patchStatus(Deployments, WEB, {
          type: 'merge',
          body: { status: { availableReplicas: 2 }, spec: { replicas: 5 } },
        }),
      );
      expect(patched.status?.availableReplicas).toBe(2);
      expect(patched.spec?.replicas).toBe(2);
    });

    it('patchStatus answers 404 NotFound for an object that does not exist', async () => {
      const fixture = await clientFixture();
      const status = expectLeft(
        await fixture.client.patchStatus(Deployments, WEB, { type: 'merge', body: {} }),
      );
      expect(status.reason).toBe('NotFound');
    });

    it('answers 404 for a type without a status subresource', async () => {
      const fixture = await clientFixture();
      const created = expectRight(
        await fixture.client.create(ConfigMaps, { metadata: { name: 'c', namespace: 'default' } }),
      );
      const status = expectLeft(await fixture.client.updateStatus(ConfigMaps, created));
      expect(status.code).toBe(404);
    });
  });

  describe('scale', () => {
    it('getScale answers an autoscaling/v1 Scale', async () => {
      const fixture = await clientFixture();
      await createDeployment(fixture);
      const scale = expectRight(await fixture.client.getScale(Deployments, WEB));
      expect(scale).toMatchObject({
        apiVersion: 'autoscaling/v1',
        kind: 'Scale',
        metadata: { name: 'web', namespace: 'default' },
        spec: { replicas: 2 },
        status: { selector: 'app=web' },
      });
    });

    it("updateScale sets the workload's replicas", async () => {
      const fixture = await clientFixture();
      await createDeployment(fixture);
      const scaled = expectRight(
        await fixture.client.updateScale(Deployments, WEB, {
          metadata: { name: 'web', namespace: 'default' },
          spec: { replicas: 5 },
        }),
      );
      expect(scaled.spec?.replicas).toBe(5);
      const deployment = expectRight(await fixture.client.get(Deployments, WEB));
      expect(deployment.spec?.replicas).toBe(5);
    });

    it('updateScale answers 409 Conflict for a stale resourceVersion', async () => {
      const fixture = await clientFixture();
      await createDeployment(fixture);
      const scale = expectRight(await fixture.client.getScale(Deployments, WEB));
      expectRight(
        await fixture.client.patch(Deployments, WEB, {
          type: 'merge',
          body: { metadata: { labels: { touched: 'yes' } } },
        }),
      );
      const status = expectLeft(
        await fixture.client.updateScale(Deployments, WEB, { ...scale, spec: { replicas: 3 } }),
      );
      expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
    });

    it('answers 404 NotFound for a workload that does not exist', async () => {
      const fixture = await clientFixture();
      const status = expectLeft(await fixture.client.getScale(Deployments, WEB));
      expect(status.reason).toBe('NotFound');
    });

    it('answers 404 for a type without a scale subresource', async () => {
      const fixture = await clientFixture();
      const status = expectLeft(
        await fixture.client.getScale(ConfigMaps, { namespace: 'default', name: 'c' }),
      );
      expect(status.code).toBe(404);
    });

    it('answers 403 Forbidden to a user without rights on deployments/scale', async () => {
      const fixture = await clientFixture({ authorization: 'RBAC' });
      await createDeployment(fixture);
      const status = expectLeft(await fixture.client.asUser(ALICE).getScale(Deployments, WEB));
      expect(status).toMatchObject({ code: 403, reason: 'Forbidden' });
    });
  });

  describe('binding', () => {
    async function createPod(fixture: ClientFixture): Promise<void> {
      expectRight(
        await fixture.client.create(Pods, {
          metadata: { name: 'web', namespace: 'default' },
          spec: { containers: [{ name: 'web', image: 'nginx' }] },
        }),
      );
    }

    it('bind assigns the pod to the node and marks it PodScheduled', async () => {
      const fixture = await clientFixture();
      await createPod(fixture);
      const status = expectRight(
        await fixture.client.bind(WEB, { target: { kind: 'Node', name: 'node-1' } }),
      );
      expect(status).toMatchObject({ kind: 'Status', status: 'Success' });
      const pod = expectRight(await fixture.client.get(Pods, WEB));
      expect(pod.spec?.nodeName).toBe('node-1');
      expect(pod.status?.conditions).toContainEqual(
        expect.objectContaining({ type: 'PodScheduled', status: 'True' }),
      );
    });

    it('bind answers 409 Conflict for a pod already assigned', async () => {
      const fixture = await clientFixture();
      await createPod(fixture);
      expectRight(await fixture.client.bind(WEB, { target: { kind: 'Node', name: 'node-1' } }));
      const status = expectLeft(
        await fixture.client.bind(WEB, { target: { kind: 'Node', name: 'node-2' } }),
      );
      expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
    });

    it('bind answers 404 NotFound for a pod that does not exist', async () => {
      const fixture = await clientFixture();
      const status = expectLeft(
        await fixture.client.bind(WEB, { target: { kind: 'Node', name: 'node-1' } }),
      );
      expect(status.reason).toBe('NotFound');
    });
  });
});
