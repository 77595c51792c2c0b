/**
 * What the garbage collector does with one object: orphan its dependents, delete them
 * first (foreground), or delete it (or drop dangling references) when its owners are
 * gone — upstream's `attemptToDeleteItem`, `processDeletingDependentsItem` and
 * `orphanDependents`.
 *
 * @module
 */
import type { OwnerReference } from '../../api/meta/owner-reference.js';
import {
  FOREGROUND_DELETION_FINALIZER,
  ORPHAN_FINALIZER,
  type ApiObject,
  type PropagationPolicy,
} from '../../apiserver/index.js';
import type { Client } from '../../client/client.js';
import { keyOf, type ObjectKey } from '../../client/resource-type.js';
import { awaitChange, type Action } from '../../reconcile/action.js';
import {
  deleteObject,
  GarbageCollectorError,
  readLive,
  removeFinalizer,
  removeOwnerReferences,
  type CollectedObject,
} from './collector-writes.js';
import type { MonitoredObject, ResourceMonitors } from './resource-monitors.js';

/** What {@link examineObject} works with. */
export interface GarbageCollectorContext {
  readonly client: Client;
  readonly monitors: ResourceMonitors;
  /** Queues the object with this uid to be examined. */
  readonly enqueue: (uid: string) => void;
}

/** How an owner reference stands, from a live read of the owner. */
type OwnerState = 'solid' | 'dangling' | 'waitingForDependentsDeletion';

/**
 * Examines the object whose `metadata.uid` is `request.name` (the collector's keys are
 * uids), as its cache has it:
 * - being deleted with the `orphan` finalizer: removes the references to it from every
 *   dependent, then the finalizer;
 * - being deleted with the `foregroundDeletion` finalizer: queues its dependents to be
 *   deleted; once none with `blockOwnerDeletion: true` remains, removes the finalizer;
 * - being deleted otherwise: nothing;
 * - with an owner that the caches miss or see deleting dependents: reads every owner
 *   live; with no owner left existing it deletes the object (in the foreground if an
 *   owner waits on its dependents); else it removes the references to absent and
 *   deleting owners.
 *
 * Returns `awaitChange()`: a change of the object, of an owner or of a dependent
 * queues it again. Errors: throws {@link GarbageCollectorError} (retried with backoff).
 */
export async function examineObject(
  request: ObjectKey,
  context: GarbageCollectorContext,
): Promise<Action> {
  const node = context.monitors.byUid(request.name);
  if (node === undefined) {
    return awaitChange();
  }
  const finalizers = node.object.metadata?.finalizers ?? [];
  if (node.object.metadata?.deletionTimestamp !== undefined) {
    if (finalizers.includes(ORPHAN_FINALIZER)) {
      await orphanDependents(node, context);
    } else if (finalizers.includes(FOREGROUND_DELETION_FINALIZER)) {
      await deleteDependentsFirst(node, context);
    }
    return awaitChange();
  }
  if (ownersLookSolid(node.object, context.monitors)) {
    return awaitChange();
  }
  const live = await readLive(context.client, collected(node), 'ReadObject');
  if (live !== undefined && live.metadata?.deletionTimestamp === undefined) {
    await collectIfOwnersGone({ type: node.type, object: live }, context);
  }
  return awaitChange();
}

/** Whether a deleting object waits for its dependents (foreground deletion). */
export function isDeletingDependents(object: ApiObject): boolean {
  return (
    object.metadata?.deletionTimestamp !== undefined &&
    (object.metadata.finalizers ?? []).includes(FOREGROUND_DELETION_FINALIZER)
  );
}

async function orphanDependents(
  owner: MonitoredObject,
  context: GarbageCollectorContext,
): Promise<void> {
  const ownerUid = owner.object.metadata?.uid ?? '';
  for (const dependent of context.monitors.dependentsOf(ownerUid)) {
    await removeOwnerReferences(context.client, collected(dependent), new Set([ownerUid]));
  }
  await removeFinalizer(context.client, collected(owner), ORPHAN_FINALIZER);
}

async function deleteDependentsFirst(
  owner: MonitoredObject,
  context: GarbageCollectorContext,
): Promise<void> {
  const ownerUid = owner.object.metadata?.uid ?? '';
  const dependents = context.monitors.dependentsOf(ownerUid);
  for (const dependent of dependents) {
    if (dependent.object.metadata?.deletionTimestamp === undefined) {
      context.enqueue(dependent.object.metadata?.uid ?? '');
    }
  }
  const blocking = dependents.filter((dependent) =>
    (dependent.object.metadata?.ownerReferences ?? []).some(
      (reference) => reference.uid === ownerUid && reference.blockOwnerDeletion === true,
    ),
  );
  if (blocking.length === 0) {
    await removeFinalizer(context.client, collected(owner), FOREGROUND_DELETION_FINALIZER);
  }
}

/**
 * Whether every owner of `object` is cached, in a scope it can own from, and not
 * deleting dependents (then the collector has nothing to do with it for now).
 */
export function ownersLookSolid(object: ApiObject, monitors: ResourceMonitors): boolean {
  return (object.metadata?.ownerReferences ?? []).every((reference) => {
    const owner = monitors.byUid(reference.uid);
    return (
      owner !== undefined &&
      !isDeletingDependents(owner.object) &&
      (!owner.type.namespaced || owner.object.metadata?.namespace === object.metadata?.namespace)
    );
  });
}

async function collectIfOwnersGone(
  dependent: MonitoredObject,
  context: GarbageCollectorContext,
): Promise<void> {
  const references = dependent.object.metadata?.ownerReferences ?? [];
  if (references.length === 0) {
    return;
  }
  const states = new Map<string, OwnerState>();
  for (const reference of references) {
    states.set(reference.uid, await ownerState(dependent.object, reference, context));
  }
  const standing = Array.from(states.values());
  if (standing.includes('solid')) {
    const dropped = Array.from(states)
      .filter(([, state]) => state !== 'solid')
      .map(([uid]) => uid);
    if (dropped.length > 0) {
      await removeOwnerReferences(context.client, collected(dependent), new Set(dropped));
    }
    return;
  }
  await deleteObject(context.client, collected(dependent), policyFor(dependent.object, standing));
}

/** Upstream's choice: foreground if an owner waits on its dependents, else the object's own. */
function policyFor(object: ApiObject, owners: readonly OwnerState[]): PropagationPolicy {
  const finalizers = object.metadata?.finalizers ?? [];
  if (owners.includes('waitingForDependentsDeletion')) {
    return 'Foreground';
  }
  if (finalizers.includes(ORPHAN_FINALIZER)) {
    return 'Orphan';
  }
  return finalizers.includes(FOREGROUND_DELETION_FINALIZER) ? 'Foreground' : 'Background';
}

/**
 * How an owner stands, read live: `dangling` when absent (not found, another uid, or a
 * namespaced owner of a cluster-scoped object, which cannot exist).
 */
async function ownerState(
  dependent: ApiObject,
  reference: OwnerReference,
  context: GarbageCollectorContext,
): Promise<OwnerState> {
  const type = context.monitors.typeOfOwner(reference);
  if (type === undefined) {
    throw new GarbageCollectorError({
      step: 'UnknownOwnerKind',
      message: `owner ${reference.apiVersion} ${reference.kind} ${reference.name} is not a served resource`,
    });
  }
  const namespace = dependent.metadata?.namespace;
  if (type.namespaced && (namespace === undefined || namespace === '')) {
    return 'dangling';
  }
  const key: ObjectKey = type.namespaced
    ? { namespace: namespace ?? '', name: reference.name }
    : { name: reference.name };
  const owner = await readLive(context.client, { type, key, uid: reference.uid }, 'ReadOwner');
  if (owner === undefined) {
    return 'dangling';
  }
  return isDeletingDependents(owner) ? 'waitingForDependentsDeletion' : 'solid';
}

function collected(node: MonitoredObject): CollectedObject {
  return { type: node.type, key: keyOf(node.object), uid: node.object.metadata?.uid ?? '' };
}
