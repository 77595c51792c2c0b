/**
 * Marking the pods of a lost node not ready (upstream's `MarkPodsNotReady`), so that
 * Services stop sending them traffic before they are evicted.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod, PodCondition } from '../../api/kinds/index.js';
import type { Status } from '../../api/status/index.js';
import { Pods, keyOf, type Client } from '../../client/index.js';
import type { EventRecorder } from '../../reconcile/helpers/index.js';

/** How marking a node's pods not ready went. */
export interface MarkPodsNotReadyResult {
  /** The pods whose `Ready` condition was turned `False`. */
  readonly marked: readonly string[];
  /** The failures (a pod gone meanwhile is not one): the pod's key and the `Status`. */
  readonly failures: readonly { readonly pod: string; readonly status: Status }[];
}

/**
 * Turns `False` the `Ready` condition of every pod bound to `nodeName` that has one not
 * already `False` (its `lastTransitionTime` set to `now`, reason and message kept),
 * through the `status` subresource, and records a `Warning` Event `NodeNotReady`
 * (`Node is not ready`) on each.
 *
 * Guarantees: each write is conditional on the pod's `resourceVersion` (a pod its
 * kubelet changed meanwhile is a failure, to retry); pods without a `Ready` condition
 * are left alone, as upstream.
 *
 * Errors: a failed list, or failed writes, are answered in `failures`, never thrown.
 */
export async function markPodsNotReady(options: {
  readonly client: Client;
  readonly recorder: EventRecorder;
  readonly nodeName: string;
  readonly now: string;
}): Promise<MarkPodsNotReadyResult> {
  const { client, recorder, nodeName, now } = options;
  const listed = await client.list(Pods, { fieldSelector: `spec.nodeName=${nodeName}` });
  if (isLeft(listed)) {
    return { marked: [], failures: [{ pod: '', status: listed.left }] };
  }
  const marked: string[] = [];
  const failures: { pod: string; status: Status }[] = [];
  for (const pod of listed.right.items) {
    const conditions = podConditionsNotReady(pod, now);
    if (pod.spec?.nodeName !== nodeName || conditions === undefined) {
      continue;
    }
    const key = keyOf(pod);
    const written = await client.patchStatus(Pods, key, {
      type: 'merge',
      body: {
        metadata: { resourceVersion: pod.metadata?.resourceVersion },
        status: { conditions },
      },
    });
    const name = `${key.namespace ?? ''}/${key.name}`;
    if (isLeft(written)) {
      if (written.left.code !== 404) {
        failures.push({ pod: name, status: written.left });
      }
      continue;
    }
    marked.push(name);
    await recorder.event(written.right, {
      type: 'Warning',
      reason: 'NodeNotReady',
      message: 'Node is not ready',
    });
  }
  return { marked, failures };
}

/** The pod's conditions with `Ready` turned `False`; `undefined` if there is nothing to change. */
function podConditionsNotReady(pod: Pod, now: string): PodCondition[] | undefined {
  const conditions = pod.status?.conditions ?? [];
  const ready = conditions.find((condition) => condition.type === 'Ready');
  if (ready === undefined || ready.status === 'False') {
    return undefined;
  }
  return conditions.map((condition) =>
    condition === ready ? { ...condition, status: 'False', lastTransitionTime: now } : condition,
  );
}
