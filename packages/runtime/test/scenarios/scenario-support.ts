// Shared pieces of the control-plane scenarios: a web Deployment and its Service.
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  Deployments,
  Pods,
  Services,
  type Client,
  type Deployment,
  type Pod,
  type Service,
} from '@drydock/core';

/** A Deployment `web` of `replicas` nginx pods labelled `app=web`. */
export function webDeployment(options: {
  readonly replicas: number;
  readonly name?: string;
  readonly namespace?: string;
  readonly image?: string;
  readonly cpu?: string;
  readonly maxSurge?: number;
  readonly maxUnavailable?: number;
}): Deployment {
  const name = options.name ?? 'web';
  return {
    metadata: { namespace: options.namespace ?? 'default', name },
    spec: {
      replicas: options.replicas,
      selector: { matchLabels: { app: name } },
      ...(options.maxSurge === undefined
        ? {}
        : {
            strategy: {
              type: 'RollingUpdate',
              rollingUpdate: {
                maxSurge: options.maxSurge,
                maxUnavailable: options.maxUnavailable ?? 0,
              },
            },
          }),
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'web',
              image: options.image ?? 'nginx:1.27',
              ports: [{ name: 'http', containerPort: 8080 }],
              ...(options.cpu === undefined
                ? {}
                : { resources: { requests: { cpu: options.cpu } } }),
            },
          ],
        },
      },
    },
  };
}

/** A ClusterIP Service `web` on port 80 to the pods' `http` port. */
export function webService(namespace = 'default'): Service {
  return {
    metadata: { namespace, name: 'web' },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  };
}

/** Creates `object` or throws with the apiserver's message. */
export async function mustCreate<T>(created: Promise<{ _tag: string } & object>): Promise<T> {
  const result = (await created) as
    { _tag: 'Left'; left: { message?: string } } | { _tag: 'Right'; right: T };
  if (result._tag === 'Left') {
    throw new Error(`create failed: ${result.left.message ?? ''}`);
  }
  return result.right;
}

/** The pods of `namespace` (all of them, or those labelled `app=<app>`). */
export async function podsOf(
  client: Client,
  namespace = 'default',
  app?: string,
): Promise<readonly Pod[]> {
  const listed = await client.list(Pods, {
    namespace,
    ...(app === undefined ? {} : { labelSelector: `app=${app}` }),
  });
  if (isLeft(listed)) {
    throw new Error(listed.left.message);
  }
  return listed.right.items;
}

/** Whether the pod is Running with the condition Ready True. */
export function isRunningAndReady(pod: Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') &&
    pod.metadata?.deletionTimestamp === undefined
  );
}

/** The Deployment `name`, which must exist. */
export async function deploymentNamed(
  client: Client,
  name = 'web',
  namespace = 'default',
): Promise<Deployment> {
  const got = await client.get(Deployments, { namespace, name });
  if (isLeft(got)) {
    throw new Error(got.left.message);
  }
  return got.right;
}

export { Services };
