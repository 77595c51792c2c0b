/**
 * The apiserver's patch algorithms, as pure functions over JSON values: RFC 6902 JSON
 * patch ({@link applyJsonPatch}), RFC 7386 JSON merge patch ({@link applyMergePatch}),
 * Kubernetes strategic merge patch driven by an OpenAPI v3 schema
 * ({@link applyStrategicMergePatch}), and the patch type a `Content-Type` names
 * ({@link patchTypeFromContentType}). Failures are {@link PatchError}s, which
 * {@link patchErrorToStatus} turns into the apiserver's `Status` (400, 422 or 415).
 *
 * @module
 */
export { applyJsonPatch } from './json-patch.js';
export { applyMergePatch } from './merge-patch.js';
export {
  PATCH_FAILED_STATUS_MESSAGE,
  patchErrorToStatus,
  type BadPatch,
  type PatchError,
  type PatchFailed,
  type UnsupportedPatchType,
} from './patch-error.js';
export {
  ACCEPTED_PATCH_MEDIA_TYPES,
  patchTypeFromContentType,
  type PatchType,
} from './patch-type.js';
export {
  applyStrategicMergePatch,
  type StrategicMergePatchInput,
} from './strategic-merge-patch.js';
export type { StrategicMergeSchema } from './strategic-merge-schema.js';
