import { describe, expect, it } from '@jest/globals';
import type { Service } from '@drydock/core';
import {
  DEFAULT_WEBSITE_PORT,
  desiredDeployment,
  desiredService,
  WEBSITE_DEPLOYMENT,
  WEBSITE_SERVICE,
} from '../../src/operators/website-owned.js';
import { WebsiteResource, type Website } from '../../src/operators/website.js';

const shop: Website = {
  apiVersion: WebsiteResource.apiVersion,
  kind: WebsiteResource.kind,
  metadata: { namespace: 'shops', name: 'shop', uid: 'uid-1' },
  spec: { image: 'nginx:1.27', replicas: 2 },
};

describe('what a Website owns', () => {
  it('wants a Deployment of its image and replicas, on port 8080 when the spec names none', () => {
    const deployment = desiredDeployment(shop);
    expect(deployment.metadata).toMatchObject({ namespace: 'shops', name: 'shop' });
    expect(deployment.spec?.replicas).toBe(2);
    expect(deployment.spec?.selector.matchLabels).toEqual(
      deployment.spec?.template.metadata?.labels,
    );
    expect(deployment.spec?.template.spec?.containers).toEqual([
      {
        name: 'web',
        image: 'nginx:1.27',
        ports: [{ name: 'http', containerPort: DEFAULT_WEBSITE_PORT }],
      },
    ]);
  });

  it('wants a Service on port 80 to the pods it selects', () => {
    const service = desiredService(shop);
    expect(service.spec?.selector).toEqual(desiredDeployment(shop).spec?.selector.matchLabels);
    expect(service.spec?.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
  });

  it('answers the very same Deployment when the fields it owns are as wanted', () => {
    const current = desiredDeployment(shop);
    expect(WEBSITE_DEPLOYMENT.correct(current, desiredDeployment(shop))).toBe(current);
  });

  it('corrects a Deployment whose replicas drifted, without changing the one it was given', () => {
    const wanted = desiredDeployment(shop);
    const current = { ...wanted, spec: { ...wanted.spec!, replicas: 5 } };
    const corrected = WEBSITE_DEPLOYMENT.correct(current, wanted);
    expect(corrected.spec?.replicas).toBe(2);
    expect(current.spec.replicas).toBe(5);
  });

  it('keeps the clusterIP the apiserver gave a Service it corrects', () => {
    const wanted = desiredService(shop);
    const current: Service = {
      ...wanted,
      spec: {
        clusterIP: '10.96.0.20',
        selector: { app: 'other' },
        ports: wanted.spec?.ports ?? [],
      },
    };
    const corrected = WEBSITE_SERVICE.correct(current, wanted);
    expect(corrected.spec).toMatchObject({
      clusterIP: '10.96.0.20',
      selector: wanted.spec?.selector,
    });
  });
});
