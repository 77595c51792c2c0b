/**
 * The `pods/binding` subresource: the scheduler's way to assign a pod to a node.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { decodeObject } from '../../api/codec/index.js';
import { Binding, type PodCondition } from '../../api/kinds/index.js';
import { conflict, statusFromFieldErrors, type Status } from '../../api/status/index.js';
import { freezeForStorage, isPlainObject, type ApiObject } from '../api-object.js';
import { withFields } from '../object-copy.js';
import { respond, type ApiResult } from '../api-response.js';
import { statusFromStoreError } from '../storage/store-status.js';
import { checkBodyKind } from './object-identity.js';
import { readCurrentObject } from './read.js';
import type { RequestScope } from './request-scope.js';
import { formatTime } from './timestamps.js';

/** How many times a binding is retried when another write wins the race. */
const MAX_ATTEMPTS = 16;

/**
 * Binds a pod to the node of a `Binding` (`target.kind: Node`): sets `spec.nodeName`
 * and the condition `PodScheduled: True`; 201 with a success `Status`.
 *
 * Errors: 400 for a body that is not a Binding; 422 without `target.name`; 404 for a
 * missing pod; 409 `Conflict` when the pod is already assigned (`pod "web" is already
 * assigned to node "n1"`) or is being deleted.
 */
export async function bindPod(scope: RequestScope): Promise<ApiResult> {
  const target = bindingTarget(scope);
  if (isLeft(target)) {
    return target;
  }
  const name = scope.request.name ?? '';
  const ref = { group: '', resource: 'pods', name };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const read = await readCurrentObject(scope);
    if (isLeft(read)) {
      return read;
    }
    const kv = read.right;
    const pod = kv.value;
    const spec = isPlainObject(pod['spec']) ? pod['spec'] : {};
    const nodeName = spec['nodeName'];
    if (pod.metadata?.deletionTimestamp !== undefined) {
      return left(
        conflict({ ...ref, detail: `pod ${name} is being deleted, cannot be assigned to a host` }),
      );
    }
    if (typeof nodeName === 'string' && nodeName !== '') {
      return left(
        conflict({
          ...ref,
          detail: `pod ${name} is already assigned to node ${JSON.stringify(nodeName)}`,
        }),
      );
    }
    if (scope.options.dryRun === true) {
      return right(respond(201, successStatus()));
    }
    const bound = freezeForStorage(boundPod(pod, target.right, formatTime(scope.env.clock.now())));
    const result = await scope.env.store.txn({
      compare: [{ key: kv.key, target: 'modRevision', operator: '=', value: kv.modRevision }],
      success: [{ op: 'put', key: kv.key, value: bound }],
    });
    if (isLeft(result)) {
      return left(statusFromStoreError(result.left));
    }
    if (result.right.succeeded) {
      return right(respond(201, successStatus()));
    }
  }
  return left(conflict(ref));
}

function bindingTarget(scope: RequestScope): Either<Status, string> {
  const checked = checkBodyKind(scope, scope.request.body, { apiVersion: 'v1', kind: 'Binding' });
  if (isLeft(checked)) {
    return checked;
  }
  const name = scope.request.name ?? '';
  const decoded = decodeObject(Binding, checked.right);
  if (isLeft(decoded)) {
    return left(statusFromFieldErrors({ kind: 'Binding', version: 'v1', name }, decoded.left));
  }
  const targetName = decoded.right.target.name ?? '';
  if (targetName === '') {
    return left(
      statusFromFieldErrors({ kind: 'Binding', version: 'v1', name }, [
        { reason: 'FieldValueRequired', field: 'target.name', message: 'Required value' },
      ]),
    );
  }
  return right(targetName);
}

function boundPod(pod: ApiObject, nodeName: string, now: string): ApiObject {
  const spec = isPlainObject(pod['spec']) ? pod['spec'] : {};
  const status = isPlainObject(pod['status']) ? pod['status'] : {};
  const conditions = Array.isArray(status['conditions'])
    ? (status['conditions'] as PodCondition[])
    : [];
  const scheduled: PodCondition = {
    type: 'PodScheduled',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: now,
  };
  return withFields(pod, {
    spec: withFields(spec, { nodeName }),
    status: withFields(status, { conditions: withCondition(conditions, scheduled) }),
  });
}

/**
 * The conditions without those of the new one's type, then the new one: sized exactly,
 * since the stored pod keeps the array for as long as it lives.
 */
function withCondition(
  conditions: readonly PodCondition[],
  added: PodCondition,
): readonly PodCondition[] {
  let kept = 0;
  for (const condition of conditions) {
    if (condition.type !== added.type) {
      kept++;
    }
  }
  const result = new Array<PodCondition>(kept + 1);
  let at = 0;
  for (const condition of conditions) {
    if (condition.type !== added.type) {
      result[at++] = condition;
    }
  }
  result[at] = added;
  return result;
}

function successStatus(): ApiObject {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}
