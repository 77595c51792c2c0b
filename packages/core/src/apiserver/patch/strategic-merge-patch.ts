/**
 * Kubernetes strategic merge patch (`application/strategic-merge-patch+json`), driven by
 * an OpenAPI v3 schema.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { goJsonTypeName, hasKey, isJsonObject, setKey, type JsonObject } from './json-values.js';
import { badPatch, patchFailed, type PatchError } from './patch-error.js';
import { mergeList, orderList } from './strategic-merge-list.js';
import {
  fieldSchema,
  listMergeStrategy,
  replacesWhole,
  type StrategicMergeSchema,
} from './strategic-merge-schema.js';

const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';
const SET_ELEMENT_ORDER = '$setElementOrder/';

/** A strategic merge patch to apply: the document, the patch, and the document's schema. */
export interface StrategicMergePatchInput {
  /** The object as stored (a JSON value; anything but an object counts as `{}`). */
  readonly document: unknown;
  /** The patch body: a JSON object. */
  readonly patch: unknown;
  /**
   * The document's OpenAPI v3 schema, such as `toOpenAPISchema(Pod)`; `undefined` merges
   * the whole document like a JSON merge patch.
   */
  readonly schema: StrategicMergeSchema | undefined;
}

/**
 * The document with a Kubernetes strategic merge patch applied.
 *
 * - objects and maps (`additionalProperties`) merge key by key, recursively; `null`
 *   deletes a key; primitives replace;
 * - lists merge as the schema says (see `listMergeStrategy`): by a key
 *   (`x-kubernetes-patch-merge-key`, else the first `x-kubernetes-list-map-keys` of a
 *   `map` list: containers and env by `name`, pod conditions by `type`), as a set
 *   (`x-kubernetes-list-type: set`), or else replaced whole (`atomic` lists such as
 *   tolerations, and lists the schema does not describe). A merged list keeps the
 *   original's items in order, patched in place, and appends new ones;
 * - parts the schema does not describe (no schema, `x-kubernetes-preserve-unknown-fields`)
 *   merge like a JSON merge patch (objects recursively, everything else replaced).
 *
 * Directives:
 * - `$patch: replace` in an object replaces it with the rest of the patch object; in a
 *   list item, replaces the list with the patch's other items;
 * - `$patch: delete` in an object deletes it (the whole document becomes `{}`, as
 *   upstream); in a list item `{ $patch: delete, name: 'web' }`, deletes the item;
 *   `$patch: merge` is the default;
 * - `$retainKeys: [...]` keeps only those fields of the original (the patch's fields must
 *   be among them);
 * - `$deleteFromPrimitiveList/<field>: [...]` removes those values from a primitive list;
 * - `$setElementOrder/<field>: [...]` orders the merged list (see `orderList`).
 *
 * Guarantees: pure; the inputs are never changed, and parts of the document the patch
 * does not reach are shared by reference with the result.
 *
 * Errors:
 * - {@link BadPatch} (400) for a patch that is not an object (`json: cannot unmarshal
 *   array into Go value of type map[string]interface {}`), an unknown `$patch` value
 *   (`unknown patch type: x in map: ...`), an unknown directive (`unknown directive
 *   $foo in map: ...`), a directive of the wrong shape, a list item without its merge key;
 * - {@link PatchFailed} (422) for lists of lists and fields outside `$retainKeys`.
 *
 * Caveats: `anyOf`/`oneOf`/`allOf` are not followed; a field name starting with `$` in
 * schemaless data is taken for a directive, hence rejected.
 */
export function applyStrategicMergePatch(
  input: StrategicMergePatchInput,
): Either<PatchError, unknown> {
  const { patch } = input;
  if (!isJsonObject(patch)) {
    return left(
      badPatch(
        `json: cannot unmarshal ${goJsonTypeName(patch)} into Go value of type map[string]interface {}`,
      ),
    );
  }
  const merged = mergeObject(input.document, patch, input.schema);
  return isLeft(merged) ? merged : right(merged.right ?? {});
}

function mergeObject(
  original: unknown,
  patch: JsonObject,
  schema: StrategicMergeSchema | undefined,
): Either<PatchError, JsonObject | undefined> {
  if (hasKey(patch, '$patch')) {
    const directive = patch['$patch'];
    const rest: Record<string, unknown> = { ...patch };
    delete rest['$patch'];
    if (directive === 'delete') return right(undefined);
    if (directive === 'replace') return mergeObject(undefined, rest, schema);
    if (directive !== 'merge') {
      return left(
        badPatch(`unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`),
      );
    }
    return mergeObject(original, rest, schema);
  }
  const base = isJsonObject(original) && !replacesWhole(schema) ? original : {};
  const retained = retainKeys(base, patch);
  if (isLeft(retained)) return retained;
  const result: Record<string, unknown> = { ...retained.right };
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      const field = key.slice(DELETE_FROM_PRIMITIVE_LIST.length);
      if (!Array.isArray(value)) return left(badPatch('invalid patch format of primitive list'));
      const current = result[field];
      if (Array.isArray(current)) {
        const removed: readonly unknown[] = value;
        setKey(
          result,
          field,
          current.filter((item: unknown) => !removed.some((r) => r === item)),
        );
      }
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) {
      if (isKnownDirective(key)) continue;
      return left(badPatch(`unknown directive ${key} in map: ${JSON.stringify(patch)}`));
    }
    if (value === null) {
      delete result[key];
      continue;
    }
    const merged = mergeValue(
      hasKey(result, key) ? result[key] : undefined,
      value,
      fieldSchema(schema, key),
    );
    if (isLeft(merged)) return merged;
    if (merged.right === undefined) delete result[key];
    else setKey(result, key, merged.right);
  }
  return applyElementOrders(result, patch, schema);
}

function mergeValue(
  original: unknown,
  patch: unknown,
  schema: StrategicMergeSchema | undefined,
): Either<PatchError, unknown> {
  if (isJsonObject(patch)) return mergeObject(original, patch, schema);
  if (Array.isArray(patch)) return mergeList({ original, patch, schema, mergeItem: mergeObject });
  return right(patch);
}

function isKnownDirective(key: string): boolean {
  return (
    key === '$retainKeys' ||
    (key.startsWith(DELETE_FROM_PRIMITIVE_LIST) &&
      key.length > DELETE_FROM_PRIMITIVE_LIST.length) ||
    (key.startsWith(SET_ELEMENT_ORDER) && key.length > SET_ELEMENT_ORDER.length)
  );
}

/** The original without the fields `$retainKeys` does not list (all of it without one). */
function retainKeys(original: JsonObject, patch: JsonObject): Either<PatchError, JsonObject> {
  if (!hasKey(patch, '$retainKeys')) return right(original);
  const keys = patch['$retainKeys'];
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string')) {
    return left(badPatch('invalid patch format of retainKeys'));
  }
  const retained: readonly string[] = keys;
  const outside = Object.keys(patch).some((key) => !key.startsWith('$') && !retained.includes(key));
  if (outside) return left(patchFailed("patch content doesn't match retainKeys list"));
  return right(
    Object.fromEntries(Object.entries(original).filter(([key]) => retained.includes(key))),
  );
}

function applyElementOrders(
  result: Record<string, unknown>,
  patch: JsonObject,
  schema: StrategicMergeSchema | undefined,
): Either<PatchError, JsonObject> {
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const field = key.slice(SET_ELEMENT_ORDER.length);
    const list = result[field];
    const strategy = listMergeStrategy(fieldSchema(schema, field));
    const ordered = orderList({
      list: Array.isArray(list) ? list : [],
      order,
      key: strategy._tag === 'MergeByKey' ? strategy.key : undefined,
    });
    if (isLeft(ordered)) return ordered;
    if (Array.isArray(list)) setKey(result, field, ordered.right);
  }
  return right(result);
}
