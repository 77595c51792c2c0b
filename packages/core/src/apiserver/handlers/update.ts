/**
 * The update verb (PUT), on the main endpoint and on the `status` subresource.
 *
 * @module
 */
import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { Status } from '../../api/status/index.js';
import type { ApiObject } from '../api-object.js';
import { respond, type ApiResult } from '../api-response.js';
import { decodeChange, type DecodedBody } from './decode-body.js';
import { guaranteedUpdate, type ChangeScope } from './guaranteed-update.js';
import { checkBodyPlacement } from './object-identity.js';
import type { RequestScope } from './request-scope.js';

/**
 * Replaces an object with the request body: 200 with the stored object. On the main
 * endpoint of a resource with a status subresource, `status` is kept as stored; on
 * the `status` subresource, only `status` changes. A body with a resourceVersion
 * must match the stored one; a body without updates whatever is stored.
 *
 * The body is decoded against the stored object: fields it shares with it by
 * reference are not decoded again (see `decodeChange`).
 *
 * Errors: 404 for a missing object; 400/422 from decoding; 400 when the body names
 * another object; 409 `Conflict`; 422 `Invalid` (including immutable fields).
 */
export async function updateObject(
  scope: RequestScope,
  changeScope: ChangeScope,
): Promise<ApiResult> {
  let warnings: readonly string[] = [];
  const outcome = await guaranteedUpdate(scope, {
    scope: changeScope,
    build: (current) => {
      const decoded = decodePlacedChange(scope, scope.request.body, current);
      if (isLeft(decoded)) {
        return decoded;
      }
      warnings = decoded.right.warnings;
      return right(decoded.right.object);
    },
  });
  return isLeft(outcome) ? outcome : right(respond(200, outcome.right.object, warnings));
}

/**
 * The new version of `current` a body describes: decoded (see `decodeChange`) and
 * checked to name the object of the request.
 *
 * Errors: as `decodeChange`; 400 when the body names another object.
 */
export function decodePlacedChange(
  scope: RequestScope,
  body: unknown,
  current: ApiObject,
): Either<Status, DecodedBody> {
  const decoded = decodeChange(scope, body, current);
  if (isLeft(decoded)) {
    return decoded;
  }
  const placed = checkBodyPlacement(scope, decoded.right.object);
  return isLeft(placed) ? placed : decoded;
}
