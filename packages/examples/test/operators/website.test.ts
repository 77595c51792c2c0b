import { describe, expect, it } from '@jest/globals';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import {
  Deployments,
  Services,
  type Clock,
  type InProcessClient,
  type Status,
} from '@drydock/core';
import { createTestEnv, drydockMatchers, type TestEnv } from '@drydock/runtime/testing';
import {
  WebsiteResource,
  Websites,
  websiteController,
  type Website,
  type WebsiteSpec,
} from '../../src/operators/website.js';

expect.extend(drydockMatchers);

/** The operator, as the env starts controllers (named `website` in the trace). */
function website(client: InProcessClient, clock: Clock) {
  return websiteController({ client, clock });
}

function websiteNamed(name: string, spec: WebsiteSpec): Website {
  return {
    apiVersion: WebsiteResource.apiVersion,
    kind: WebsiteResource.kind,
    metadata: { namespace: 'default', name },
    spec,
  };
}

async function startEnv(): Promise<TestEnv> {
  return createTestEnv({
    controlPlane: true,
    nodes: 2,
    crds: [WebsiteResource.crd],
    controllers: [website],
  });
}

async function createWebsite(env: TestEnv, name: string, spec: WebsiteSpec): Promise<Website> {
  const created = await env.client.create(Websites, websiteNamed(name, spec));
  if (isLeft(created)) {
    throw new Error(created.left.message);
  }
  return created.right;
}

async function refusal(env: TestEnv, spec: unknown): Promise<Status> {
  const created = await env.client.create(Websites, {
    ...websiteNamed('bad', { image: 'nginx:1.27', replicas: 1 }),
    spec,
  } as Website);
  if (isRight(created)) {
    throw new Error('expected the apiserver to refuse the Website');
  }
  return created.left;
}

const shop = { namespace: 'default', name: 'shop' };

describe('the Website operator', () => {
  it('creates a Deployment and a Service the Website controls, and writes ready replicas and the URL', async () => {
    const env = await startEnv();
    try {
      const owner = await createWebsite(env, 'shop', { image: 'nginx:1.27', replicas: 2 });
      const ready = await env.until(Websites, shop, (w) => w?.status?.readyReplicas === 2);
      const deployment = await env.until(Deployments, shop, (d) => d !== undefined);
      const service = await env.until(Services, shop, (s) => s !== undefined);
      expect(deployment).toBeOwnedBy(owner);
      expect(service).toBeOwnedBy(owner);
      expect(deployment?.spec?.replicas).toBe(2);
      expect(deployment?.spec?.template.spec?.containers[0]).toMatchObject({
        image: 'nginx:1.27',
        ports: [{ name: 'http', containerPort: 8080 }],
      });
      expect(service?.spec?.ports?.[0]).toMatchObject({ port: 80, targetPort: 'http' });
      expect(service?.spec?.selector).toEqual(deployment?.spec?.selector.matchLabels);
      expect(ready?.status).toEqual({
        replicas: 2,
        readyReplicas: 2,
        url: `http://${service?.spec?.clusterIP ?? ''}`,
      });
    } finally {
      await env.stop();
    }
  });

  it('follows a change of the spec: more replicas, another image and port', async () => {
    const env = await startEnv();
    try {
      await createWebsite(env, 'shop', { image: 'nginx:1.27', replicas: 1 });
      const first = await env.until(Websites, shop, (w) => w?.status?.readyReplicas === 1);
      const changed = await env.client.update(Websites, {
        ...(first as Website),
        spec: { image: 'nginx:1.28', replicas: 3, port: 9090 },
      });
      expect(isRight(changed)).toBe(true);
      await env.until(Websites, shop, (w) => w?.status?.readyReplicas === 3, { within: '2m' });
      const deployment = await env.until(Deployments, shop, (d) => d !== undefined);
      expect(deployment?.spec?.replicas).toBe(3);
      expect(deployment?.spec?.template.spec?.containers[0]).toMatchObject({
        image: 'nginx:1.28',
        ports: [{ name: 'http', containerPort: 9090 }],
      });
    } finally {
      await env.stop();
    }
  });

  it('puts back a Deployment someone scaled by hand', async () => {
    const env = await startEnv();
    try {
      await createWebsite(env, 'shop', { image: 'nginx:1.27', replicas: 2 });
      await env.until(Deployments, shop, (d) => d !== undefined);
      const scaled = await env.client.patch(Deployments, shop, {
        type: 'merge',
        body: { spec: { replicas: 5 } },
      });
      expect(isRight(scaled) && scaled.right.spec?.replicas).toBe(5);
      await env.settle();
      const corrected = await env.until(Deployments, shop, (d) => d?.spec?.replicas === 2);
      expect(corrected?.spec?.replicas).toBe(2);
    } finally {
      await env.stop();
    }
  });

  it('refuses a bad spec with 422 and the fields that are wrong, and creates nothing', async () => {
    const env = await startEnv();
    try {
      const negative = await refusal(env, { image: '', replicas: -1, port: 70000 });
      expect(negative.code).toBe(422);
      expect(negative.reason).toBe('Invalid');
      expect(negative.details?.causes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'spec.image', reason: 'FieldValueInvalid' }),
          expect.objectContaining({
            field: 'spec.replicas',
            message: 'Invalid value: -1: should be greater than or equal to 0',
          }),
          expect.objectContaining({ field: 'spec.port', reason: 'FieldValueInvalid' }),
        ]),
      );
      const missing = await refusal(env, { replicas: 'three' });
      expect(missing.code).toBe(422);
      expect(missing.details?.causes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'spec.image', reason: 'FieldValueRequired' }),
          expect.objectContaining({ field: 'spec.replicas', reason: 'FieldValueTypeInvalid' }),
        ]),
      );
      await env.settle();
      const deployments = await env.client.list(Deployments, { namespace: 'default' });
      expect(isRight(deployments) && deployments.right.items).toEqual([]);
    } finally {
      await env.stop();
    }
  });

  it('leaves alone a Deployment of the same name that it does not control, and says why', async () => {
    const env = await startEnv();
    try {
      const foreign = await env.client.create(Deployments, {
        metadata: { namespace: 'default', name: 'shop' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'other' } },
          template: {
            metadata: { labels: { app: 'other' } },
            spec: { containers: [{ name: 'other', image: 'busybox:1.36' }] },
          },
        },
      });
      expect(isRight(foreign)).toBe(true);
      await createWebsite(env, 'shop', { image: 'nginx:1.27', replicas: 2 });
      await env.settle();
      const failures = env.trace.reconciles.filter(
        (record) => record.controller === 'website' && record.result._tag === 'Failed',
      );
      expect(failures.length).toBeGreaterThan(0);
      const last = failures[failures.length - 1]?.result;
      expect(last?._tag === 'Failed' && last.terminal).toBe(true);
      expect(last?._tag === 'Failed' && last.error.message).toBe(
        'Deployment default/shop exists and is not controlled by Website default/shop',
      );
      const untouched = await env.until(Deployments, shop, (d) => d !== undefined);
      expect(untouched?.spec?.replicas).toBe(1);
      expect(untouched?.metadata?.ownerReferences).toBeUndefined();
    } finally {
      await env.stop();
    }
  });

  it('has its Deployment and Service deleted with the Website', async () => {
    const env = await startEnv();
    try {
      await createWebsite(env, 'shop', { image: 'nginx:1.27', replicas: 1 });
      await env.until(Websites, shop, (w) => w?.status?.readyReplicas === 1);
      const deleted = await env.client.delete(Websites, shop);
      expect(isRight(deleted)).toBe(true);
      await env.until(Deployments, shop, (d) => d === undefined);
      await env.until(Services, shop, (s) => s === undefined);
    } finally {
      await env.stop();
    }
  });
});
