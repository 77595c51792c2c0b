import { describe, expect, it } from '@jest/globals';
import {
  isValidLabelKey,
  isValidLabelValue,
  validateLabelKey,
  validateLabelValue,
} from '../../../src/api/selectors/label-syntax.js';

// Cases from apimachinery's validation tests (IsQualifiedName, IsValidLabelValue).
describe('validateLabelKey', () => {
  it.each([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    '1234',
    'simple/simple',
    'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes',
    'now.with.dots/simple',
    'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num',
    '1234/5678',
    '1.2.3.4/5678',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo',
    'a'.repeat(63),
    `${'a'.repeat(253)}/${'b'.repeat(63)}`,
  ])('accepts %p', (key) => {
    expect(validateLabelKey(key)).toEqual([]);
    expect(isValidLabelKey(key)).toBe(true);
  });

  it.each([
    'nospecialchars%^=@',
    'cantendwithadash-',
    '-cantstartwithadash-',
    'only/one/slash',
    'Example.com/abc',
    'example_com/abc',
    'example.com/',
    '/simple',
    'a'.repeat(64),
    `${'a'.repeat(254)}/abc`,
    '',
    'käse',
  ])('rejects %p', (key) => {
    expect(validateLabelKey(key).length).toBeGreaterThan(0);
    expect(isValidLabelKey(key)).toBe(false);
  });

  it('names the part that is wrong, as apimachinery does', () => {
    expect(validateLabelKey('/simple')).toEqual(['prefix part must be non-empty']);
    expect(validateLabelKey('example.com/')).toEqual([
      'name part must be non-empty',
      expect.stringContaining('name part must consist of alphanumeric characters'),
    ]);
    expect(validateLabelKey('a'.repeat(64))).toEqual(['name part must be no more than 63 bytes']);
    expect(validateLabelKey(`${'a'.repeat(254)}/abc`)).toEqual([
      'prefix part must be no more than 253 bytes',
    ]);
    expect(validateLabelKey('Example.com/abc')).toEqual([
      expect.stringMatching(/^prefix part a lowercase RFC 1123 subdomain must consist of/),
    ]);
  });

  it('explains the format with examples and the regex', () => {
    expect(validateLabelKey('-x')).toEqual([
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });

  it('rejects more than one slash with a single message', () => {
    expect(validateLabelKey('only/one/slash')).toEqual([
      expect.stringMatching(/^a valid label key .* with an optional DNS subdomain prefix and '\/'/),
    ]);
  });

  it('counts the length in UTF-8 bytes, as Go does', () => {
    expect(validateLabelKey('é'.repeat(32))).toContain('name part must be no more than 63 bytes');
  });
});

describe('validateLabelValue', () => {
  it.each([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    'end-with-num-1',
    '1234',
    'a'.repeat(63),
    '',
    'Mixed.Case_and-dots',
  ])('accepts %p', (value) => {
    expect(validateLabelValue(value)).toEqual([]);
    expect(isValidLabelValue(value)).toBe(true);
  });

  it.each([
    'nospecialchars%^=@',
    'Tama-nui-te-rā',
    '\u201cquotes\u201d',
    'cantendwithadash-',
    '-cantstartwithadash',
    'a'.repeat(64),
    'with space',
    'trailing-newline\n',
  ])('rejects %p', (value) => {
    expect(validateLabelValue(value).length).toBeGreaterThan(0);
    expect(isValidLabelValue(value)).toBe(false);
  });

  it('reports the length and the format separately', () => {
    expect(validateLabelValue('a'.repeat(64))).toEqual(['must be no more than 63 bytes']);
    expect(validateLabelValue('-a')).toEqual([
      expect.stringMatching(/^a valid label must be an empty string or consist of/),
    ]);
  });
});
