/**
 * RFC 6901 JSON pointers: `/spec/containers/0/image`, with `~1` for `/` and `~0` for `~`.
 *
 * @module
 */

/**
 * The reference tokens of a JSON pointer, unescaped: `''` is the whole document (`[]`),
 * `/a~1b/~0c` is `['a/b', '~c']`.
 *
 * Errors: `undefined` for a pointer that does not start with `/` (and is not `''`), or
 * with a `~` not followed by `0` or `1`.
 */
export function parseJsonPointer(pointer: string): readonly string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const tokens = pointer.slice(1).split('/');
  if (tokens.some((token) => /~(?![01])/.test(token))) return undefined;
  return tokens.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The array index a reference token names, by RFC 6901's rule: `0`, or digits without
 * a leading zero; `undefined` for anything else (`-`, `01`, `-1`, `1e2`).
 */
export function parseArrayIndex(token: string): number | undefined {
  return /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : undefined;
}
