/**
 * RFC 6902 JSON patch (`application/json-patch+json`): `add`, `remove`, `replace`,
 * `move`, `copy` and `test` operations on JSON pointers.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { parseArrayIndex, parseJsonPointer } from './json-pointer.js';
import {
  goJsonTypeName,
  hasKey,
  isJsonArray,
  isJsonObject,
  jsonEqual,
  setKey,
  withoutKey,
  type JsonObject,
} from './json-values.js';
import { badPatch, patchFailed, type PatchError } from './patch-error.js';

/** A step's outcome: the new document, or why it does not apply (evanphx's wording). */
type Step = Either<string, unknown>;

/** Changes the container at the end of a pointer's parent tokens, under one key. */
type ContainerEdit = (container: unknown, key: string) => Step;

/**
 * The document with an RFC 6902 JSON patch applied: each operation in order, on the
 * result of the one before.
 *
 * - pointers are RFC 6901 (`/a~1b` is key `a/b`, `/m~0n` is `m~n`); `''` is the whole
 *   document;
 * - array indices are `0` or digits without a leading zero; `add` accepts an index up to
 *   the array's length and `-` to append; other operations need an existing index;
 * - `add` on an existing object key replaces it; `remove` and `replace` need the target
 *   to exist; `move` may not move a value into its own child; `test` compares
 *   structurally (key order does not matter).
 *
 * Guarantees: atomic (all operations apply, or the result is an error and nothing
 * changed); pure (the inputs are never changed; parts of the document the patch does not
 * touch are shared by reference with the result).
 *
 * Errors:
 * - {@link BadPatch} (400) when the patch is not an array of objects, worded as Go's
 *   `encoding/json` (`json: cannot unmarshal object into Go value of type
 *   jsonpatch.Patch`); a `null` patch is an empty one, as upstream;
 * - {@link PatchFailed} (422) when an operation does not apply, worded as
 *   evanphx/json-patch (`testing value /spec/replicas failed: test failed`,
 *   `replace operation does not apply: doc is missing key: /spec/x: missing value`,
 *   `Unexpected kind: increment`).
 *
 * Caveats: evanphx's extensions are not supported: negative indices and `{'key':'value'}`
 * array selectors are invalid indices here, as RFC 6902 says. Upstream also caps a patch
 * at 10,000 operations (413); that limit is the caller's.
 */
export function applyJsonPatch(document: unknown, patch: unknown): Either<PatchError, unknown> {
  const operations = decodeOperations(patch);
  if (isLeft(operations)) return operations;
  let current = document;
  for (const operation of operations.right) {
    const next = applyOperation(current, operation);
    if (isLeft(next)) return left(patchFailed(next.left));
    current = next.right;
  }
  return right(current);
}

function decodeOperations(patch: unknown): Either<PatchError, readonly JsonObject[]> {
  if (patch === null) return right([]);
  if (!Array.isArray(patch)) {
    return left(
      badPatch(
        `json: cannot unmarshal ${goJsonTypeName(patch)} into Go value of type jsonpatch.Patch`,
      ),
    );
  }
  const operations: JsonObject[] = [];
  for (const operation of patch as readonly unknown[]) {
    if (operation === null) operations.push({});
    else if (isJsonObject(operation)) operations.push(operation);
    else {
      return left(
        badPatch(
          `json: cannot unmarshal ${goJsonTypeName(operation)} into Go value of type jsonpatch.Operation`,
        ),
      );
    }
  }
  return right(operations);
}

function applyOperation(document: unknown, operation: JsonObject): Step {
  const kind = typeof operation['op'] === 'string' ? operation['op'] : 'unknown';
  const path = operation['path'];
  if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(kind)) {
    return left(`Unexpected kind: ${kind}`);
  }
  if (typeof path !== 'string')
    return left(`${kind} operation failed to decode path: missing value`);
  const hasValue = hasKey(operation, 'value');
  if (!hasValue && (kind === 'add' || kind === 'replace' || kind === 'test')) {
    return left(`${kind} operation failed to decode value: missing value`);
  }
  const value = operation['value'];
  if (kind === 'add') return add(document, path, value);
  if (kind === 'remove') return remove(document, path);
  if (kind === 'replace') return replace(document, path, value);
  if (kind === 'test') return test(document, path, value);
  const from = operation['from'];
  if (typeof from !== 'string')
    return left(`${kind} operation failed to decode from: missing value`);
  return kind === 'move' ? move(document, from, path) : copy(document, from, path);
}

function add(document: unknown, path: string, value: unknown): Step {
  const tokens = parseJsonPointer(path);
  const missing = `add operation does not apply: doc is missing path: "${path}": missing value`;
  if (tokens === undefined) return left(missing);
  if (tokens.length === 0) return right(value);
  return editParent({ document, tokens, missing }, (container, key) => {
    if (isJsonObject(container)) return right(withEntry(container, key, value));
    if (!isJsonArray(container)) return left(missing);
    const index = key === '-' ? container.length : parseArrayIndex(key);
    if (index === undefined || index > container.length) {
      return left(`error in add for path: '${path}': ${invalidIndex(key)}`);
    }
    return right([...container.slice(0, index), value, ...container.slice(index)]);
  });
}

function remove(document: unknown, path: string): Step {
  const tokens = parseJsonPointer(path);
  const missing = `remove operation does not apply: doc is missing path: "${path}": missing value`;
  if (tokens === undefined || tokens.length === 0) return left(missing);
  return editParent({ document, tokens, missing }, (container, key) => {
    if (isJsonObject(container)) {
      return hasKey(container, key)
        ? right(withoutKey(container, key))
        : left(
            `error in remove for path: '${path}': Unable to remove nonexistent key: ${key}: missing value`,
          );
    }
    if (!isJsonArray(container)) return left(missing);
    const index = existingIndex(container, key);
    if (index === undefined)
      return left(`error in remove for path: '${path}': ${invalidIndex(key)}`);
    return right([...container.slice(0, index), ...container.slice(index + 1)]);
  });
}

function replace(document: unknown, path: string, value: unknown): Step {
  const tokens = parseJsonPointer(path);
  const missing = `replace operation does not apply: doc is missing path: ${path}: missing value`;
  if (tokens === undefined) return left(missing);
  if (tokens.length === 0) return right(value);
  return editParent({ document, tokens, missing }, (container, key) => {
    if (isJsonObject(container)) {
      return hasKey(container, key)
        ? right(withEntry(container, key, value))
        : left(`replace operation does not apply: doc is missing key: ${path}: missing value`);
    }
    if (!isJsonArray(container)) return left(missing);
    const index = existingIndex(container, key);
    if (index === undefined)
      return left(`error in replace for path: '${path}': ${invalidIndex(key)}`);
    return right(container.map((item, i) => (i === index ? value : item)));
  });
}

function move(document: unknown, from: string, path: string): Step {
  const fromTokens = parseJsonPointer(from);
  const found = fromTokens === undefined ? undefined : valueAt(document, fromTokens);
  if (found === undefined) {
    return left(`move operation does not apply: doc is missing from path: ${from}: missing value`);
  }
  if (path === from) return right(document);
  if (path.startsWith(`${from}/`)) {
    return left(`move operation does not apply: path ${path} is a child of from path ${from}`);
  }
  const removed = remove(document, from);
  return isLeft(removed) ? removed : add(removed.right, path, found.value);
}

function copy(document: unknown, from: string, path: string): Step {
  const fromTokens = parseJsonPointer(from);
  const found = fromTokens === undefined ? undefined : valueAt(document, fromTokens);
  if (found === undefined) {
    return left(`copy operation does not apply: doc is missing from path: ${from}: missing value`);
  }
  // Values are never changed in place, so the copy may share the original's subtree.
  return add(document, path, found.value);
}

function test(document: unknown, path: string, value: unknown): Step {
  const tokens = parseJsonPointer(path);
  const found = tokens === undefined ? undefined : valueAt(document, tokens);
  if (found !== undefined) {
    return jsonEqual(found.value, value)
      ? right(document)
      : left(`testing value ${path} failed: test failed`);
  }
  // As upstream's json-patch library: a missing member of an existing object tests
  // equal to null (kube-rs guards a first finalizer with `test /metadata/finalizers null`).
  const parent =
    tokens === undefined || tokens.length === 0
      ? undefined
      : valueAt(document, tokens.slice(0, -1));
  return value === null && parent !== undefined && isJsonObject(parent.value)
    ? right(document)
    : left(`testing value ${path} failed: test failed`);
}

/** Rebuilds the path down to a pointer's parent, with `edit` applied to the parent. */
function editParent(
  target: {
    readonly document: unknown;
    readonly tokens: readonly string[];
    readonly missing: string;
  },
  edit: ContainerEdit,
): Step {
  const { tokens, missing } = target;
  const rebuild = (node: unknown, depth: number): Step => {
    const token = tokens[depth] ?? '';
    if (depth === tokens.length - 1) return edit(node, token);
    const child = childAt(node, token);
    if (child === undefined) return left(missing);
    const updated = rebuild(child.value, depth + 1);
    if (isLeft(updated)) return updated;
    return right(
      isJsonArray(node)
        ? node.map((item, i) => (String(i) === token ? updated.right : item))
        : withEntry(node as JsonObject, token, updated.right),
    );
  };
  return rebuild(target.document, 0);
}

function valueAt(
  document: unknown,
  tokens: readonly string[],
): { readonly value: unknown } | undefined {
  let found: { readonly value: unknown } | undefined = { value: document };
  for (const token of tokens) {
    if (found === undefined) return undefined;
    found = childAt(found.value, token);
  }
  return found;
}

function childAt(node: unknown, token: string): { readonly value: unknown } | undefined {
  if (isJsonObject(node)) return hasKey(node, token) ? { value: node[token] } : undefined;
  if (!isJsonArray(node)) return undefined;
  const index = existingIndex(node, token);
  return index === undefined ? undefined : { value: node[index] };
}

function existingIndex(array: readonly unknown[], token: string): number | undefined {
  const index = parseArrayIndex(token);
  return index !== undefined && index < array.length ? index : undefined;
}

function withEntry(object: JsonObject, key: string, value: unknown): JsonObject {
  const copy: Record<string, unknown> = { ...object };
  setKey(copy, key, value);
  return copy;
}

function invalidIndex(token: string): string {
  return `Unable to access invalid index: ${token}: invalid index referenced`;
}
