/**
 * RFC 7386 JSON merge patch (`application/merge-patch+json`).
 *
 * @module
 */
import { hasKey, isJsonObject, setKey, type JsonObject } from './json-values.js';

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
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else setKey(result, key, applyMergePatch(hasKey(target, key) ? target[key] : undefined, value));
  }
  return result;
}
