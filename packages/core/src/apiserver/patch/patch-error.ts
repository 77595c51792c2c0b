/**
 * Why a patch could not be applied, as data, and the `Status` the apiserver answers
 * with for it.
 *
 * @module
 */
import { failureStatus } from '../../api/status/failure-status.js';
import { badRequest, type Status, unsupportedMediaType } from '../../api/status/index.js';

/**
 * The patch body itself is malformed, before or while it is read: a JSON patch that is
 * not an array of operation objects, a merge patch that is not an object, a strategic
 * merge patch with an unknown `$patch` value or directive, a list item without its merge
 * key, a directive whose value has the wrong shape.
 *
 * Status: 400 `BadRequest` with `message` as is (upstream's `NewBadRequest`).
 *
 * Caveats: upstream answers a few strategic-merge failures (an unknown `$patch` value, a
 * missing merge key) with a 500 `InternalError`, because
 * `interpretStrategicMergePatchError` does not recognise their wrapped errors; drydock
 * answers 400, as they are the client's mistake.
 */
export interface BadPatch {
  /** Tells the errors apart. */
  readonly _tag: 'BadPatch';
  /** What is wrong, worded as upstream (Go's `encoding/json`, `mergepatch`). */
  readonly message: string;
}

/**
 * A well-formed patch does not apply to the document: a JSON patch `test` that fails, a
 * path that does not exist for `remove`/`replace`/`move`/`copy`, an array index out of
 * range, a `move` into its own child; a strategic merge patch whose list items are lists,
 * or whose fields are not in its `$retainKeys`.
 *
 * Status: 422 `Invalid`, message `the server rejected our request due to an error in our
 * request` and `details: {}`. The apiserver builds it with `NewGenericServerResponse`,
 * which drops the underlying error (see {@link PATCH_FAILED_STATUS_MESSAGE}); kubectl
 * prints `The request is invalid: the server rejected our request due to an error in our
 * request`.
 */
export interface PatchFailed {
  /** Tells the errors apart. */
  readonly _tag: 'PatchFailed';
  /**
   * Why, worded as evanphx/json-patch words it, such as `testing value /spec/replicas
   * failed: test failed`. Useful in logs; the Status does not carry it, as upstream's.
   */
  readonly message: string;
}

/**
 * A PATCH request's `Content-Type` is none of the patch types.
 *
 * Status: 415 `UnsupportedMediaType`, message `the body of the request was in an unknown
 * format - accepted media types include: ...` (the `message` here).
 */
export interface UnsupportedPatchType {
  /** Tells the errors apart. */
  readonly _tag: 'UnsupportedPatchType';
  /** The apiserver's message, listing the accepted patch media types. */
  readonly message: string;
  /** The patch media types the apiserver accepts, in upstream's order. */
  readonly accepted: readonly string[];
}

/** Why a patch could not be applied; see each member for the Status it becomes. */
export type PatchError = BadPatch | PatchFailed | UnsupportedPatchType;

/**
 * The message of the 422 `Status` for a {@link PatchFailed}: upstream's
 * `NewGenericServerResponse` message for 422, which replaces the detailed one.
 */
export const PATCH_FAILED_STATUS_MESSAGE =
  'the server rejected our request due to an error in our request';

/** A {@link BadPatch}. */
export function badPatch(message: string): BadPatch {
  return { _tag: 'BadPatch', message };
}

/** A {@link PatchFailed}. */
export function patchFailed(message: string): PatchFailed {
  return { _tag: 'PatchFailed', message };
}

/**
 * The failure `Status` the apiserver answers a patch error with: 400 `BadRequest`, 422
 * `Invalid` or 415 `UnsupportedMediaType`, as each member of {@link PatchError} says.
 */
export function patchErrorToStatus(error: PatchError): Status {
  switch (error._tag) {
    case 'BadPatch':
      return badRequest({ message: error.message });
    case 'PatchFailed':
      return failureStatus({
        code: 422,
        reason: 'Invalid',
        message: PATCH_FAILED_STATUS_MESSAGE,
        details: {},
      });
    case 'UnsupportedPatchType':
      return unsupportedMediaType({ accepted: error.accepted });
  }
}
