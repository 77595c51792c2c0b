/**
 * The `scale` subresource: an `autoscaling/v1 Scale` view of an object's replicas.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { decodeObject } from '../../api/codec/index.js';
import { Scale } from '../../api/kinds/index.js';
import type { ScaleSubresource } from '../../api/registry/index.js';
import { labelSelectorAsSelector } from '../../api/selectors/index.js';
import { notFound, statusFromFieldErrors, type Status } from '../../api/status/index.js';
import { isPlainObject, type ApiObject } from '../api-object.js';
import { respond, type ApiResult } from '../api-response.js';
import { servedObject } from '../storage/served-object.js';
import { valueAt, withValueAt } from './field-path.js';
import { guaranteedUpdate } from './guaranteed-update.js';
import { checkBodyKind } from './object-identity.js';
import { readObject } from './read.js';
import type { RequestScope } from './request-scope.js';

/** The `Scale` of an object, from the resource's scale paths. */
export function scaleOf(object: ApiObject, paths: ScaleSubresource): ApiObject {
  const metadata = object.metadata ?? {};
  const specReplicas = valueAt(object, paths.specReplicasPath);
  const statusReplicas = valueAt(object, paths.statusReplicasPath);
  const selector =
    paths.labelSelectorPath === undefined
      ? undefined
      : selectorString(valueAt(object, paths.labelSelectorPath));
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: metadata.name ?? '',
      ...(metadata.namespace === undefined ? {} : { namespace: metadata.namespace }),
      ...(metadata.uid === undefined ? {} : { uid: metadata.uid }),
      ...(metadata.resourceVersion === undefined
        ? {}
        : { resourceVersion: metadata.resourceVersion }),
      ...(metadata.creationTimestamp === undefined
        ? {}
        : { creationTimestamp: metadata.creationTimestamp }),
    },
    spec: typeof specReplicas === 'number' ? { replicas: specReplicas } : {},
    status: {
      replicas: typeof statusReplicas === 'number' ? statusReplicas : 0,
      ...(selector === undefined ? {} : { selector }),
    },
  };
}

/** A selector as a string: built-in kinds point at a `LabelSelector`, CRDs at a string. */
function selectorString(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (!isPlainObject(value)) {
    return undefined;
  }
  const selector = labelSelectorAsSelector(value);
  return isLeft(selector) ? undefined : selector.right.toString();
}

function scalePaths(scope: RequestScope): Either<Status, ScaleSubresource> {
  const paths = scope.definition.subresources.scale;
  return paths === undefined
    ? left(
        notFound({
          group: scope.definition.group,
          resource: `${scope.definition.plural}/scale`,
          name: scope.request.name ?? '',
        }),
      )
    : right(paths);
}

/** GET `.../scale`: 200 with the object's `Scale`. */
export async function getScale(scope: RequestScope): Promise<ApiResult> {
  const paths = scalePaths(scope);
  if (isLeft(paths)) {
    return paths;
  }
  const kv = await readObject(scope);
  return isLeft(kv) ? kv : right(respond(200, scaleOf(servedObject(kv.right), paths.right)));
}

/**
 * PUT or PATCH `.../scale`: sets the object's desired replicas from a `Scale` (the
 * body, or the current `Scale` with the patch applied by `patchScale`); 200 with the
 * new `Scale`. A resourceVersion in the `Scale` is a precondition on the object.
 *
 * Errors: 400 for a body that is not a Scale; 422 for replicas that are not a
 * non-negative 32-bit integer; 404; 409.
 */
export async function updateScale(
  scope: RequestScope,
  patchScale?: (current: ApiObject) => Either<Status, unknown>,
): Promise<ApiResult> {
  const paths = scalePaths(scope);
  if (isLeft(paths)) {
    return paths;
  }
  const outcome = await guaranteedUpdate(scope, {
    scope: 'main',
    build: (current) => {
      const body =
        patchScale === undefined
          ? right(scope.request.body)
          : patchScale(scaleOf(current, paths.right));
      if (isLeft(body)) {
        return body;
      }
      const scale = decodeScale(scope, body.right);
      if (isLeft(scale)) {
        return scale;
      }
      const replicas = scale.right.spec?.replicas ?? 0;
      const updated = withValueAt(current, paths.right.specReplicasPath, replicas) as ApiObject;
      const resourceVersion = scale.right.metadata?.resourceVersion;
      return right({
        ...updated,
        metadata: {
          ...current.metadata,
          resourceVersion:
            resourceVersion === undefined || resourceVersion === '' ? '' : resourceVersion,
        },
      });
    },
  });
  return isLeft(outcome)
    ? outcome
    : right(respond(200, scaleOf(outcome.right.object, paths.right)));
}

function decodeScale(scope: RequestScope, body: unknown): Either<Status, Scale> {
  const checked = checkBodyKind(scope, body, { apiVersion: 'autoscaling/v1', kind: 'Scale' });
  if (isLeft(checked)) {
    return checked;
  }
  const name = scope.request.name ?? '';
  const decoded = decodeObject(Scale, checked.right);
  const errors = isLeft(decoded) ? [...decoded.left] : [];
  const replicas = isLeft(decoded) ? undefined : decoded.right.spec?.replicas;
  if (replicas !== undefined && replicas < 0) {
    errors.push({
      reason: 'FieldValueInvalid',
      field: 'spec.replicas',
      message: `Invalid value: ${replicas}: must be greater than or equal to 0`,
    });
  }
  if (errors.length > 0 || isLeft(decoded)) {
    return left(
      statusFromFieldErrors({ kind: 'Scale', group: 'autoscaling', version: 'v1', name }, errors),
    );
  }
  return right(decoded.right);
}
