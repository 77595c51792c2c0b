/**
 * How strategic merge patch merges one list, and orders it by `$setElementOrder`.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { hasKey, isJsonObject, jsonEqual, type JsonObject } from './json-values.js';
import { badPatch, patchFailed, type PatchError } from './patch-error.js';
import {
  itemSchema,
  listMergeStrategy,
  type StrategicMergeSchema,
} from './strategic-merge-schema.js';

/**
 * Merges a patch object into an original value; `undefined` when the patch deletes it
 * (`$patch: delete`).
 */
export type MergeObject = (
  original: unknown,
  patch: JsonObject,
  schema: StrategicMergeSchema | undefined,
) => Either<PatchError, JsonObject | undefined>;

/** A list to merge: the original value, the patch's list, the list's schema. */
export interface ListMerge {
  readonly original: unknown;
  readonly patch: readonly unknown[];
  readonly schema: StrategicMergeSchema | undefined;
  /** Merges one item (the object merge of the caller, passed in to keep modules acyclic). */
  readonly mergeItem: MergeObject;
}

/**
 * The original list with the patch's list merged in, by the list's
 * `listMergeStrategy`:
 * - replaced: the patch's list, as is;
 * - by key: each patch item merges into the original item with the same key value, in
 *   place; an item no original has is appended; `{ $patch: delete, <key>: v }` removes
 *   the items with that key; an item `{ $patch: replace }` makes the list the patch's
 *   other items;
 * - as a set: the original's items, then the patch's items it lacks.
 *
 * Errors: {@link BadPatch} for an item without the merge key (`map: {...} does not
 * contain declared merge key: name`) or with an unknown `$patch`; {@link PatchFailed}
 * for a merged list whose items are lists (`lists of lists are not supported`).
 */
export function mergeList(merge: ListMerge): Either<PatchError, readonly unknown[]> {
  const strategy = listMergeStrategy(merge.schema);
  if (strategy._tag === 'Replace') return right(merge.patch);
  if (merge.patch.some(Array.isArray)) return left(patchFailed('lists of lists are not supported'));
  const unknownDirective = merge.patch.find(
    (item) =>
      isJsonObject(item) &&
      hasKey(item, '$patch') &&
      !['replace', 'delete', 'merge'].includes(String(item['$patch'])),
  ) as JsonObject | undefined;
  if (unknownDirective !== undefined) {
    return left(
      badPatch(
        `unknown patch type: ${String(unknownDirective['$patch'])} in map: ${JSON.stringify(unknownDirective)}`,
      ),
    );
  }
  const replaceList = merge.patch.some(
    (item) => isJsonObject(item) && item['$patch'] === 'replace',
  );
  const original =
    replaceList || !Array.isArray(merge.original) ? [] : (merge.original as readonly unknown[]);
  const patch = merge.patch.filter((item) => !(isJsonObject(item) && item['$patch'] === 'replace'));
  if (strategy._tag === 'MergeAsSet') {
    return right(
      patch.reduce<readonly unknown[]>(
        (list, item) =>
          list.some((existing) => jsonEqual(existing, item)) ? list : [...list, item],
        original,
      ),
    );
  }
  let result: readonly unknown[] = original;
  for (const item of patch) {
    const merged = mergeKeyedItem({ list: result, item, key: strategy.key, merge });
    if (isLeft(merged)) return merged;
    result = merged.right;
  }
  return right(result);
}

function mergeKeyedItem(args: {
  readonly list: readonly unknown[];
  readonly item: unknown;
  readonly key: string;
  readonly merge: ListMerge;
}): Either<PatchError, readonly unknown[]> {
  const { list, item, key } = args;
  // Primitives in a keyed list merge as a set, as upstream's mergeSlice does.
  if (!isJsonObject(item)) {
    return right(list.some((existing) => jsonEqual(existing, item)) ? list : [...list, item]);
  }
  if (!hasKey(item, key)) {
    return left(
      badPatch(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`),
    );
  }
  const index = list.findIndex(
    (existing) => isJsonObject(existing) && jsonEqual(existing[key], item[key]),
  );
  if (item['$patch'] === 'delete') {
    return right(
      list.filter((existing) => !(isJsonObject(existing) && jsonEqual(existing[key], item[key]))),
    );
  }
  const merged = args.merge.mergeItem(
    index < 0 ? undefined : list[index],
    item,
    itemSchema(args.merge.schema),
  );
  if (isLeft(merged)) return merged;
  const value = merged.right;
  if (index < 0) return right(value === undefined ? list : [...list, value]);
  return right(
    value === undefined
      ? list.filter((_, i) => i !== index)
      : list.map((existing, i) => (i === index ? value : existing)),
  );
}

/**
 * The list reordered by a `$setElementOrder/<field>` directive: the items the order names
 * take, among the positions they hold, the order's order; the other items (the server's
 * own) keep their positions. Items are named by their merge key (`{ name: 'web' }`) in a
 * keyed list, by value in a list of primitives; names of absent items are ignored.
 *
 * Errors: {@link BadPatch} `invalid patch format of setElementOrder list` when the order
 * is not a list, or, in a keyed list, has an item without the key.
 *
 * Caveats: upstream interleaves the server's items by their original positions; keeping
 * them in their slots agrees with it whenever the order names every item (as kubectl's
 * patches do).
 */
export function orderList(args: {
  readonly list: readonly unknown[];
  readonly order: unknown;
  readonly key: string | undefined;
}): Either<PatchError, readonly unknown[]> {
  const { list, order, key } = args;
  const invalid = badPatch('invalid patch format of setElementOrder list');
  if (!Array.isArray(order)) return left(invalid);
  const names: readonly unknown[] = order;
  if (key !== undefined && !names.every((name) => isJsonObject(name) && hasKey(name, key))) {
    return left(invalid);
  }
  const nameOf = (item: unknown): unknown =>
    key !== undefined && isJsonObject(item) ? item[key] : item;
  const rank = (item: unknown): number =>
    names.findIndex((name) => jsonEqual(nameOf(name), nameOf(item)));
  const slots = list.flatMap((item, i) => (rank(item) >= 0 ? [i] : []));
  const ordered = slots.map((i) => list[i]).sort((a, b) => rank(a) - rank(b));
  const result = [...list];
  slots.forEach((slot, n) => {
    result[slot] = ordered[n];
  });
  return right(result);
}
