/**
 * Names, namespaces and kinds of request bodies, checked against the URL.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { apiVersionOf } from '../../api/registry/index.js';
import { badRequest, type Status } from '../../api/status/index.js';
import { isPlainObject, type ApiObject } from '../api-object.js';
import type { RequestScope } from './request-scope.js';

/**
 * The body as an object whose `apiVersion` and `kind` (when present) are the
 * resource's, or 400 `BadRequest` as upstream words it.
 */
export function checkBodyKind(
  scope: RequestScope,
  body: unknown,
  expected: { readonly apiVersion: string; readonly kind: string } = {
    apiVersion: apiVersionOf(scope.definition),
    kind: scope.definition.kind,
  },
): Either<Status, Readonly<Record<string, unknown>>> {
  if (!isPlainObject(body)) {
    return left(
      badRequest({
        message: `the body of the request must be a JSON object, not ${describeJSONType(body)}`,
      }),
    );
  }
  const apiVersion = body['apiVersion'];
  const kind = body['kind'];
  if (apiVersion !== undefined && apiVersion !== '' && apiVersion !== expected.apiVersion) {
    return left(
      badRequest({
        message: `the API version in the data (${describeValue(apiVersion)}) does not match the expected API version (${expected.apiVersion})`,
      }),
    );
  }
  if (kind !== undefined && kind !== '' && kind !== expected.kind) {
    return left(
      badRequest({
        message: `${describeValue(kind)} in version "${expected.apiVersion}" cannot be handled as a ${expected.kind}: the kind in the data does not match the expected kind`,
      }),
    );
  }
  return right(body);
}

/**
 * Checks the body's namespace and name against the URL's, as upstream's handlers do:
 * a create's body may leave its namespace out, or must name the URL's (upstream's
 * `EnsureObjectNamespaceMatchesRequestNamespace`); an update's or patch's body must
 * name the URL's object and may leave its namespace out (upstream's `checkName`).
 */
export function checkBodyPlacement(scope: RequestScope, object: ApiObject): Either<Status, void> {
  const { namespace, name } = scope.request;
  const bodyNamespace = object.metadata?.namespace ?? '';
  const bodyName = object.metadata?.name ?? '';
  if (name !== undefined) {
    if (bodyName === '') {
      return left(
        badRequest({
          message: `the name of the object (${name} based on URL) was undeterminable: name must be provided`,
        }),
      );
    }
    if (bodyName !== name) {
      return left(
        badRequest({
          message: `the name of the object (${bodyName}) does not match the name on the URL (${name})`,
        }),
      );
    }
    if (
      namespace !== undefined &&
      namespace !== '' &&
      bodyNamespace !== '' &&
      bodyNamespace !== namespace
    ) {
      return left(
        badRequest({
          message: `the namespace of the object (${bodyNamespace}) does not match the namespace on the request (${namespace})`,
        }),
      );
    }
    return right(undefined);
  }
  if (scope.definition.namespaced && bodyNamespace !== '' && bodyNamespace !== namespace) {
    return left(
      badRequest({
        message:
          'the namespace of the provided object does not match the namespace sent on the request',
      }),
    );
  }
  return right(undefined);
}

/** A JSON value as a message shows it: a string as is, anything else as JSON. */
function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A JSON value's type, for messages: `an array`, `a string`, `null`. */
export function describeJSONType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
