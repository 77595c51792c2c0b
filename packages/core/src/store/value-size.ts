/**
 * How big a stored value is, for the request size limit.
 *
 * @module
 */

/** etcd's default request size limit (`--max-request-bytes`): 1.5 MiB. */
export const DEFAULT_MAX_REQUEST_BYTES = 1.5 * 1024 * 1024;

/** Measures a value in bytes, as it would be sent to etcd. */
export type SizeOf<V> = (value: V) => number;

// Values are immutable, so an object's size is a property of the object: measure it
// once. A WeakMap keeps no object alive.
const objectSizes = new WeakMap<object, number>();

// Upper bounds of sizes, told by writers that walk their values anyway (the apiserver
// freezing an object) just before they put them: the last few, by identity, in a ring
// (a WeakMap entry per write would outlive its use by far, and weak tables cost the
// garbage collector).
const RECENT_BOUNDS = 16;
const boundValues = new Array<object | undefined>(RECENT_BOUNDS).fill(undefined);
const boundSizes = new Float64Array(RECENT_BOUNDS);
let nextBound = 0;

/**
 * Tells {@link defaultSizeWithin} an upper bound of the size of a value's JSON encoding,
 * so a store can admit it without measuring it.
 *
 * Assumptions: `bound` is at least the size {@link defaultSizeOf} would give, and
 * `value` is frozen, so it stays so. The bound is remembered for the next few values
 * told (sixteen), so a writer tells it just before the put; a value whose bound was
 * forgotten is measured exactly.
 */
export function recordSizeBound(value: object, bound: number): void {
  boundValues[nextBound] = value;
  boundSizes[nextBound] = bound;
  nextBound = nextBound === RECENT_BOUNDS - 1 ? 0 : nextBound + 1;
}

/**
 * {@link defaultSizeOf}, or a recorded upper bound of it (see {@link recordSizeBound})
 * when that bound is within `budget`: the cheap answer to "does this value fit?".
 *
 * Guarantees: the result is at least the exact size; when it exceeds `budget`, it is
 * the exact size.
 */
export function defaultSizeWithin(value: unknown, budget: number): number {
  if (typeof value === 'object' && value !== null) {
    // Newest first: the value is mostly the one told last.
    let slot = nextBound;
    for (let i = 0; i < RECENT_BOUNDS; i++) {
      slot = slot === 0 ? RECENT_BOUNDS - 1 : slot - 1;
      if (boundValues[slot] === value) {
        const bound = boundSizes[slot] as number;
        if (bound <= budget) {
          return bound;
        }
        break;
      }
    }
  }
  return defaultSizeOf(value);
}

/**
 * The default {@link SizeOf}: UTF-8 length for strings, byte length for binary
 * data, and the UTF-8 length of the JSON encoding for anything else (measured once
 * per object, since values are immutable).
 */
export function defaultSizeOf(value: unknown): number {
  if (typeof value === 'string') {
    return utf8Length(value);
  }
  if (typeof value !== 'object' || value === null) {
    return utf8Length(JSON.stringify(value) ?? '');
  }
  if (ArrayBuffer.isView(value)) {
    return value.byteLength;
  }
  const known = objectSizes.get(value);
  if (known !== undefined) {
    return known;
  }
  const size = utf8Length(JSON.stringify(value));
  objectSizes.set(value, size);
  return size;
}

/** The number of bytes of `text` encoded as UTF-8. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      continue;
    }
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: two UTF-16 units, four UTF-8 bytes.
      bytes += 2;
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}
