/**
 * Allocation-free scans for the name formats of `name-rules.ts`: each answers, by
 * walking the character codes once, exactly what the matching anchored regex of
 * upstream's `k8s.io/apimachinery/pkg/util/validation` answers, and the `isValid*`
 * predicates answer whether the matching `name-rules.ts` check finds no problem.
 *
 * Validators test the predicate first and only call the check, which words the
 * problems, when the value is invalid: the happy path then builds no array or string.
 *
 * @module
 */

const DASH = 0x2d;
const DOT = 0x2e;
const UNDERSCORE = 0x5f;

/** `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`: a lowercase RFC 1123 label, of any length. */
export function matchesDNS1123Label(value: string): boolean {
  return scanDNS1123Label(value, 0, value.length);
}

/** `^[a-z]([-a-z0-9]*[a-z0-9])?$`: a DNS-1035 label, of any length. */
export function matchesDNS1035Label(value: string): boolean {
  return isLowerLetter(value.charCodeAt(0)) && scanDNS1123Label(value, 0, value.length);
}

/** DNS-1123 labels joined by dots: a lowercase RFC 1123 subdomain, of any length. */
export function matchesDNS1123Subdomain(value: string): boolean {
  return scanDNS1123Subdomain(value, 0, value.length);
}

/** `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`: the name part of a qualified name. */
export function matchesQualifiedNamePart(value: string): boolean {
  return scanQualifiedNamePart(value, 0, value.length);
}

/** `^[-._a-zA-Z0-9]+$`: a config map key's characters. */
export function matchesConfigMapKey(value: string): boolean {
  const length = value.length;
  if (length === 0) {
    return false;
  }
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (!isAlphanumeric(code) && code !== DASH && code !== DOT && code !== UNDERSCORE) {
      return false;
    }
  }
  return true;
}

/** Whether `isDNS1123Label` finds no problem: a label of at most 63 characters. */
export function isValidDNS1123Label(value: string): boolean {
  return value.length <= 63 && scanDNS1123Label(value, 0, value.length);
}

/** Whether `isDNS1123Subdomain` finds no problem: a subdomain of at most 253 characters. */
export function isValidDNS1123Subdomain(value: string): boolean {
  return value.length <= 253 && scanDNS1123Subdomain(value, 0, value.length);
}

/** Whether `isValidLabelValue` finds no problem: empty, or a name part of at most 63. */
export function isValidLabelValueFormat(value: string): boolean {
  return (
    value.length === 0 || (value.length <= 63 && scanQualifiedNamePart(value, 0, value.length))
  );
}

/**
 * Whether `isQualifiedName` finds no problem: a name part of at most 63 characters,
 * optionally after a subdomain prefix of at most 253 and one `/`.
 */
export function isValidQualifiedNameFormat(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) {
    return value.length <= 63 && scanQualifiedNamePart(value, 0, value.length);
  }
  const nameLength = value.length - slash - 1;
  return (
    slash <= 253 &&
    nameLength <= 63 &&
    scanDNS1123Subdomain(value, 0, slash) &&
    scanQualifiedNamePart(value, slash + 1, value.length)
  );
}

/**
 * Whether `isValidPortName` finds no problem: 1 to 15 of `[-a-z0-9]`, at least one
 * letter, no `--`, no leading or trailing `-`.
 */
export function isValidPortNameFormat(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > 15) {
    return false;
  }
  if (value.charCodeAt(0) === DASH || value.charCodeAt(length - 1) === DASH) {
    return false;
  }
  let letter = false;
  let previous = 0;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (isLowerLetter(code)) {
      letter = true;
    } else if (code === DASH) {
      if (previous === DASH) {
        return false;
      }
    } else if (!isDigit(code)) {
      return false;
    }
    previous = code;
  }
  return letter;
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

// Each scan reads `value` from `start` up to (not including) `end`.
function scanDNS1123Label(value: string, start: number, end: number): boolean {
  if (end <= start) {
    return false;
  }
  if (!isLowerAlphanumeric(value.charCodeAt(start))) {
    return false;
  }
  if (!isLowerAlphanumeric(value.charCodeAt(end - 1))) {
    return false;
  }
  for (let i = start + 1; i < end - 1; i++) {
    const code = value.charCodeAt(i);
    if (!isLowerAlphanumeric(code) && code !== DASH) {
      return false;
    }
  }
  return true;
}

function scanDNS1123Subdomain(value: string, start: number, end: number): boolean {
  let labelStart = start;
  for (let i = start; i < end; i++) {
    if (value.charCodeAt(i) === DOT) {
      if (!scanDNS1123Label(value, labelStart, i)) {
        return false;
      }
      labelStart = i + 1;
    }
  }
  return scanDNS1123Label(value, labelStart, end);
}

function scanQualifiedNamePart(value: string, start: number, end: number): boolean {
  if (end <= start) {
    return false;
  }
  if (!isAlphanumeric(value.charCodeAt(start)) || !isAlphanumeric(value.charCodeAt(end - 1))) {
    return false;
  }
  for (let i = start + 1; i < end - 1; i++) {
    const code = value.charCodeAt(i);
    if (!isAlphanumeric(code) && code !== DASH && code !== DOT && code !== UNDERSCORE) {
      return false;
    }
  }
  return true;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLowerLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isLowerAlphanumeric(code: number): boolean {
  return isLowerLetter(code) || isDigit(code);
}

function isAlphanumeric(code: number): boolean {
  return isLowerAlphanumeric(code) || (code >= 0x41 && code <= 0x5a);
}
