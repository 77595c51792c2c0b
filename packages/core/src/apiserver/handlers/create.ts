/**
 * The create verb: decode, default, admit, name, validate, persist.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { alreadyExists, type Status } from '../../api/status/index.js';
import type { ObjectMeta } from '../../api/meta/index.js';
import { freezeForStorage, type ApiObject } from '../api-object.js';
import { withFields, withoutFields } from '../object-copy.js';
import { respond, type ApiResult } from '../api-response.js';
import { objectKey } from '../storage/object-key.js';
import { servedObject } from '../storage/served-object.js';
import { statusFromStoreError } from '../storage/store-status.js';
import {
  hasMutatingAdmission,
  mutatingAdmission,
  validateWrite,
  validatingAdmission,
} from './admission-stages.js';
import type { AdmissionAttributes } from '../admission/admission-plugin.js';
import { decodeBody } from './decode-body.js';
import { generateName } from './generate-name.js';
import { checkBodyPlacement } from './object-identity.js';
import type { RequestScope } from './request-scope.js';
import type { BegunWrite } from '../strategy/resource-strategy.js';
import { formatTime } from './timestamps.js';

/** The metadata only the server sets on create: whatever a client sent is dropped. */
const SERVER_SET_METADATA: ReadonlySet<string> = new Set([
  'resourceVersion',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'uid',
  'creationTimestamp',
]);

/** The same, and the namespace, which cluster-scoped objects do not have. */
const SERVER_SET_METADATA_AND_NAMESPACE: ReadonlySet<string> = new Set([
  ...SERVER_SET_METADATA,
  'namespace',
]);

const STATUS: ReadonlySet<string> = new Set(['status']);

/** How many generated names are tried before a create with `generateName` gives up. */
const GENERATE_NAME_ATTEMPTS = 8;

/**
 * Creates an object: 201 with the stored object.
 *
 * Errors: 400/422 from decoding; 422 `Invalid` from validation (with every cause);
 * 409 `AlreadyExists`; any admission plugin's failure; 413 for an object over the
 * store's size limit.
 */
export async function createObject(scope: RequestScope): Promise<ApiResult> {
  const decoded = decodeBody(scope, scope.request.body);
  if (isLeft(decoded)) {
    return decoded;
  }
  const placed = checkBodyPlacement(scope, decoded.right.object);
  if (isLeft(placed)) {
    return placed;
  }
  const admitted = await admitNewObject(scope, decoded.right.object);
  if (isLeft(admitted)) {
    return admitted;
  }
  const begun = beginCreate(scope, admitted.right);
  if (isLeft(begun)) {
    return begun;
  }
  const object = begun.right.object;
  const generated =
    (object.metadata?.name ?? '') === '' && (object.metadata?.generateName ?? '') !== '';
  let persisted = false;
  try {
    for (let attempt = 1; ; attempt++) {
      const named = generated ? withGeneratedName(scope, object) : object;
      const stored = await persistNewObject(scope, named);
      if (
        isLeft(stored) &&
        stored.left.reason === 'AlreadyExists' &&
        generated &&
        attempt < GENERATE_NAME_ATTEMPTS
      ) {
        continue;
      }
      persisted = !isLeft(stored) && scope.options.dryRun !== true;
      return isLeft(stored) ? stored : right(respond(201, stored.right, decoded.right.warnings));
    }
  } finally {
    // Values assigned for an object that was not persisted go back (upstream's FinishFunc).
    begun.right.finish(persisted);
  }
}

/** The strategy's `beginCreate`, or the object as it is with nothing to settle. */
function beginCreate(scope: RequestScope, object: ApiObject): Either<Status, BegunWrite> {
  return scope.strategy.beginCreate === undefined
    ? right({ object, finish: () => undefined })
    : scope.strategy.beginCreate(object, { dryRun: scope.options.dryRun === true });
}

/**
 * Runs a decoded object through defaulting, mutating admission, the server-set
 * metadata, validation and validating admission: what {@link createObject} persists.
 * The name is still empty when `generateName` is to supply it.
 */
export async function admitNewObject(
  scope: RequestScope,
  decoded: ApiObject,
): Promise<Either<Status, ApiObject>> {
  const { definition, strategy, request } = scope;
  const defaulted =
    strategy.applyDefaults === undefined ? decoded : strategy.applyDefaults(decoded);
  const namespace = request.namespace;
  // A body that already names the request's namespace is not copied to set it again.
  const withNamespace =
    definition.namespaced && defaulted.metadata?.namespace !== (namespace ?? '')
      ? withFields(defaulted, {
          metadata: withFields(defaulted.metadata ?? {}, { namespace: namespace ?? '' }),
        })
      : defaulted;
  const kind = { group: definition.group, version: definition.version, kind: definition.kind };
  const name = withNamespace.metadata?.name ?? '';
  const dryRun = scope.options.dryRun === true;
  const user = scope.user;
  const resource = request.resource;
  // Two literals rather than a conditional spread, so the fields keep their order.
  const attributes: AdmissionAttributes =
    namespace === undefined
      ? { operation: 'CREATE', user, resource, kind, name, object: withNamespace, dryRun }
      : {
          operation: 'CREATE',
          user,
          resource,
          kind,
          namespace,
          name,
          object: withNamespace,
          dryRun,
        };
  const mutated = hasMutatingAdmission(scope)
    ? await mutatingAdmission(scope, attributes)
    : right(withNamespace);
  if (isLeft(mutated)) {
    return mutated;
  }
  const prepared = prepareForCreate(scope, mutated.right);
  const validated = validateWrite(scope, prepared, undefined, 'create');
  if (isLeft(validated)) {
    return validated;
  }
  const admitted = await validatingAdmission(scope, { ...attributes, object: prepared });
  return isLeft(admitted) ? admitted : right(prepared);
}

/**
 * The metadata the server owns on a new object: uid, creationTimestamp, generation 1
 * (for resources that track it), the namespace of the URL; client-set
 * resourceVersion, deletion fields and (with a status subresource) status dropped;
 * then the resource's own preparation.
 */
function prepareForCreate(scope: RequestScope, object: ApiObject): ApiObject {
  const { definition, strategy, env } = scope;
  const metadata: ObjectMeta = withoutFields(
    object.metadata ?? {},
    definition.namespaced ? SERVER_SET_METADATA : SERVER_SET_METADATA_AND_NAMESPACE,
  );
  if (definition.namespaced) {
    metadata.namespace = scope.request.namespace ?? '';
  }
  metadata.uid = env.generateUid();
  metadata.creationTimestamp = formatTime(env.clock.now());
  if (strategy.tracksGeneration) {
    metadata.generation = 1;
  }
  const prepared: ApiObject =
    definition.subresources.status === true && 'status' in object
      ? withFields(withoutFields(object, STATUS), { metadata })
      : withFields(object, { metadata });
  return strategy.prepareForCreate === undefined ? prepared : strategy.prepareForCreate(prepared);
}

function withGeneratedName(scope: RequestScope, object: ApiObject): ApiObject {
  const name = generateName(object.metadata?.generateName ?? '', scope.env.random);
  return withFields(object, { metadata: withFields(object.metadata ?? {}, { name }) });
}

/**
 * Writes a new object if its key is free: the stored object as served, or 409
 * `AlreadyExists`. A dry run writes nothing and answers the object unversioned (or 409
 * when the name is taken).
 */
async function persistNewObject(
  scope: RequestScope,
  object: ApiObject,
): Promise<Either<Status, ApiObject>> {
  const { definition } = scope;
  const name = object.metadata?.name ?? '';
  const frozen = freezeForStorage(object);
  const key = objectKey(definition, object.metadata?.namespace, name);
  if (scope.options.dryRun === true) {
    // Upstream's dry-run storage still answers 409 for a taken name.
    const existing = await scope.env.store.range({ key });
    if (isLeft(existing)) {
      return left(statusFromStoreError(existing.left));
    }
    return existing.right.items.length > 0
      ? left(alreadyExists({ group: definition.group, resource: definition.plural, name }))
      : right(frozen);
  }
  const result = await scope.env.store.txn({
    compare: [{ key, target: 'present', value: false }],
    success: [{ op: 'put', key, value: frozen }],
  });
  if (isLeft(result)) {
    return left(statusFromStoreError(result.left));
  }
  if (!result.right.succeeded) {
    return left(alreadyExists({ group: definition.group, resource: definition.plural, name }));
  }
  const put = result.right.results[0];
  if (put?.op !== 'put') {
    throw new Error('a successful create transaction must answer its put');
  }
  return right(
    servedObject({
      key,
      value: frozen,
      createRevision: put.result.revision,
      modRevision: put.result.revision,
      version: 1,
      lease: 0,
    }),
  );
}
