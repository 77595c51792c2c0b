/**
 * A running apiserver on a virtual clock with the Deployment and ReplicaSet
 * controllers, and helpers to make Deployments, read their ReplicaSets and pods, and
 * mark pods Ready (there is no kubelet: the test plays it).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Deployment, Pod, ReplicaSet } from '../../../src/api/kinds/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../../src/apiserver/index.js';
import {
  Deployments,
  InProcessClient,
  Pods,
  ReplicaSets,
  type Client,
} from '../../../src/client/index.js';
import { deploymentController } from '../../../src/controllers/deployment/index.js';
import { replicaSetController } from '../../../src/controllers/replica-set/index.js';
import { MemoryStore, VirtualClock } from '../../../src/index.js';
import type { ReconcileOutcome } from '../../../src/reconcile/index.js';

/** Lets promise chains (lists, reconciles, writes) run without moving the clock. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** What {@link environment} gives a test. */
export interface DeploymentEnvironment {
  readonly clock: VirtualClock;
  readonly client: Client;
  /** The Deployment controller's outcomes so far. */
  readonly outcomes: ReconcileOutcome[];
  readonly stop: () => void;
}

/** An apiserver with both controllers running. */
export async function environment(): Promise<DeploymentEnvironment> {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
  const outcomes: ReconcileOutcome[] = [];
  const replicaSets = replicaSetController({ client, clock }).run().subscribe();
  const deployments = deploymentController({ client, clock })
    .run()
    .subscribe((outcome) => outcomes.push(outcome));
  return {
    clock,
    client,
    outcomes,
    stop: () => {
      deployments.unsubscribe();
      replicaSets.unsubscribe();
    },
  };
}

/** A Deployment `web` (selector `app=web`) of `image`. */
export function deployment(
  options: {
    readonly replicas?: number;
    readonly image?: string;
    readonly strategy?: NonNullable<Deployment['spec']>['strategy'];
    readonly revisionHistoryLimit?: number;
    readonly progressDeadlineSeconds?: number;
    readonly paused?: boolean;
  } = {},
): Deployment {
  return {
    metadata: { namespace: 'default', name: 'web' },
    spec: {
      replicas: options.replicas ?? 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: options.image ?? 'nginx:1' }] },
      },
      ...(options.strategy === undefined ? {} : { strategy: options.strategy }),
      ...(options.revisionHistoryLimit === undefined
        ? {}
        : { revisionHistoryLimit: options.revisionHistoryLimit }),
      ...(options.progressDeadlineSeconds === undefined
        ? {}
        : { progressDeadlineSeconds: options.progressDeadlineSeconds }),
      ...(options.paused === undefined ? {} : { paused: options.paused }),
    },
  };
}

const WEB = { namespace: 'default', name: 'web' };

/** Merge-patches the Deployment `web`'s spec. */
export async function patchSpec(client: Client, spec: Record<string, unknown>): Promise<void> {
  const patched = await client.patch(Deployments, WEB, { type: 'merge', body: { spec } });
  if (isLeft(patched)) {
    throw new Error(patched.left.message);
  }
}

/** Sets the image of the Deployment `web`'s container. */
export async function setImage(client: Client, image: string): Promise<void> {
  await patchSpec(client, {
    template: { spec: { containers: [{ name: 'web', image }] } },
  });
}

/** The Deployment `web` as stored. */
export async function getDeployment(client: Client): Promise<Deployment> {
  const got = await client.get(Deployments, WEB);
  if (isLeft(got)) {
    throw new Error(got.left.message);
  }
  return got.right;
}

/** The ReplicaSets of the namespace, not being deleted, oldest revision first. */
export async function replicaSetsOf(client: Client): Promise<readonly ReplicaSet[]> {
  const listed = await client.list(ReplicaSets, { namespace: 'default' });
  if (isLeft(listed)) {
    throw new Error(listed.left.message);
  }
  return [...listed.right.items]
    .filter((rs) => rs.metadata?.deletionTimestamp === undefined)
    .sort((a, b) => revision(a) - revision(b));
}

/** A ReplicaSet's revision annotation, as a number. */
export function revision(replicaSet: ReplicaSet | undefined): number {
  return Number(replicaSet?.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
}

/** The pods of the namespace not being deleted. */
export async function livePods(client: Client): Promise<readonly Pod[]> {
  const listed = await client.list(Pods, { namespace: 'default' });
  if (isLeft(listed)) {
    throw new Error(listed.left.message);
  }
  return listed.right.items.filter((pod) => pod.metadata?.deletionTimestamp === undefined);
}

/** Whether a pod's Ready condition is True. */
export function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}

/** Marks up to `limit` live pods that are not ready Running and Ready; answers how many. */
export async function markReady(
  client: Client,
  clock: VirtualClock,
  limit = Number.POSITIVE_INFINITY,
): Promise<number> {
  const pending = (await livePods(client)).filter((pod) => !isReady(pod)).slice(0, limit);
  const at = new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const pod of pending) {
    await client.patchStatus(
      Pods,
      { namespace: 'default', name: pod.metadata?.name ?? '' },
      {
        type: 'merge',
        body: {
          status: {
            phase: 'Running',
            conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at }],
          },
        },
      },
    );
  }
  return pending.length;
}

/** The condition of `type` of the Deployment `web`. */
export async function conditionOf(
  client: Client,
  type: string,
): Promise<NonNullable<NonNullable<Deployment['status']>['conditions']>[number] | undefined> {
  return (await getDeployment(client)).status?.conditions?.find((c) => c.type === type);
}
