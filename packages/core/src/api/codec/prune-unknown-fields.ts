/**
 * Finding and dropping the object fields a codec does not declare, as the apiserver
 * prunes unknown fields (or reports them, with strict field validation). Internal to
 * the codec layer.
 *
 * @module
 */
import { isRight } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { asKnownCodec, isJSONObject, objectFields, unwrapCodec } from './codec-nodes.js';

/**
 * The value without the object fields `codec` does not declare, at every depth, and
 * the field paths of those it dropped.
 *
 * Guarantees: the input is not modified; objects the codec describes are new in the
 * result. Values of the wrong shape are returned as they are (decoding reports them),
 * and fields under `t.unknown` or `t.UnknownRecord` are all kept.
 */
export function pruneUnknownFields(
  codec: t.Mixed,
  value: unknown,
): { readonly value: unknown; readonly unknownFields: readonly string[] } {
  const unknownFields: string[] = [];
  return { value: prune(codec, value, '', unknownFields), unknownFields };
}

/** `key` under `path`, joined with `.` unless `path` is the root. */
export function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

// The value without the object fields the codec does not declare, their paths pushed
// to `unknown`. Values of the wrong shape are returned as they are: decoding reports
// them.
function prune(codec: t.Mixed, value: unknown, path: string, unknown: string[]): unknown {
  const node = asKnownCodec(unwrapCodec(codec));
  if (
    node?._tag === 'InterfaceType' ||
    node?._tag === 'PartialType' ||
    node?._tag === 'IntersectionType'
  ) {
    return pruneObject(codec, value, path, unknown);
  }
  if ((node?._tag === 'ArrayType' || node?._tag === 'ReadonlyArrayType') && Array.isArray(value)) {
    return value.map((item: unknown, i) => prune(node.type, item, `${path}[${i}]`, unknown));
  }
  if (node?._tag === 'DictionaryType' && isJSONObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        prune(node.codomain, item, `${path}[${key}]`, unknown),
      ]),
    );
  }
  if (node?._tag === 'UnionType') {
    return pruneUnion(node, value, path, unknown);
  }
  return value;
}

function pruneObject(codec: t.Mixed, value: unknown, path: string, unknown: string[]): unknown {
  const fields = objectFields(codec);
  if (fields === undefined || !isJSONObject(value)) {
    return value;
  }
  // Built with fromEntries, which defines keys such as `__proto__` as plain fields.
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) {
    const codecs = fields.get(key);
    if (codecs === undefined) {
      unknown.push(childPath(path, key));
      continue;
    }
    entries.push([
      key,
      codecs.reduce<unknown>(
        (pruned, field) => prune(field, pruned, childPath(path, key), unknown),
        item,
      ),
    ]);
  }
  return Object.fromEntries(entries);
}

// A union prunes with the first member that accepts the pruned value; when none does,
// decoding fails there anyway, and the value is left as it is.
function pruneUnion(
  node: t.UnionType<t.Mixed[]>,
  value: unknown,
  path: string,
  unknown: string[],
): unknown {
  for (const member of node.types) {
    const memberUnknown: string[] = [];
    const pruned = prune(member, value, path, memberUnknown);
    if (isRight(member.decode(pruned))) {
      unknown.push(...memberUnknown);
      return pruned;
    }
  }
  return value;
}
