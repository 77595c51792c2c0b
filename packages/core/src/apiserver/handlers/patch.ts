/**
 * The patch verb: JSON patch, merge patch, strategic merge patch, and apply patch,
 * on the main endpoint and on the `status` and `scale` subresources.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { badRequest, invalid, unsupportedMediaType, type Status } from '../../api/status/index.js';
import { isPlainObject, type ApiObject } from '../api-object.js';
import { withFields, withoutFields } from '../object-copy.js';
import { respond, type ApiResult } from '../api-response.js';
import {
  ACCEPTED_PATCH_MEDIA_TYPES,
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  patchErrorToStatus,
  type PatchType,
  type StrategicMergeSchema,
} from '../patch/index.js';
import { createObject } from './create.js';
import { guaranteedUpdate, type ChangeScope } from './guaranteed-update.js';
import { readCurrentObject } from './read.js';
import type { RequestScope } from './request-scope.js';
import { updateScale } from './scale.js';
import { decodePlacedChange } from './update.js';

const RESOURCE_VERSION: ReadonlySet<string> = new Set(['resourceVersion']);

/** The media types of patches custom resources accept: no strategic merge patch. */
const CUSTOM_RESOURCE_PATCH_TYPES = ACCEPTED_PATCH_MEDIA_TYPES.filter(
  (type) => type !== 'application/strategic-merge-patch+json',
);

/**
 * Applies a patch to the object the request names: 200 with the result. A
 * resourceVersion that the patch sets is a precondition; without one, the patch is
 * applied to whatever is stored, retried when another write wins the race. An apply
 * patch (server-side apply) creates the object when it is missing (201).
 *
 * Errors: 415 for a missing or unsupported patch type (strategic merge on custom
 * resources); 400 for a malformed patch; 422 for a JSON patch whose operations fail
 * and for an apply patch without `fieldManager`; then as update.
 *
 * Caveats: server-side apply merges the applied configuration like a strategic merge
 * patch (a merge patch for custom resources); it does not track field ownership
 * (`managedFields`), so it never reports `FieldManagerConflict`.
 */
export async function patchObject(
  scope: RequestScope,
  changeScope: ChangeScope | 'scale',
): Promise<ApiResult> {
  const type = scope.request.patchType;
  const customResource = scope.strategy.strategicMergeSchema === undefined;
  const accepted = customResource ? CUSTOM_RESOURCE_PATCH_TYPES : ACCEPTED_PATCH_MEDIA_TYPES;
  if (type === undefined || (type === 'strategic' && customResource)) {
    return left(unsupportedMediaType({ accepted }));
  }
  if (type === 'apply') {
    const applied = await applyPatchPreconditions(scope);
    if (applied !== undefined) {
      return applied;
    }
  }
  const patch = scope.request.body;
  if (changeScope === 'scale') {
    return updateScale(scope, (current) => applyPatch(type, current, patch, undefined));
  }
  let warnings: readonly string[] = [];
  const outcome = await guaranteedUpdate(scope, {
    scope: changeScope,
    build: (current) => {
      // The patch sees the object as stored, resourceVersion included (a JSON patch may
      // `test` it). A resourceVersion the patch leaves as it was is no precondition: the
      // change applies to whatever is stored, retried on a lost race, as upstream.
      const patched = applyPatch(type, current, patch, scope.strategy.strategicMergeSchema);
      if (isLeft(patched)) {
        return patched;
      }
      const decoded = decodePlacedChange(scope, patched.right, current);
      if (isLeft(decoded)) {
        return decoded;
      }
      warnings = decoded.right.warnings;
      const object = decoded.right.object;
      const resourceVersion = object.metadata?.resourceVersion;
      return right(
        resourceVersion !== undefined && resourceVersion === current.metadata?.resourceVersion
          ? withFields(object, { metadata: withoutFields(object.metadata ?? {}, RESOURCE_VERSION) })
          : object,
      );
    },
  });
  return isLeft(outcome) ? outcome : right(respond(200, outcome.right.object, warnings));
}

/**
 * Server-side apply's checks: `fieldManager` is required (422), and a missing object
 * is created from the applied configuration. `undefined` when the patch goes on.
 */
async function applyPatchPreconditions(scope: RequestScope): Promise<ApiResult | undefined> {
  if (scope.options.fieldManager === undefined || scope.options.fieldManager === '') {
    return left(
      invalid({
        kind: 'PatchOptions',
        group: 'meta.k8s.io',
        name: '',
        errors: [
          {
            reason: 'FieldValueRequired',
            field: 'fieldManager',
            message: 'Required value: is required for apply patch',
          },
        ],
      }),
    );
  }
  const existing = await readCurrentObject(scope);
  if (isLeft(existing) && existing.left.code === 404) {
    return createObject({ ...scope, request: { ...scope.request, verb: 'create' } });
  }
  return undefined;
}

/** A patch of `type` applied to `current`. */
function applyPatch(
  type: PatchType,
  current: ApiObject,
  patch: unknown,
  strategicMergeSchema: (() => StrategicMergeSchema) | undefined,
): Either<Status, unknown> {
  switch (type) {
    case 'json': {
      const result = applyJsonPatch(current, patch);
      return isLeft(result) ? left(patchErrorToStatus(result.left)) : result;
    }
    case 'merge':
      if (!isPlainObject(patch)) {
        return left(badRequest({ message: 'Invalid JSON Patch' }));
      }
      return right(applyMergePatch(current, patch));
    case 'strategic':
    case 'apply': {
      if (!isPlainObject(patch)) {
        return left(badRequest({ message: 'Invalid JSON Patch' }));
      }
      if (strategicMergeSchema === undefined) {
        return right(applyMergePatch(current, patch));
      }
      const result = applyStrategicMergePatch({
        document: current,
        patch,
        schema: strategicMergeSchema(),
      });
      return isLeft(result) ? left(patchErrorToStatus(result.left)) : result;
    }
  }
}
