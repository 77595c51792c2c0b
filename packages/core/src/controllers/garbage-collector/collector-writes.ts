/**
 * The garbage collector's writes: each reads the object live, then changes it with a
 * JSON patch whose `test` operations make it fail (rather than overwrite) if the object
 * changed in between, and each tells the collector's failures apart.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { isConflict, isNotFound, type Status } from '../../api/status/index.js';
import type { ApiObject, PropagationPolicy } from '../../apiserver/index.js';
import type { Client } from '../../client/client.js';
import type { ObjectKey, ResourceType } from '../../client/resource-type.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** What the garbage collector was doing when a request failed. */
export type GarbageCollectorStep =
  | 'ReadObject'
  | 'ReadOwner'
  | 'DeleteDependent'
  | 'RemoveOwnerReferences'
  | 'RemoveFinalizer'
  | 'UnknownOwnerKind';

/**
 * A request of the garbage collector failed (or an owner's kind is not served); the
 * object is examined again with backoff.
 */
export class GarbageCollectorError extends Error {
  /** The error's name, `GarbageCollectorError`. */
  override readonly name = 'GarbageCollectorError';
  /** What the collector was doing. */
  readonly step: GarbageCollectorStep;
  /** The apiserver's answer, when a request failed. */
  readonly status: Status | undefined;

  /** @param options - the step that failed, a message, and the failure's `Status`. */
  constructor(options: {
    readonly step: GarbageCollectorStep;
    readonly message: string;
    readonly status?: Status;
  }) {
    super(
      options.status === undefined
        ? `${options.step}: ${options.message}`
        : `${options.step}: ${options.message}: ${options.status.message ?? ''}`,
    );
    this.step = options.step;
    this.status = options.status;
  }
}

/** An object to write: its type, key and the uid it must still have. */
export interface CollectedObject {
  readonly type: ResourceType;
  readonly key: ObjectKey;
  readonly uid: string;
}

// ---------------------------------------------------------------------------
// writes
// ---------------------------------------------------------------------------

/**
 * The object as the apiserver has it now, or `undefined` if it is gone or was replaced
 * by another with the same name (another uid).
 *
 * Errors: throws {@link GarbageCollectorError} for any failure but NotFound.
 */
export async function readLive(
  client: Client,
  target: CollectedObject,
  step: 'ReadObject' | 'ReadOwner',
): Promise<ApiObject | undefined> {
  const answer = await client.get(target.type, target.key);
  if (isLeft(answer)) {
    if (isNotFound(answer.left)) {
      return undefined;
    }
    throw new GarbageCollectorError({ step, message: describe(target), status: answer.left });
  }
  return answer.right.metadata?.uid === target.uid ? answer.right : undefined;
}

/**
 * Deletes the object with `propagationPolicy`, on condition that it still has its uid.
 * Already gone, or replaced, is success.
 *
 * Errors: throws {@link GarbageCollectorError} for any other failure.
 */
export async function deleteObject(
  client: Client,
  target: CollectedObject,
  propagationPolicy: PropagationPolicy,
): Promise<void> {
  const answer = await client.delete(target.type, target.key, {
    propagationPolicy,
    preconditions: { uid: target.uid },
  });
  if (isLeft(answer) && !isNotFound(answer.left) && !isConflict(answer.left)) {
    throw new GarbageCollectorError({
      step: 'DeleteDependent',
      message: describe(target),
      status: answer.left,
    });
  }
}

/**
 * Removes the owner references to `ownerUids` from the object (read live). Nothing
 * happens if it is gone or has none of them.
 *
 * Errors: throws {@link GarbageCollectorError} when the patch fails (also when the
 * object changed between the read and the patch: examining it again retries).
 */
export async function removeOwnerReferences(
  client: Client,
  target: CollectedObject,
  ownerUids: ReadonlySet<string>,
): Promise<void> {
  const live = await readLive(client, target, 'ReadObject');
  const references = live?.metadata?.ownerReferences ?? [];
  const remaining = references.filter((reference) => !ownerUids.has(reference.uid));
  if (live === undefined || remaining.length === references.length) {
    return;
  }
  const answer = await client.patch(target.type, target.key, {
    type: 'json',
    body: [
      { op: 'test', path: '/metadata/uid', value: target.uid },
      { op: 'test', path: '/metadata/ownerReferences', value: references },
      remaining.length === 0
        ? { op: 'remove', path: '/metadata/ownerReferences' }
        : { op: 'replace', path: '/metadata/ownerReferences', value: remaining },
    ],
  });
  if (isLeft(answer) && !isNotFound(answer.left)) {
    throw new GarbageCollectorError({
      step: 'RemoveOwnerReferences',
      message: describe(target),
      status: answer.left,
    });
  }
}

/**
 * Removes `finalizer` from the object (read live); the apiserver deletes an object
 * being deleted when its last finalizer goes. Nothing happens if it is gone or does
 * not have the finalizer.
 *
 * Errors: throws {@link GarbageCollectorError} when the patch fails (also when the
 * object's finalizers changed between the read and the patch).
 */
export async function removeFinalizer(
  client: Client,
  target: CollectedObject,
  finalizer: string,
): Promise<void> {
  const live = await readLive(client, target, 'ReadObject');
  const finalizers = live?.metadata?.finalizers ?? [];
  if (live === undefined || !finalizers.includes(finalizer)) {
    return;
  }
  const remaining = finalizers.filter((name) => name !== finalizer);
  const answer = await client.patch(target.type, target.key, {
    type: 'json',
    body: [
      { op: 'test', path: '/metadata/uid', value: target.uid },
      { op: 'test', path: '/metadata/finalizers', value: finalizers },
      remaining.length === 0
        ? { op: 'remove', path: '/metadata/finalizers' }
        : { op: 'replace', path: '/metadata/finalizers', value: remaining },
    ],
  });
  if (isLeft(answer) && !isNotFound(answer.left)) {
    throw new GarbageCollectorError({
      step: 'RemoveFinalizer',
      message: `${finalizer} of ${describe(target)}`,
      status: answer.left,
    });
  }
}

function describe(target: CollectedObject): string {
  const group = target.type.group === '' ? '' : `.${target.type.group}`;
  const namespace = target.key.namespace === undefined ? '' : `${target.key.namespace}/`;
  return `${target.type.plural}${group} ${namespace}${target.key.name} (uid ${target.uid})`;
}
