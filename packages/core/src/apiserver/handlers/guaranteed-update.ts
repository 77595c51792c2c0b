/**
 * The shared path of every change to a stored object (update, patch, the status and
 * scale subresources, finalizer removal): read, build the new object from the current
 * one, carry the server's fields over, admit, validate, and write only if the object
 * is still the one read.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { ObjectMeta } from '../../api/meta/index.js';
import { conflict, invalid, type Status } from '../../api/status/index.js';
import type { KeyValue } from '../../store/index.js';
import { freezeForStorage, isPlainObject, type ApiObject } from '../api-object.js';
import { withFields, withoutFields } from '../object-copy.js';
import { jsonEqual, jsonEqualExcept } from '../json-equal.js';
import { servedObject, withResourceVersion } from '../storage/served-object.js';
import { statusFromStoreError } from '../storage/store-status.js';
import type { AdmissionAttributes } from '../admission/admission-plugin.js';
import {
  hasMutatingAdmission,
  mutatingAdmission,
  validateWrite,
  validatingAdmission,
} from './admission-stages.js';
import { readCurrentObject } from './read.js';
import type { RequestScope } from './request-scope.js';
import { withStoredMetadataIfUnchanged } from './stored-metadata.js';
import type { BegunWrite } from '../strategy/resource-strategy.js';

/** How many times an unconditional change is retried when another write wins the race. */
const MAX_ATTEMPTS = 16;

/** Which part of the object a change may touch. */
export type ChangeScope =
  /** The main endpoint: everything but `status` (when the resource has a status subresource). */
  | 'main'
  /** The `status` subresource: only `status`. */
  | 'status'
  /** A namespace's `finalize` subresource: only `spec.finalizers`. */
  | 'finalize';

/** A change to one stored object. */
export interface ObjectChange {
  readonly scope: ChangeScope;
  /**
   * The new object, from the current one (as served, with its resourceVersion).
   * A `metadata.resourceVersion` in the result is a precondition: it must be the
   * current one, or the change fails with 409 `Conflict`.
   */
  readonly build: (
    current: ApiObject,
  ) => Either<Status, ApiObject> | Promise<Either<Status, ApiObject>>;
}

/** What a change did: the object as it is now, and whether it was deleted. */
export interface ChangeOutcome {
  readonly object: ApiObject;
  /** The change removed the last finalizer of an object being deleted, deleting it. */
  readonly deleted: boolean;
}

/**
 * Applies a change to the object the request names, retrying on a lost race unless
 * the change carries a resourceVersion.
 *
 * Guarantees: an object is written only if it is still the one the change was built
 * from; a change that changes nothing writes nothing (and answers the current
 * object); an object whose deletion waits on finalizers is deleted when a change
 * removes the last one (and its grace period is over).
 *
 * Errors: 404 `NotFound`; 409 `Conflict` for a stale resourceVersion; 422 `Invalid`;
 * whatever `build` or admission answers.
 */
export async function guaranteedUpdate(
  scope: RequestScope,
  change: ObjectChange,
): Promise<Either<Status, ChangeOutcome>> {
  for (let attempt = 1; ; attempt++) {
    const read = await readCurrentObject(scope);
    if (isLeft(read)) {
      return read;
    }
    const kv = read.right;
    const current = servedObject(kv);
    const built = await change.build(current);
    if (isLeft(built)) {
      return built;
    }
    const precondition = built.right.metadata?.resourceVersion;
    const conditional = precondition !== undefined && precondition !== '';
    if (conditional && precondition !== current.metadata?.resourceVersion) {
      return left(conflictFor(scope));
    }
    const admitted = await admitChange(scope, change.scope, built.right, kv.value);
    if (isLeft(admitted)) {
      return admitted;
    }
    const begun = beginUpdate(scope, change.scope, admitted.right, kv.value);
    if (isLeft(begun)) {
      return begun;
    }
    let persisted = false;
    try {
      const next = withStoredMetadataIfUnchanged(begun.right.object, kv.value);
      if (jsonEqual(next, kv.value)) {
        return right({ object: current, deleted: false });
      }
      const finished = isDeletionFinished(next) && scope.strategy.holdsDeletion?.(next) !== true;
      if (scope.options.dryRun === true) {
        return right({ object: freezeForStorage(next), deleted: finished });
      }
      const frozen = freezeForStorage(next);
      const result = await scope.env.store.txn({
        compare: [{ key: kv.key, target: 'modRevision', operator: '=', value: kv.modRevision }],
        success: finished
          ? [{ op: 'delete', range: { key: kv.key } }]
          : [{ op: 'put', key: kv.key, value: frozen }],
      });
      if (isLeft(result)) {
        return left(statusFromStoreError(result.left));
      }
      persisted = result.right.succeeded;
      if (!result.right.succeeded) {
        if (conditional || attempt >= MAX_ATTEMPTS) {
          return left(conflictFor(scope));
        }
        continue;
      }
      const revision = result.right.revision;
      return right({
        object: finished
          ? withResourceVersion(frozen, revision)
          : servedObject(storedAt(kv, frozen, revision)),
        deleted: finished,
      });
    } finally {
      // Values assigned for a change that was not persisted go back; those it freed
      // are given up once it was (upstream's FinishFunc).
      begun.right.finish(persisted);
    }
  }
}

/** The strategy's `beginUpdate` for a change of the main endpoint, or nothing to settle. */
function beginUpdate(
  scope: RequestScope,
  changeScope: ChangeScope,
  object: ApiObject,
  old: ApiObject,
): Either<Status, BegunWrite> {
  return changeScope !== 'main' || scope.strategy.beginUpdate === undefined
    ? right({ object, finish: () => undefined })
    : scope.strategy.beginUpdate(object, old, { dryRun: scope.options.dryRun === true });
}

function storedAt(
  previous: KeyValue<ApiObject>,
  value: ApiObject,
  revision: number,
): KeyValue<ApiObject> {
  return { ...previous, value, modRevision: revision, version: previous.version + 1 };
}

function conflictFor(scope: RequestScope): Status {
  return conflict({
    group: scope.definition.group,
    resource: scope.definition.plural,
    name: scope.request.name ?? '',
  });
}

/** An object being deleted whose finalizers are all gone and whose grace period is over. */
function isDeletionFinished(object: ApiObject): boolean {
  const metadata = object.metadata;
  return (
    metadata?.deletionTimestamp !== undefined &&
    (metadata.finalizers ?? []).length === 0 &&
    (metadata.deletionGracePeriodSeconds ?? 0) === 0
  );
}

const STATUS: ReadonlySet<string> = new Set(['status']);

/** The metadata fields a change cannot set: they are carried over from the stored object. */
const SERVER_OWNED_METADATA: ReadonlySet<string> = new Set([
  'resourceVersion',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
]);

const METADATA_AND_STATUS: ReadonlySet<string> = new Set([
  'metadata',
  'status',
  'apiVersion',
  'kind',
]);
const METADATA_ONLY: ReadonlySet<string> = new Set(['metadata', 'apiVersion', 'kind']);

/**
 * The server's part of a change: its fields carried over from the stored object
 * (`old`, without resourceVersion), the status subresource rules, the generation,
 * then defaulting, mutating admission, validation and validating admission.
 */
async function admitChange(
  scope: RequestScope,
  changeScope: ChangeScope,
  built: ApiObject,
  old: ApiObject,
): Promise<Either<Status, ApiObject>> {
  const { definition, strategy, request } = scope;
  const hasStatus = definition.subresources.status === true;
  let candidate: ApiObject;
  if (changeScope === 'finalize') {
    const spec = isPlainObject(old['spec']) ? old['spec'] : {};
    const builtSpec = isPlainObject(built['spec']) ? built['spec'] : {};
    candidate = withFields(old, {
      spec: withFields(spec, { finalizers: builtSpec['finalizers'] ?? [] }),
    });
  } else if (changeScope === 'status') {
    candidate =
      built['status'] === undefined
        ? withoutFields(old, STATUS)
        : withFields(old, { status: built['status'] });
  } else {
    candidate = strategy.applyDefaults === undefined ? built : strategy.applyDefaults(built);
    if (hasStatus) {
      candidate =
        old['status'] === undefined
          ? withoutFields(candidate, STATUS)
          : withFields(candidate, { status: old['status'] });
    }
  }
  const metadata = carriedMetadata(candidate.metadata ?? {}, old.metadata ?? {});
  // As upstream's `EnsureObjectNamespaceMatchesRequestNamespace`: a body may leave
  // its namespace out (the URL's is meant); a cluster-scoped object has none.
  if (definition.namespaced && (metadata.namespace ?? '') === '') {
    metadata.namespace = request.namespace ?? '';
  } else if (!definition.namespaced) {
    delete metadata.namespace;
  }
  if (
    strategy.tracksGeneration &&
    changeScope === 'main' &&
    !jsonEqualExcept(candidate, old, hasStatus ? METADATA_AND_STATUS : METADATA_ONLY)
  ) {
    metadata.generation = (old.metadata?.generation ?? 0) + 1;
  }
  candidate = withFields(candidate, { metadata });
  const finalizerErrors = newFinalizersWhileDeleting(metadata, old.metadata ?? {});
  if (finalizerErrors !== undefined) {
    return left(
      invalid({
        kind: definition.kind,
        group: definition.group,
        name: metadata.name ?? '',
        errors: [finalizerErrors],
      }),
    );
  }
  // Built field by field, in upstream's order, rather than with conditional spreads.
  const attributes: Mutable<AdmissionAttributes> = {
    operation: 'UPDATE',
    user: scope.user,
    resource: request.resource,
  } as Mutable<AdmissionAttributes>;
  if (changeScope !== 'main') {
    attributes.subresource = changeScope;
  }
  attributes.kind = { group: definition.group, version: definition.version, kind: definition.kind };
  if (request.namespace !== undefined) {
    attributes.namespace = request.namespace;
  }
  attributes.name = request.name ?? '';
  attributes.object = candidate;
  attributes.oldObject = old;
  attributes.dryRun = scope.options.dryRun === true;
  const mutated = hasMutatingAdmission(scope)
    ? await mutatingAdmission(scope, attributes)
    : right(candidate);
  if (isLeft(mutated)) {
    return mutated;
  }
  const validated = validateWrite(
    scope,
    mutated.right,
    old,
    changeScope === 'status' ? 'status' : 'update',
  );
  if (isLeft(validated)) {
    return validated;
  }
  const admitted = await validatingAdmission(
    scope,
    mutated.right === candidate ? attributes : { ...attributes, object: mutated.right },
  );
  return isLeft(admitted) ? admitted : right(mutated.right);
}

/** A type's fields, writable: for objects built field by field. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The metadata of a change: the client's, with the fields only the server sets taken
 * from the stored object (creationTimestamp, deletion fields, generation) and the
 * resourceVersion dropped (it is the write's revision). The uid is the stored one
 * unless the client sent another, which validation rejects as immutable.
 */
function carriedMetadata(metadata: ObjectMeta, old: ObjectMeta): ObjectMeta {
  const carried: ObjectMeta = withoutFields(metadata, SERVER_OWNED_METADATA);
  if (carried.uid === undefined && old.uid !== undefined) {
    carried.uid = old.uid;
  }
  if (old.creationTimestamp !== undefined) {
    carried.creationTimestamp = old.creationTimestamp;
  }
  if (old.deletionTimestamp !== undefined) {
    carried.deletionTimestamp = old.deletionTimestamp;
  }
  if (old.deletionGracePeriodSeconds !== undefined) {
    carried.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
  }
  if (old.generation !== undefined) {
    carried.generation = old.generation;
  }
  return carried;
}

/** Upstream's rule: an object being deleted may lose finalizers, never gain them. */
function newFinalizersWhileDeleting(
  metadata: ObjectMeta,
  old: ObjectMeta,
): { reason: 'FieldValueForbidden'; field: string; message: string } | undefined {
  if (old.deletionTimestamp === undefined) {
    return undefined;
  }
  const before = new Set(old.finalizers ?? []);
  const added = (metadata.finalizers ?? []).filter((finalizer) => !before.has(finalizer));
  if (added.length === 0) {
    return undefined;
  }
  return {
    reason: 'FieldValueForbidden',
    field: 'metadata.finalizers',
    message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${added
      .map((finalizer) => JSON.stringify(finalizer))
      .join(', ')}}`,
  };
}
