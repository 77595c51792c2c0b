/**
 * Evicting one pod for a NoExecute taint, as upstream's taint eviction controller does.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod } from '../../api/kinds/index.js';
import type { Status } from '../../api/status/index.js';
import { formatTime } from '../../apiserver/index.js';
import { keyOf, Pods, type Client } from '../../client/index.js';
import type { EventRecorder } from '../../reconcile/helpers/index.js';

/**
 * Evicts `pod`: records a `Normal` Event `TaintManagerEviction`
 * (`Marking for deletion Pod <namespace>/<name>`), adds the condition
 * `DisruptionTarget=True` (reason `DeletionByTaintManager`, message
 * `Taint manager: deleting due to NoExecute taint`) unless it has it, then deletes the
 * pod (gracefully, with a precondition on its uid).
 *
 * Errors: the `Status` of a failed write, as `Left`-like `{ failed }`; a pod already
 * gone (404) is not a failure.
 */
export async function evictPod(options: {
  readonly client: Client;
  readonly recorder: EventRecorder;
  readonly pod: Pod;
  readonly now: number;
}): Promise<{ readonly failed?: Status }> {
  const { client, recorder, pod } = options;
  const key = keyOf(pod);
  await recorder.event(pod, {
    type: 'Normal',
    reason: 'TaintManagerEviction',
    message: `Marking for deletion Pod ${key.namespace ?? ''}/${key.name}`,
  });
  const hasCondition = (pod.status?.conditions ?? []).some(
    (condition) => condition.type === 'DisruptionTarget' && condition.status === 'True',
  );
  if (!hasCondition) {
    const patched = await client.patchStatus(Pods, key, {
      type: 'strategic',
      body: {
        status: {
          conditions: [
            {
              type: 'DisruptionTarget',
              status: 'True',
              reason: 'DeletionByTaintManager',
              message: 'Taint manager: deleting due to NoExecute taint',
              lastTransitionTime: formatTime(options.now),
            },
          ],
        },
      },
    });
    if (isLeft(patched)) {
      return patched.left.code === 404 ? {} : { failed: patched.left };
    }
  }
  const uid = pod.metadata?.uid;
  const deleted = await client.delete(
    Pods,
    key,
    uid === undefined ? {} : { preconditions: { uid } },
  );
  if (isLeft(deleted) && deleted.left.code !== 404 && deleted.left.code !== 409) {
    return { failed: deleted.left };
  }
  return {};
}
