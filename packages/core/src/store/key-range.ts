/**
 * Which keys a read, a delete or a watch is about.
 *
 * @module
 */

/**
 * One key, or every key under a prefix.
 *
 * Keys are ordered as JavaScript orders strings (by UTF-16 code unit), which agrees
 * with etcd's byte order for the ASCII keys Kubernetes uses.
 */
export type KeyRange =
  /** Exactly this key. */
  | { readonly key: string }
  /**
   * Every key that starts with `prefix` (the empty prefix is every key). With `from`,
   * only keys at or after `from`: the apiserver continues a paginated list from the
   * key after the last one it returned.
   */
  | { readonly prefix: string; readonly from?: string };

/** The range holding exactly `key`. */
export function keyRange(key: string): KeyRange {
  return { key };
}

/** The range holding every key under `prefix`. */
export function prefixRange(prefix: string, from?: string): KeyRange {
  return from === undefined ? { prefix } : { prefix, from };
}

/**
 * The smallest string greater than every string that starts with `prefix`, or
 * `undefined` when there is none (the empty prefix, or one made only of U+FFFF).
 */
export function prefixEnd(prefix: string): string | undefined {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const code = prefix.charCodeAt(i);
    if (code < 0xffff) {
      return prefix.slice(0, i) + String.fromCharCode(code + 1);
    }
  }
  return undefined;
}

/** Whether `key` falls in `range`. */
export function rangeContains(range: KeyRange, key: string): boolean {
  if ('key' in range) {
    return key === range.key;
  }
  return key.startsWith(range.prefix) && (range.from === undefined || key >= range.from);
}

/** A short description of a range for messages: `key "/a"` or `prefix "/a/"`. */
export function describeKeyRange(range: KeyRange): string {
  if ('key' in range) {
    return `key ${JSON.stringify(range.key)}`;
  }
  const from = range.from === undefined ? '' : ` from ${JSON.stringify(range.from)}`;
  return `prefix ${JSON.stringify(range.prefix)}${from}`;
}
