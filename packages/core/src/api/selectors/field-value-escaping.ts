/**
 * Escaping of field selector values, so that a value may hold `,`, `=` and `\`
 * (apimachinery's `fields.EscapeValue` and `fields.UnescapeValue`).
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { selectorSyntaxError, type SelectorSyntaxError } from './selector-error.js';

// ---------------------------------------------------------------------------
// escaping
// ---------------------------------------------------------------------------

const SPECIAL = /[\\,=]/;
const SPECIAL_GLOBAL = /[\\,=]/g;

/**
 * Writes a literal value for use in a field selector: `\` becomes `\\`, `,` becomes
 * `\,` and `=` becomes `\=` (`a=b,c` gives `a\=b\,c`).
 *
 * Guarantees: {@link unescapeFieldValue} reads the result back as `value`.
 */
export function escapeFieldValue(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_GLOBAL, '\\$&') : value;
}

/**
 * Reads an escaped field selector value back into the literal value.
 *
 * Errors: `left(SelectorSyntaxError)` with the position in `escaped` of an unknown
 * escape sequence (`\a`), a trailing lone `\`, or an unescaped `,` or `=`.
 */
export function unescapeFieldValue(escaped: string): Either<SelectorSyntaxError, string> {
  const unescaped = unescapeAt(escaped, 0);
  if (isLeft(unescaped)) {
    return left(
      selectorSyntaxError({
        selectorKind: 'field',
        subject: 'field selector value',
        input: escaped,
        ...unescaped.left,
      }),
    );
  }
  return unescaped;
}

/**
 * Unescapes `escaped`, which starts at `offset` of some larger input, reporting
 * positions in that input.
 */
export function unescapeAt(
  escaped: string,
  offset: number,
): Either<{ readonly position: number; readonly detail: string }, string> {
  if (!SPECIAL.test(escaped)) {
    return right(escaped);
  }
  let value = '';
  for (let i = 0; i < escaped.length; i++) {
    const char = escaped.charAt(i);
    if (char === ',' || char === '=') {
      return left({
        position: offset + i,
        detail: `found unescaped '${char}' in value, expected: '\\${char}'`,
      });
    }
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = escaped.charAt(i + 1);
    if (next !== '\\' && next !== ',' && next !== '=') {
      const following = escaped.codePointAt(i + 1);
      const sequence =
        following === undefined ? "lone '\\' at the end" : `'\\${String.fromCodePoint(following)}'`;
      return left({
        position: offset + i,
        detail: `invalid escape sequence ${sequence}, expected: '\\\\', '\\,' or '\\='`,
      });
    }
    value += next;
    i++;
  }
  return right(value);
}
