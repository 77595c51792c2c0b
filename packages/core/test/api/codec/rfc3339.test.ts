import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isRFC3339 } from '../../../src/api/codec/rfc3339.js';

// The check as it was before the short form got its own path: the reference the fast
// path must agree with.
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

function referenceIsRFC3339(text: string): boolean {
  const match = PATTERN.exec(text);
  if (match === null) {
    return false;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= lastDay &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    Number(match[9] ?? 0) <= 23 &&
    Number(match[10] ?? 0) <= 59
  );
}

const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const fourDigits = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));

// Short forms with every field anywhere in its digits' range: valid and invalid dates.
const shortForms = fc
  .tuple(fourDigits, twoDigits, twoDigits, twoDigits, twoDigits, twoDigits)
  .map(([y, mo, d, h, mi, s]) => `${y}-${mo}-${d}T${h}:${mi}:${s}Z`);

// A short form with one character replaced: separators, letters, non-ASCII digits.
const alteredShortForms = fc
  .tuple(
    shortForms,
    fc.integer({ min: 0, max: 19 }),
    fc.constantFrom('-', ':', 'T', 't', 'Z', 'z', ' ', '.', '+', '0', '9', '/', '٣', 'a'),
  )
  .map(([text, at, char]) => text.slice(0, at) + char + text.slice(at + 1));

describe('isRFC3339', () => {
  it('accepts the usual server timestamps', () => {
    expect(isRFC3339('2026-01-01T00:00:00Z')).toBe(true);
    expect(isRFC3339('2024-02-29T23:59:59Z')).toBe(true);
    expect(isRFC3339('2024-05-01T14:00:00.5+02:00')).toBe(true);
  });

  it('rejects impossible dates and times in the short form', () => {
    expect(isRFC3339('2023-02-29T00:00:00Z')).toBe(false);
    expect(isRFC3339('2024-04-31T00:00:00Z')).toBe(false);
    expect(isRFC3339('2024-00-10T00:00:00Z')).toBe(false);
    expect(isRFC3339('2024-05-00T00:00:00Z')).toBe(false);
    expect(isRFC3339('2024-05-01T24:00:00Z')).toBe(false);
    expect(isRFC3339('2024-05-01T12:00:60Z')).toBe(false);
    expect(isRFC3339('2024-05-01t12:00:00Z')).toBe(false);
    expect(isRFC3339('2024-05-01T12:00:00z')).toBe(false);
  });

  it('reads years 0 to 99 as Date.UTC does, 1900 to 1999', () => {
    expect(isRFC3339('0000-02-29T00:00:00Z')).toBe(false);
    expect(isRFC3339('0004-02-29T00:00:00Z')).toBe(true);
    expect(isRFC3339('1900-02-29T00:00:00Z')).toBe(false);
    expect(isRFC3339('2000-02-29T00:00:00Z')).toBe(true);
  });

  it('agrees with the regular expression on every short form', () => {
    fc.assert(
      fc.property(fc.oneof(shortForms, alteredShortForms), (text) => {
        expect(isRFC3339(text)).toBe(referenceIsRFC3339(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the regular expression on arbitrary strings and other forms', () => {
    const otherForms = fc
      .tuple(
        shortForms,
        fc.constantFrom('', '.5', '.123456789'),
        fc.constantFrom('Z', '+02:00', '-07:30', '+24:00', '+02:60'),
      )
      .map(([text, fraction, offset]) => text.slice(0, 19) + fraction + offset);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 24 }), otherForms), (text) => {
        expect(isRFC3339(text)).toBe(referenceIsRFC3339(text));
      }),
      { numRuns: 5_000 },
    );
  });
});
