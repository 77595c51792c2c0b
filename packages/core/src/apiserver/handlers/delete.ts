/**
 * The delete verb: preconditions, finalizers from the propagation policy, graceful
 * deletion, and the delete itself.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { ObjectMeta } from '../../api/meta/index.js';
import { conflict, type Status } from '../../api/status/index.js';
import type { KeyValue } from '../../store/index.js';
import { freezeForStorage, type ApiObject } from '../api-object.js';
import { withFields } from '../object-copy.js';
import { respond, type ApiResult } from '../api-response.js';
import { servedObject, withResourceVersion } from '../storage/served-object.js';
import { statusFromStoreError } from '../storage/store-status.js';
import { validatingAdmission } from './admission-stages.js';
import { readCurrentObject } from './read.js';
import type { RequestScope } from './request-scope.js';
import { formatTime } from './timestamps.js';

/** The finalizer that makes the garbage collector orphan an object's dependents. */
export const ORPHAN_FINALIZER = 'orphan';

/** The finalizer that makes the garbage collector delete dependents first. */
export const FOREGROUND_DELETION_FINALIZER = 'foregroundDeletion';

/** How many times a delete is retried when another write wins the race. */
const MAX_ATTEMPTS = 16;

/** What a delete did to one object. */
export interface DeleteOutcome {
  /** The object: as deleted, or as it now waits (deletionTimestamp set). */
  readonly object: ApiObject;
  /** Whether it is gone, or waits on finalizers or its grace period. */
  readonly deleted: boolean;
}

/**
 * Deletes the object the request names: 200 with the object, deleted or (with
 * finalizers, or a grace period for pods) marked with `deletionTimestamp`; 202 when
 * it waits under `propagationPolicy: Foreground`.
 *
 * Errors: 404; 409 `Conflict` for a failed precondition; a validating admission
 * plugin's failure.
 */
export async function deleteObject(scope: RequestScope): Promise<ApiResult> {
  const outcome = await deleteOne(scope);
  if (isLeft(outcome)) {
    return outcome;
  }
  const waiting = !outcome.right.deleted && scope.options.propagationPolicy === 'Foreground';
  return right(respond(waiting ? 202 : 200, outcome.right.object));
}

/** Deletes (or starts deleting) the object the request names; see {@link deleteObject}. */
export async function deleteOne(scope: RequestScope): Promise<Either<Status, DeleteOutcome>> {
  for (let attempt = 1; ; attempt++) {
    const read = await readCurrentObject(scope);
    if (isLeft(read)) {
      return read;
    }
    const kv = read.right;
    const current = servedObject(kv);
    const precondition = checkPreconditions(scope, current);
    if (isLeft(precondition)) {
      return precondition;
    }
    const admitted = await validatingAdmission(scope, {
      operation: 'DELETE',
      user: scope.user,
      resource: scope.request.resource,
      kind: {
        group: scope.definition.group,
        version: scope.definition.version,
        kind: scope.definition.kind,
      },
      ...(scope.request.namespace === undefined ? {} : { namespace: scope.request.namespace }),
      name: scope.request.name ?? '',
      object: current,
      oldObject: current,
      dryRun: scope.options.dryRun === true,
    });
    if (isLeft(admitted)) {
      return admitted;
    }
    const marked = markForDeletion(scope, kv.value);
    if (scope.options.dryRun === true) {
      return right({ object: marked ?? current, deleted: marked === undefined });
    }
    const outcome = await writeDeletion(scope, kv, marked);
    if (outcome !== 'lost-race') {
      return outcome;
    }
    if (attempt >= MAX_ATTEMPTS) {
      return left(
        conflict({
          group: scope.definition.group,
          resource: scope.definition.plural,
          name: scope.request.name ?? '',
        }),
      );
    }
  }
}

async function writeDeletion(
  scope: RequestScope,
  kv: KeyValue<ApiObject>,
  marked: ApiObject | undefined,
): Promise<Either<Status, DeleteOutcome> | 'lost-race'> {
  const unchanged = marked === kv.value;
  if (unchanged) {
    return right({ object: servedObject(kv), deleted: false });
  }
  const frozen = marked === undefined ? undefined : freezeForStorage(marked);
  const result = await scope.env.store.txn({
    compare: [{ key: kv.key, target: 'modRevision', operator: '=', value: kv.modRevision }],
    success:
      frozen === undefined
        ? [{ op: 'delete', range: { key: kv.key } }]
        : [{ op: 'put', key: kv.key, value: frozen }],
  });
  if (isLeft(result)) {
    return left(statusFromStoreError(result.left));
  }
  if (!result.right.succeeded) {
    return 'lost-race';
  }
  const revision = result.right.revision;
  return frozen === undefined
    ? right({ object: withResourceVersion(kv.value, revision), deleted: true })
    : right({
        object: servedObject({
          ...kv,
          value: frozen,
          modRevision: revision,
          version: kv.version + 1,
        }),
        deleted: false,
      });
}

/**
 * The object marked for a deletion that must wait (its finalizers, with those of the
 * propagation policy added, and its deletionTimestamp and grace period), the stored
 * object itself when nothing changes, or `undefined` when it can be deleted now.
 */
function markForDeletion(scope: RequestScope, stored: ApiObject): ApiObject | undefined {
  const metadata: ObjectMeta = stored.metadata ?? {};
  const finalizers = withPolicyFinalizers(
    metadata.finalizers ?? [],
    scope.options.propagationPolicy,
  );
  const requested = scope.options.gracePeriodSeconds;
  const grace =
    scope.strategy.gracePeriodSeconds === undefined
      ? 0
      : scope.strategy.gracePeriodSeconds(stored, requested);
  const now = scope.env.clock.now();
  const held = scope.strategy.holdsDeletion?.(stored) === true;
  if (metadata.deletionTimestamp !== undefined) {
    // Already being deleted: a shorter grace period brings the deadline forward.
    const remaining = metadata.deletionGracePeriodSeconds ?? 0;
    const shorter = grace < remaining;
    if (shorter && grace === 0 && finalizers.length === 0 && !held) {
      return undefined;
    }
    const sameFinalizers = finalizers.length === (metadata.finalizers ?? []).length;
    if (!shorter && sameFinalizers) {
      return stored;
    }
    return {
      ...stored,
      metadata: {
        ...metadata,
        ...(shorter
          ? { deletionTimestamp: formatTime(now + grace * 1000), deletionGracePeriodSeconds: grace }
          : {}),
        ...(finalizers.length === 0 ? {} : { finalizers }),
      },
    };
  }
  if (finalizers.length === 0 && grace === 0 && !held) {
    return undefined;
  }
  const marked: ApiObject = withFields(stored, {
    metadata: withFields(metadata, {
      deletionTimestamp: formatTime(now + grace * 1000),
      deletionGracePeriodSeconds: grace,
      ...(finalizers.length === 0 ? {} : { finalizers }),
    }),
  });
  return scope.strategy.prepareForDeletion === undefined
    ? marked
    : scope.strategy.prepareForDeletion(marked);
}

function withPolicyFinalizers(
  finalizers: readonly string[],
  policy: RequestScope['options']['propagationPolicy'],
): string[] {
  const added =
    policy === 'Orphan'
      ? ORPHAN_FINALIZER
      : policy === 'Foreground'
        ? FOREGROUND_DELETION_FINALIZER
        : undefined;
  return added === undefined || finalizers.includes(added)
    ? [...finalizers]
    : [...finalizers, added];
}

function checkPreconditions(scope: RequestScope, current: ApiObject): Either<Status, void> {
  const preconditions = scope.options.preconditions;
  const ref = {
    group: scope.definition.group,
    resource: scope.definition.plural,
    name: scope.request.name ?? '',
  };
  const uid = current.metadata?.uid ?? '';
  if (preconditions?.uid !== undefined && preconditions.uid !== uid) {
    return left(
      conflict({
        ...ref,
        detail: `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${uid}`,
      }),
    );
  }
  const resourceVersion = current.metadata?.resourceVersion ?? '';
  if (
    preconditions?.resourceVersion !== undefined &&
    preconditions.resourceVersion !== resourceVersion
  ) {
    return left(
      conflict({
        ...ref,
        detail: `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${resourceVersion}`,
      }),
    );
  }
  return right(undefined);
}
