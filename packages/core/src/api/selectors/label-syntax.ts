/**
 * What a label key and a label value may look like, as Kubernetes validates them
 * (apimachinery's `IsQualifiedName` and `IsValidLabelValue`).
 *
 * Each check returns the list of problems, empty when the input is valid, so that
 * callers can turn each one into a field error; the `isValid*` forms answer yes or no.
 *
 * @module
 */

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** The longest name part of a label key (after the optional `prefix/`), in bytes. */
export const LABEL_KEY_NAME_MAX_LENGTH = 63;

/** The longest label value, in bytes. */
export const LABEL_VALUE_MAX_LENGTH = 63;

/** The longest DNS-1123 subdomain, such as a label key's prefix, in bytes. */
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

const NAME_FORMAT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const VALUE_FORMAT = `(${NAME_FORMAT})?`;
const DNS1123_LABEL_FORMAT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FORMAT = `${DNS1123_LABEL_FORMAT}(\\.${DNS1123_LABEL_FORMAT})*`;

// JavaScript's `$` without the `m` flag matches only at the very end, like Go's.
const NAME_PATTERN = new RegExp(`^${NAME_FORMAT}$`);
const VALUE_PATTERN = new RegExp(`^${VALUE_FORMAT}$`);
const DNS1123_SUBDOMAIN_PATTERN = new RegExp(`^${DNS1123_SUBDOMAIN_FORMAT}$`);

const NAME_MESSAGE = regexMessage(
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  NAME_FORMAT,
  ['MyName', 'my.name', '123-abc'],
);
const VALUE_MESSAGE = regexMessage(
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  VALUE_FORMAT,
  ['MyValue', 'my_value', '12345'],
);
const DNS1123_SUBDOMAIN_MESSAGE = regexMessage(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  DNS1123_SUBDOMAIN_FORMAT,
  ['example.com'],
);

// ---------------------------------------------------------------------------
// validation
// ---------------------------------------------------------------------------

/**
 * The problems with a label key, empty when it is valid.
 *
 * A key is a name of at most 63 bytes matching `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`,
 * optionally preceded by a DNS-1123 subdomain of at most 253 bytes and a `/`
 * (`app`, `app.kubernetes.io/name`). Messages are apimachinery's, such as
 * `prefix part must be non-empty` or `name part must be no more than 63 bytes`.
 */
export function validateLabelKey(key: string): readonly string[] {
  const slash = key.indexOf('/');
  if (slash >= 0 && key.indexOf('/', slash + 1) >= 0) {
    return [
      `a valid label key ${NAME_MESSAGE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const problems: string[] = [];
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (prefix === '') {
      problems.push('prefix part must be non-empty');
    } else {
      for (const problem of validateDns1123Subdomain(prefix)) {
        problems.push(`prefix part ${problem}`);
      }
    }
  }
  if (name === '') {
    problems.push('name part must be non-empty');
  } else if (utf8Length(name) > LABEL_KEY_NAME_MAX_LENGTH) {
    problems.push(`name part ${maxLengthMessage(LABEL_KEY_NAME_MAX_LENGTH)}`);
  }
  if (!NAME_PATTERN.test(name)) {
    problems.push(`name part ${NAME_MESSAGE}`);
  }
  return problems;
}

/**
 * The problems with a label value, empty when it is valid.
 *
 * A value is empty, or at most 63 bytes matching `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
 */
export function validateLabelValue(value: string): readonly string[] {
  const problems: string[] = [];
  if (utf8Length(value) > LABEL_VALUE_MAX_LENGTH) {
    problems.push(maxLengthMessage(LABEL_VALUE_MAX_LENGTH));
  }
  if (!VALUE_PATTERN.test(value)) {
    problems.push(VALUE_MESSAGE);
  }
  return problems;
}

/** Whether `key` is a valid label key (see {@link validateLabelKey}). */
export function isValidLabelKey(key: string): boolean {
  return validateLabelKey(key).length === 0;
}

/** Whether `value` is a valid label value (see {@link validateLabelValue}). */
export function isValidLabelValue(value: string): boolean {
  return value.length <= LABEL_VALUE_MAX_LENGTH && VALUE_PATTERN.test(value);
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

function validateDns1123Subdomain(value: string): readonly string[] {
  const problems: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
    problems.push(maxLengthMessage(DNS1123_SUBDOMAIN_MAX_LENGTH));
  }
  if (!DNS1123_SUBDOMAIN_PATTERN.test(value)) {
    problems.push(DNS1123_SUBDOMAIN_MESSAGE);
  }
  return problems;
}

function maxLengthMessage(bytes: number): string {
  return `must be no more than ${bytes} bytes`;
}

function regexMessage(message: string, format: string, examples: readonly string[]): string {
  // Upstream's `RegexError` writes each example as `'x', ` and joins them with ` or `.
  const listed = examples.map((example) => `'${example}', `).join(' or ');
  return `${message} (e.g. ${listed}regex used for validation is '${format}')`;
}

/**
 * The length of `text` in UTF-8 bytes, as Go's `len` counts it, so that limits agree
 * with the apiserver's for non-ASCII input (which the patterns reject anyway).
 */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      // 2 bytes below U+0800; 3 for the rest of the BMP; a surrogate pair's 4 bytes
      // are counted as 2 + 2 over its two code units.
      bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
    }
  }
  return bytes;
}
