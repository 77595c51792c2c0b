/**
 * RFC 7386 JSON merge patch (`application/merge-patch+json`).
 *
 * @module
 */
import { isJsonObject, setKey, type JsonObject } from './json-values.js';

/**
 * The document with an RFC 7386 merge patch applied: an object patch merges into the
 * document key by key (recursively), a `null` value deletes its key, and anything else
 * (an array, a primitive, a non-object patch) replaces the target whole.
 *
 * Guarantees: pure; the inputs are never changed, and parts of the document the patch
 * does not reach are shared by reference with the result. Applying the same patch twice
 * gives the same result as once.
 *
 * Caveats: the apiserver rejects a merge patch body that is not a JSON object with 400
 * `BadRequest` (`Invalid JSON Patch`); that check is the caller's: this function
 * follows the RFC and replaces the document.
 *
 * @example
 * ```ts
 * applyMergePatch({ spec: { replicas: 1, paused: true } }, { spec: { replicas: 3, paused: null } });
 * // { spec: { replicas: 3 } }
 * ```
 */
export function applyMergePatch(document: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const target: JsonObject = isJsonObject(document) ? document : {};
  // Built in one pass, without a spread or `delete`: the document's keys in their
  // order (replaced in place, or left out for `null`), then the patch's new keys.
  const result: Record<string, unknown> = {};
  for (const key in target) {
    if (!hasOwnField(target, key)) continue;
    if (!hasOwnField(patch, key)) {
      putKey(result, key, target[key]);
      continue;
    }
    const value = patch[key];
    if (value !== null) putKey(result, key, applyMergePatch(target[key], value));
  }
  for (const key in patch) {
    if (!hasOwnField(patch, key) || hasOwnField(target, key)) continue;
    const value = patch[key];
    if (value !== null) putKey(result, key, applyMergePatch(undefined, value));
  }
  return result;
}

// Looked up once: in a `vm` context (as jest runs tests) each global lookup goes
// through the context's interceptors.
const hasOwnField = Object.hasOwn;

/** Adds a key to an object being built: assigned, or defined when it is `__proto__`. */
function putKey(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') setKey(object, key, value);
  else object[key] = value;
}
