/**
 * Bodies and requests shared by the handler tests: minimal valid pods, deployments and
 * config maps, and request builders for the namespaced resources they live in.
 *
 * @module
 */
import type { ApiObject, ApiRequest } from '../../../src/apiserver/index.js';
import { gvr } from '../support/api-server-fixture.js';

/** The namespace the tests work in. */
export const NAMESPACE = 'default';

/** A pod body with one container, optionally scheduled and labelled. */
export function podBody(
  name: string,
  options: {
    readonly nodeName?: string;
    readonly labels?: Record<string, string>;
    readonly image?: string;
  } = {},
): ApiObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(options.labels === undefined ? {} : { labels: options.labels }) },
    spec: {
      containers: [{ name: 'app', image: options.image ?? 'nginx:1.25' }],
      ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }),
    },
  };
}

/** A deployment body with `replicas` replicas of one container, selecting `app: <name>`. */
export function deploymentBody(name: string, replicas = 1): ApiObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] },
      },
    },
  };
}

/** A config map body with `data`, optionally labelled. */
export function configMapBody(
  name: string,
  data: Record<string, string> = { key: 'value' },
  labels?: Record<string, string>,
): ApiObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, ...(labels === undefined ? {} : { labels }) },
    data,
  };
}

/** A request on a namespaced resource in {@link NAMESPACE}. */
export function inNamespace(
  resource: string,
  request: Omit<ApiRequest, 'resource' | 'namespace'>,
): ApiRequest {
  return { ...request, resource: gvr(resource), namespace: NAMESPACE };
}
