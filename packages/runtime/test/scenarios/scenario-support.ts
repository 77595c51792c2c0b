// Shared pieces of the control-plane scenarios: a web Deployment and its Service.
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  Deployments,
  Events,
  Pods,
  ReplicaSets,
  Services,
  type Client,
  type Deployment,
  type Event,
  type Pod,
  type ReplicaSet,
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
  /** More fields of the pod template's spec (affinity, tolerations, nodeSelector...). */
  readonly podSpec?: Partial<PodSpec>;
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
          ...options.podSpec,
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

/** A pod's spec. */
export type PodSpec = NonNullable<Pod['spec']>;

/** A bare pod `name` in `default` running nginx, with `spec` fields added. */
export function barePod(name: string, spec: Partial<PodSpec> = {}): Pod {
  return {
    metadata: { namespace: 'default', name, labels: { run: name } },
    spec: { ...spec, containers: [{ name: 'app', image: 'nginx:1.27' }] },
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

/** The ReplicaSets of `namespace` labelled `app=<app>`, by creation (uid order breaks ties). */
export async function replicaSetsOf(
  client: Client,
  namespace = 'default',
  app = 'web',
): Promise<readonly ReplicaSet[]> {
  const listed = await client.list(ReplicaSets, { namespace, labelSelector: `app=${app}` });
  if (isLeft(listed)) {
    throw new Error(listed.left.message);
  }
  const uidNumber = (rs: ReplicaSet): number => Number((rs.metadata?.uid ?? '').replace(/\D/g, ''));
  return [...listed.right.items].sort(
    (a, b) =>
      (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '') ||
      uidNumber(a) - uidNumber(b),
  );
}

/** The Events of `namespace` about the object named `name`. */
export async function eventsAbout(
  client: Client,
  name: string,
  namespace = 'default',
): Promise<readonly Event[]> {
  const listed = await client.list(Events, { namespace });
  if (isLeft(listed)) {
    throw new Error(listed.left.message);
  }
  return listed.right.items.filter((event) => event.involvedObject.name === name);
}

/** Replaces the Deployment `name` with `change` applied to it, or throws. */
export async function changeDeployment(
  client: Client,
  change: (deployment: Deployment) => Deployment,
  name = 'web',
  namespace = 'default',
): Promise<Deployment> {
  const updated = await client.update(
    Deployments,
    change(await deploymentNamed(client, name, namespace)),
  );
  if (isLeft(updated)) {
    throw new Error(updated.left.message);
  }
  return updated.right;
}

/** The condition `type` of the pod, if it has one. */
export function podCondition(
  pod: Pod,
  type: string,
): { readonly status: string; readonly reason?: string; readonly message?: string } | undefined {
  return (pod.status?.conditions ?? []).find((condition) => condition.type === type);
}

/** The pod names of `pods` by node name (pods not yet bound are under `''`). */
export function podsByNode(pods: readonly Pod[]): ReadonlyMap<string, readonly string[]> {
  const byNode = new Map<string, string[]>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName ?? '';
    byNode.set(node, [...(byNode.get(node) ?? []), pod.metadata?.name ?? '']);
  }
  return byNode;
}

export { Services };
