/**
 * What a Website owns: the Deployment and the Service it wants, how to correct ones
 * that drifted, and how to create or correct them with a controller reference.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  Deployments,
  isControlledBy,
  Services,
  setControllerReference,
  TerminalError,
  type ApiObject,
  type Client,
  type Deployment,
  type ResourceType,
  type Service,
} from '@drydock/core';
import type { Website } from './website.js';

/** The port a Website's container listens on when its spec names none. */
export const DEFAULT_WEBSITE_PORT = 8080;

/** The labels of a Website's pods: its Deployment's selector and its Service's. */
export function websitePodLabels(website: Website): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'website',
    'app.kubernetes.io/instance': website.metadata.name ?? '',
  };
}

/** The Deployment a Website wants, without its owner reference. */
export function desiredDeployment(website: Website): Deployment {
  const labels = websitePodLabels(website);
  return {
    metadata: {
      namespace: website.metadata.namespace ?? 'default',
      name: website.metadata.name ?? '',
      labels,
    },
    spec: {
      replicas: website.spec.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'web',
              image: website.spec.image,
              ports: [{ name: 'http', containerPort: website.spec.port ?? DEFAULT_WEBSITE_PORT }],
            },
          ],
        },
      },
    },
  };
}

/** The Service a Website wants, without its owner reference. */
export function desiredService(website: Website): Service {
  return {
    metadata: {
      namespace: website.metadata.namespace ?? 'default',
      name: website.metadata.name ?? '',
      labels: websitePodLabels(website),
    },
    spec: {
      selector: websitePodLabels(website),
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  };
}

/** A kind a Website owns: the object it wants, and how to correct one that drifted. */
export interface OwnedKind<T extends ApiObject> {
  readonly type: ResourceType<T>;
  /** The object the Website wants, without its owner reference. */
  readonly desired: (website: Website) => T;
  /**
   * `current` with the fields the operator owns set as in `desired`, or `current`
   * itself when they already are (so an unchanged object is never written).
   */
  readonly correct: (current: T, desired: T) => T;
}

/** A Website's Deployment: its replicas, image and container port are the operator's. */
export const WEBSITE_DEPLOYMENT: OwnedKind<Deployment> = {
  type: Deployments,
  desired: desiredDeployment,
  correct: (current, desired) => {
    const container = current.spec?.template.spec?.containers[0];
    const wanted = desired.spec?.template.spec?.containers[0];
    const same =
      current.spec?.replicas === desired.spec?.replicas &&
      container?.image === wanted?.image &&
      container?.ports?.[0]?.containerPort === wanted?.ports?.[0]?.containerPort;
    return same || desired.spec === undefined
      ? current
      : { ...current, spec: { ...current.spec, ...desired.spec } };
  },
};

/** A Website's Service: its selector and ports are the operator's; the rest is the apiserver's. */
export const WEBSITE_SERVICE: OwnedKind<Service> = {
  type: Services,
  desired: desiredService,
  correct: (current, desired) => {
    const portsOf = (service: Service): string =>
      JSON.stringify((service.spec?.ports ?? []).map((port) => [port.port, port.targetPort]));
    const same =
      JSON.stringify(current.spec?.selector) === JSON.stringify(desired.spec?.selector) &&
      portsOf(current) === portsOf(desired);
    // The apiserver's fields (clusterIP, ipFamilies, ...) are kept.
    return same
      ? current
      : {
          ...current,
          spec: {
            ...current.spec,
            ...(desired.spec?.selector === undefined ? {} : { selector: desired.spec.selector }),
            ...(desired.spec?.ports === undefined ? {} : { ports: desired.spec.ports }),
          },
        };
  },
};

/**
 * Creates the object a Website wants, or corrects the one there (keeping what the
 * apiserver set: defaults, a Service's clusterIP); answers it as stored.
 */
export async function ensureOwned<T extends ApiObject>(
  client: Client,
  website: Website,
  kind: OwnedKind<T>,
): Promise<T> {
  const { type } = kind;
  const desired = kind.desired(website);
  const key = { namespace: desired.metadata?.namespace ?? '', name: desired.metadata?.name ?? '' };
  const what = `${type.kind} ${key.namespace}/${key.name}`;
  const current = await client.get(type, key);
  if (isLeft(current)) {
    if (current.left.code !== 404) {
      throw new Error(`cannot read ${what}: ${current.left.message ?? ''}`);
    }
    const owned = setControllerReference(website, desired);
    if (isLeft(owned)) {
      throw new TerminalError(owned.left.message);
    }
    const created = await client.create(type, owned.right);
    if (isLeft(created)) {
      throw new Error(`cannot create ${what}: ${created.left.message ?? ''}`);
    }
    return created.right;
  }
  if (!isControlledBy(current.right, website)) {
    throw new TerminalError(
      `${what} exists and is not controlled by Website ${websiteKeyString(website)}`,
    );
  }
  const corrected = kind.correct(current.right, desired);
  if (corrected === current.right) {
    return current.right;
  }
  const updated = await client.update(type, corrected);
  if (isLeft(updated)) {
    throw new Error(`cannot update ${what}: ${updated.left.message ?? ''}`);
  }
  return updated.right;
}

/** A Website's `namespace/name`, for messages. */
export function websiteKeyString(website: Website): string {
  return `${website.metadata.namespace ?? ''}/${website.metadata.name ?? ''}`;
}
