/**
 * The name formats of the Kubernetes API, as `k8s.io/apimachinery/pkg/util/validation`
 * checks them: DNS-1123 subdomains and labels, DNS-1035 labels, qualified names
 * (label keys), label values, config keys, port names and path segments.
 *
 * Each check returns the problems in upstream's exact words (one string each), empty
 * when the value is valid, so that callers turn each into a `FieldValueInvalid` error.
 *
 * Regex hints are worded as upstream's `RegexError` words them, examples and all
 * (`(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is ...)`),
 * as `api/selectors/label-syntax.ts` words the label checks of selectors.
 *
 * @module
 */

import {
  matchesConfigMapKey,
  matchesDNS1035Label,
  matchesDNS1123Label,
  matchesDNS1123Subdomain,
  matchesQualifiedNamePart,
} from './name-format-scans.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** The longest DNS-1123 label (and DNS-1035 label), in bytes. */
export const DNS1123_LABEL_MAX_LENGTH = 63;

/** The longest DNS-1123 subdomain, in bytes. */
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

/** The longest label value and name part of a qualified name, in bytes. */
export const QUALIFIED_NAME_MAX_LENGTH = 63;

/** How an object's `metadata.name` is checked: upstream's `ValidateNameFunc`s. */
export type NameRule = 'subdomain' | 'label' | 'path-segment';

const DNS1123_LABEL_FORMAT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FORMAT = `${DNS1123_LABEL_FORMAT}(\\.${DNS1123_LABEL_FORMAT})*`;
const DNS1035_LABEL_FORMAT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME_FORMAT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FORMAT = `(${QUALIFIED_NAME_FORMAT})?`;
const CONFIG_MAP_KEY_FORMAT = '[-._a-zA-Z0-9]+';

const PORT_NAME_CHARSET = /^[-a-z0-9]+$/;
const PORT_NAME_LETTER = /[a-z]/;

const DNS1123_LABEL_MESSAGE = regexError(
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  DNS1123_LABEL_FORMAT,
  ['my-name', '123-abc'],
);
const DNS1123_SUBDOMAIN_MESSAGE = regexError(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  DNS1123_SUBDOMAIN_FORMAT,
  ['example.com'],
);
const DNS1035_LABEL_MESSAGE = regexError(
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  DNS1035_LABEL_FORMAT,
  ['my-name', 'abc-123'],
);
const QUALIFIED_NAME_MESSAGE = regexError(
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  QUALIFIED_NAME_FORMAT,
  ['MyName', 'my.name', '123-abc'],
);
const LABEL_VALUE_MESSAGE = regexError(
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  LABEL_VALUE_FORMAT,
  ['MyValue', 'my_value', '12345'],
);
const CONFIG_MAP_KEY_MESSAGE = regexError(
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
  CONFIG_MAP_KEY_FORMAT,
  ['key.name', 'KEY_NAME', 'key-name'],
);

// ---------------------------------------------------------------------------
// checks
// ---------------------------------------------------------------------------

/** The problems with a DNS-1123 subdomain (`example.com`): at most 253 bytes, lower case. */
export function isDNS1123Subdomain(value: string): string[] {
  const problems: string[] = [];
  if (exceeds(value, DNS1123_SUBDOMAIN_MAX_LENGTH)) {
    problems.push(maxLengthError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  }
  if (!matchesDNS1123Subdomain(value)) {
    problems.push(DNS1123_SUBDOMAIN_MESSAGE);
  }
  return problems;
}

/**
 * The problems with a DNS-1123 label (`my-name`): at most 63 bytes, lower case, no
 * dots. A valid subdomain that is not a label gets upstream's `must not contain dots`.
 */
export function isDNS1123Label(value: string): string[] {
  const problems: string[] = [];
  if (exceeds(value, DNS1123_LABEL_MAX_LENGTH)) {
    problems.push(maxLengthError(DNS1123_LABEL_MAX_LENGTH));
  }
  if (!matchesDNS1123Label(value)) {
    problems.push(matchesDNS1123Subdomain(value) ? 'must not contain dots' : DNS1123_LABEL_MESSAGE);
  }
  return problems;
}

/** The problems with a DNS-1035 label (`my-name`): as DNS-1123, but starting with a letter. */
export function isDNS1035Label(value: string): string[] {
  const problems: string[] = [];
  if (exceeds(value, DNS1123_LABEL_MAX_LENGTH)) {
    problems.push(maxLengthError(DNS1123_LABEL_MAX_LENGTH));
  }
  if (!matchesDNS1035Label(value)) {
    problems.push(DNS1035_LABEL_MESSAGE);
  }
  return problems;
}

/**
 * The problems with a qualified name, the format of label keys, annotation keys and
 * finalizers: a name part of at most 63 bytes (`MyName`, `my.name`), optionally after a
 * DNS-1123 subdomain prefix and `/` (`example.com/MyName`).
 */
export function isQualifiedName(value: string): string[] {
  const slash = value.indexOf('/');
  if (slash >= 0 && value.indexOf('/', slash + 1) >= 0) {
    return [
      `a valid label key ${QUALIFIED_NAME_MESSAGE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const problems: string[] = [];
  if (slash >= 0) {
    const prefix = value.slice(0, slash);
    if (prefix === '') {
      problems.push('prefix part must be non-empty');
    } else {
      for (const problem of isDNS1123Subdomain(prefix)) {
        problems.push(`prefix part ${problem}`);
      }
    }
  }
  const name = slash < 0 ? value : value.slice(slash + 1);
  if (name === '') {
    problems.push('name part must be non-empty');
  } else if (exceeds(name, QUALIFIED_NAME_MAX_LENGTH)) {
    problems.push(`name part ${maxLengthError(QUALIFIED_NAME_MAX_LENGTH)}`);
  }
  if (!matchesQualifiedNamePart(name)) {
    problems.push(`name part ${QUALIFIED_NAME_MESSAGE}`);
  }
  return problems;
}

/** The problems with a label value: empty, or at most 63 bytes of `[-A-Za-z0-9_.]`. */
export function isValidLabelValue(value: string): string[] {
  const problems: string[] = [];
  if (exceeds(value, QUALIFIED_NAME_MAX_LENGTH)) {
    problems.push(maxLengthError(QUALIFIED_NAME_MAX_LENGTH));
  }
  if (!(value === '' || matchesQualifiedNamePart(value))) {
    problems.push(LABEL_VALUE_MESSAGE);
  }
  return problems;
}

/** The problems with a key of a config map's or secret's data (`key.name`, `KEY_NAME`). */
export function isConfigMapKey(value: string): string[] {
  const problems: string[] = [];
  if (exceeds(value, DNS1123_SUBDOMAIN_MAX_LENGTH)) {
    problems.push(maxLengthError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  }
  if (!matchesConfigMapKey(value)) {
    problems.push(CONFIG_MAP_KEY_MESSAGE);
  }
  if (value === '.') {
    problems.push("must not be '.'");
  } else if (value === '..') {
    problems.push("must not be '..'");
  } else if (value.startsWith('..')) {
    problems.push("must not start with '..'");
  }
  return problems;
}

/** The problems with a port name (an IANA_SVC_NAME such as `http`): upstream's `IsValidPortName`. */
export function isValidPortName(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 15) {
    problems.push('must be no more than 15 characters');
  }
  if (!PORT_NAME_CHARSET.test(value)) {
    problems.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  }
  if (!PORT_NAME_LETTER.test(value)) {
    problems.push('must contain at least one letter (a-z)');
  }
  if (value.includes('--')) {
    problems.push('must not contain consecutive hyphens');
  }
  if (value.startsWith('-') || value.endsWith('-')) {
    problems.push('must not begin or end with a hyphen');
  }
  return problems;
}

/** The problems with a port number: `must be between 1 and 65535, inclusive`. */
export function isValidPortNumber(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** The problems with a name used as one URL path segment: not `.` or `..`, no `/` or `%`. */
export function isValidPathSegmentName(value: string): string[] {
  if (value === '.' || value === '..') {
    return [`may not be '${value}'`];
  }
  return pathSegmentContentProblems(value);
}

/**
 * The problems with an object's name under `rule`; with `prefix`, the name is a
 * `generateName` prefix, which may end in `-` (upstream masks a trailing dash).
 */
export function validateNameByRule(
  value: string,
  options: { readonly rule: NameRule; readonly prefix?: boolean },
): string[] {
  const name =
    options.prefix === true && options.rule !== 'path-segment' && value.endsWith('-')
      ? `${value.slice(0, -1)}a`
      : value;
  switch (options.rule) {
    case 'subdomain':
      return isDNS1123Subdomain(name);
    case 'label':
      return isDNS1123Label(name);
    case 'path-segment':
      return options.prefix === true
        ? pathSegmentContentProblems(name)
        : isValidPathSegmentName(name);
  }
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

function pathSegmentContentProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.includes('/')) {
    problems.push("may not contain '/'");
  }
  if (value.includes('%')) {
    problems.push("may not contain '%'");
  }
  return problems;
}

// Whether the UTF-8 length of `value` (Go's `len`) exceeds `max`, counting bytes only
// when the UTF-16 length leaves it in doubt.
function exceeds(value: string, max: number): boolean {
  return value.length > max || (value.length * 3 > max && Buffer.byteLength(value) > max);
}

function maxLengthError(bytes: number): string {
  return `must be no more than ${bytes} bytes`;
}

// Upstream's RegexError: each example quoted and followed by `, `, joined by ` or `.
function regexError(message: string, format: string, examples: readonly string[]): string {
  const listed = examples.map((example) => `'${example}', `).join(' or ');
  return `${message} (e.g. ${listed}regex used for validation is '${format}')`;
}
