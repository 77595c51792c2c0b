import { describe, expect, it } from '@jest/globals';
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPortName,
} from '../../../src/apiserver/validation/index.js';
import { validateNameByRule } from '../../../src/apiserver/validation/name-rules.js';

const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const CONFIG_KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe('isDNS1123Subdomain', () => {
  it.each(['a', 'example.com', '0-9.a-b', 'a'.repeat(253)])('accepts %j', (value) => {
    expect(isDNS1123Subdomain(value)).toStrictEqual([]);
  });

  it.each(['', 'Example.com', '-a', 'a-', 'a..b', 'a_b', 'é'])(
    'rejects %j in upstream words',
    (value) => {
      expect(isDNS1123Subdomain(value)).toStrictEqual([SUBDOMAIN_MESSAGE]);
    },
  );

  it('reports a name over 253 bytes', () => {
    expect(isDNS1123Subdomain('a'.repeat(254))).toStrictEqual(['must be no more than 253 bytes']);
  });
});

describe('isDNS1123Label', () => {
  it.each(['a', 'my-name', '123-abc', 'a'.repeat(63)])('accepts %j', (value) => {
    expect(isDNS1123Label(value)).toStrictEqual([]);
  });

  it('says a valid subdomain must not contain dots', () => {
    expect(isDNS1123Label('a.b')).toStrictEqual(['must not contain dots']);
  });

  it.each(['', 'A', 'a_b', '-a'])('rejects %j in upstream words', (value) => {
    expect(isDNS1123Label(value)).toStrictEqual([LABEL_MESSAGE]);
  });

  it('reports a label over 63 bytes', () => {
    expect(isDNS1123Label('a'.repeat(64))).toStrictEqual(['must be no more than 63 bytes']);
  });
});

describe('isDNS1035Label', () => {
  it('accepts a label starting with a letter and rejects one starting with a digit', () => {
    expect(isDNS1035Label('abc-123')).toStrictEqual([]);
    expect(isDNS1035Label('123-abc')).toStrictEqual([DNS1035_MESSAGE]);
  });
});

describe('isQualifiedName', () => {
  it.each(['app', 'app.kubernetes.io/name', 'My_Name', 'a'])('accepts %j', (value) => {
    expect(isQualifiedName(value)).toStrictEqual([]);
  });

  it('reports each part of a bad key', () => {
    expect(isQualifiedName('/x')).toStrictEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('example.com/')).toStrictEqual([
      'name part must be non-empty',
      NAME_PART_MESSAGE,
    ]);
    expect(isQualifiedName('Example.com/x')).toStrictEqual([`prefix part ${SUBDOMAIN_MESSAGE}`]);
    expect(isQualifiedName('a b')).toStrictEqual([NAME_PART_MESSAGE]);
    expect(isQualifiedName('x'.repeat(64))).toStrictEqual([
      'name part must be no more than 63 bytes',
    ]);
  });

  it('rejects a key with two slashes as a whole', () => {
    expect(isQualifiedName('a/b/c')).toStrictEqual([
      "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
});

describe('isValidLabelValue', () => {
  it('accepts the empty value and rejects a space or a long value', () => {
    expect(isValidLabelValue('')).toStrictEqual([]);
    expect(isValidLabelValue('a b')).toStrictEqual([LABEL_VALUE_MESSAGE]);
    expect(isValidLabelValue('v'.repeat(64))).toStrictEqual(['must be no more than 63 bytes']);
  });
});

describe('isConfigMapKey', () => {
  it('accepts config keys and rejects slashes and dot names', () => {
    expect(isConfigMapKey('app.properties')).toStrictEqual([]);
    expect(isConfigMapKey('a/b')).toStrictEqual([CONFIG_KEY_MESSAGE]);
    expect(isConfigMapKey('..')).toStrictEqual(["must not be '..'"]);
    expect(isConfigMapKey('..a')).toStrictEqual(["must not start with '..'"]);
  });
});

describe('isValidPortName', () => {
  it('accepts an IANA service name and lists every problem of a bad one', () => {
    expect(isValidPortName('http-alt')).toStrictEqual([]);
    expect(isValidPortName('-8080--')).toStrictEqual([
      'must contain at least one letter (a-z)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
    expect(isValidPortName('HTTP-and-more-than-15')).toStrictEqual([
      'must be no more than 15 characters',
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
  });
});

describe('validateNameByRule', () => {
  it('lets a generateName prefix end in a dash', () => {
    expect(validateNameByRule('web-', { rule: 'subdomain', prefix: true })).toStrictEqual([]);
    expect(validateNameByRule('web-', { rule: 'subdomain' })).toStrictEqual([SUBDOMAIN_MESSAGE]);
  });

  it('checks path segment names', () => {
    expect(isValidPathSegmentName('..')).toStrictEqual(["may not be '..'"]);
    expect(validateNameByRule('a/b%', { rule: 'path-segment' })).toStrictEqual([
      "may not contain '/'",
      "may not contain '%'",
    ]);
    expect(validateNameByRule('Any_Name', { rule: 'path-segment' })).toStrictEqual([]);
  });
});
