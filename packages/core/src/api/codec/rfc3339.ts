/**
 * Recognising RFC 3339 timestamps as Go's `time.RFC3339` layout parses them: what
 * `metav1.Time` fields accept. Internal to the codec layer (see `DateTime`).
 *
 * @module
 */

// An upper-case T and Z, optional fractional seconds, and a numeric offset otherwise.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** The length of the usual form, `2024-05-01T12:00:00Z`. */
const SHORT_FORM_LENGTH = 20;

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/**
 * Whether `text` is an RFC 3339 date-time as Go's `time.RFC3339` layout accepts it: an
 * upper-case `T` and `Z`, a valid calendar date and time, optional fractional seconds,
 * a numeric offset otherwise; no leap seconds.
 *
 * Speed: the form servers write (`2024-05-01T12:00:00Z`, whole seconds in UTC) is
 * checked character by character, without a regular expression or a `Date`; any other
 * form takes the general check, whose verdict is the same.
 *
 * Caveats: a day is checked against the length of its month as JavaScript's
 * `Date.UTC` computes it, which reads years 0 to 99 as 1900 to 1999 (so `0000-02-29`
 * is rejected, 1900 not being a leap year): both checks agree on it.
 */
export function isRFC3339(text: string): boolean {
  return text.length === SHORT_FORM_LENGTH && text.charCodeAt(19) === 90 /* Z */
    ? isShortForm(text)
    : isRFC3339ByPattern(text);
}

// `dddd-dd-ddTdd:dd:ddZ` (the Z already checked) with the ranges of a valid time.
function isShortForm(text: string): boolean {
  if (
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 /* - */ ||
    text.charCodeAt(10) !== 84 /* T */ ||
    text.charCodeAt(13) !== 58 /* : */ ||
    text.charCodeAt(16) !== 58 /* : */
  ) {
    return false;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) {
    return false;
  }
  return day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
}

// The decimal number of `count` digits at `start`, or -1 if one is not a digit.
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) {
      return -1;
    }
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// As `new Date(Date.UTC(year, month, 0)).getUTCDate()` for a month from 1 to 12:
// `Date.UTC` reads years 0 to 99 as 1900 to 1999.
function daysInMonth(year: number, month: number): number {
  if (month !== 2) {
    return DAYS_IN_MONTH[month - 1] ?? 0;
  }
  const fullYear = year <= 99 ? 1900 + year : year;
  const leap = fullYear % 4 === 0 && (fullYear % 100 !== 0 || fullYear % 400 === 0);
  return leap ? 29 : 28;
}

// Every form the layout accepts, fractional seconds and offsets included.
function isRFC3339ByPattern(text: string): boolean {
  const match = RFC3339.exec(text);
  if (match === null) {
    return false;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  const offsetHours = Number(match[9] ?? 0);
  const offsetMinutes = Number(match[10] ?? 0);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= lastDay &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}
