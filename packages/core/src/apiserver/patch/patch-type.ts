/**
 * Which patch algorithm a PATCH request's `Content-Type` asks for.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { UnsupportedPatchType } from './patch-error.js';

/**
 * A patch algorithm: `json` (RFC 6902 JSON patch), `merge` (RFC 7386 JSON merge patch),
 * `strategic` (Kubernetes strategic merge patch) or `apply` (server-side apply).
 */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** The patch media types upstream lists in its 415 message, in its order. */
export const ACCEPTED_PATCH_MEDIA_TYPES: readonly string[] = Object.freeze([
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
  'application/strategic-merge-patch+json',
]);

const PATCH_TYPES: ReadonlyMap<string, PatchType> = new Map([
  ['application/json-patch+json', 'json'],
  ['application/merge-patch+json', 'merge'],
  ['application/strategic-merge-patch+json', 'strategic'],
  ['application/apply-patch+yaml', 'apply'],
  ['application/apply-patch+cbor', 'apply'],
]);

/**
 * The patch type a `Content-Type` header names; parameters (`; charset=utf-8`), case and
 * surrounding spaces are ignored.
 *
 * Errors: an {@link UnsupportedPatchType} (415) for any other media type, with upstream's
 * message `the body of the request was in an unknown format - accepted media types
 * include: application/json-patch+json, application/merge-patch+json,
 * application/apply-patch+yaml, application/strategic-merge-patch+json`.
 *
 * Caveats: `application/apply-patch+cbor` is accepted but not listed, as upstream lists
 * it only with its `CBORServingAndStorage` feature gate on. Whether strategic merge
 * applies to the resource (it does not to custom resources) is the caller's check.
 */
export function patchTypeFromContentType(
  contentType: string,
): Either<UnsupportedPatchType, PatchType> {
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const patchType = PATCH_TYPES.get(mediaType);
  if (patchType !== undefined) return right(patchType);
  return left({
    _tag: 'UnsupportedPatchType',
    accepted: ACCEPTED_PATCH_MEDIA_TYPES,
    message: `the body of the request was in an unknown format - accepted media types include: ${ACCEPTED_PATCH_MEDIA_TYPES.join(', ')}`,
  });
}
