/**
 * The update verb (PUT), on the main endpoint and on the `status` subresource.
 *
 * @module
 */
import { isLeft, right } from 'fp-ts/lib/Either.js';
import { respond, type ApiResult } from '../api-response.js';
import { decodeBody } from './decode-body.js';
import { guaranteedUpdate, type ChangeScope } from './guaranteed-update.js';
import { checkBodyPlacement } from './object-identity.js';
import type { RequestScope } from './request-scope.js';

/**
 * Replaces an object with the request body: 200 with the stored object. On the main
 * endpoint of a resource with a status subresource, `status` is kept as stored; on
 * the `status` subresource, only `status` changes. A body with a resourceVersion
 * must match the stored one; a body without updates whatever is stored.
 *
 * Errors: 400/422 from decoding; 400 when the body names another object; 404; 409
 * `Conflict`; 422 `Invalid` (including immutable fields).
 */
export async function updateObject(
  scope: RequestScope,
  changeScope: ChangeScope,
): Promise<ApiResult> {
  const decoded = decodeBody(scope, scope.request.body);
  if (isLeft(decoded)) {
    return decoded;
  }
  const placed = checkBodyPlacement(scope, decoded.right.object);
  if (isLeft(placed)) {
    return placed;
  }
  const outcome = await guaranteedUpdate(scope, {
    scope: changeScope,
    build: () => right(decoded.right.object),
  });
  return isLeft(outcome)
    ? outcome
    : right(respond(200, outcome.right.object, decoded.right.warnings));
}
