import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { right } from 'fp-ts/lib/Either.js';
import {
  escapeFieldValue,
  unescapeFieldValue,
} from '../../../src/api/selectors/field-value-escaping.js';
import { expectLeft } from '../../support/either.js';

describe('escapeFieldValue and unescapeFieldValue', () => {
  // apimachinery's TestEscapeValue.
  it.each<[string, string]>([
    ['', ''],
    ['a', 'a'],
    ['=', '\\='],
    [',', '\\,'],
    ['\\', '\\\\'],
    ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
    ['a=b,c', 'a\\=b\\,c'],
    ['!', '!'],
  ])('escapes %p as %p and reads it back', (literal, escaped) => {
    expect(escapeFieldValue(literal)).toBe(escaped);
    expect(unescapeFieldValue(escaped)).toEqual(right(literal));
  });

  it('reads back anything it writes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (literal) => {
        expect(unescapeFieldValue(escapeFieldValue(literal))).toEqual(right(literal));
      }),
    );
  });

  it('reads back values made mostly of the special characters', () => {
    const special = fc.constantFrom('\\', ',', '=', 'a', '!');
    fc.assert(
      fc.property(
        fc.array(special).map((chars) => chars.join('')),
        (literal) => {
          expect(unescapeFieldValue(escapeFieldValue(literal))).toEqual(right(literal));
        },
      ),
    );
  });

  it.each<[string, number, string]>([
    ['\\', 0, "invalid escape sequence lone '\\' at the end, expected: '\\\\', '\\,' or '\\='"],
    ['\\\\\\', 2, "invalid escape sequence lone '\\' at the end, expected: '\\\\', '\\,' or '\\='"],
    ['\\a', 0, "invalid escape sequence '\\a', expected: '\\\\', '\\,' or '\\='"],
    ['ok\\😀', 2, "invalid escape sequence '\\😀', expected: '\\\\', '\\,' or '\\='"],
    ['a=b', 1, "found unescaped '=' in value, expected: '\\='"],
    ['a,b', 1, "found unescaped ',' in value, expected: '\\,'"],
  ])('rejects %p at position %p: %s', (escaped, position, detail) => {
    expect(expectLeft(unescapeFieldValue(escaped))).toEqual({
      _tag: 'SelectorSyntaxError',
      selectorKind: 'field',
      input: escaped,
      position,
      detail,
      message: `unable to parse field selector value ${JSON.stringify(escaped)} at position ${position}: ${detail}`,
    });
  });
});
