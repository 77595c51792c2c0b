import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  isValidDNS1123Label,
  isValidDNS1123Subdomain,
  isValidLabelValueFormat,
  isValidPortNameFormat,
  isValidQualifiedNameFormat,
  matchesConfigMapKey,
  matchesDNS1035Label,
  matchesDNS1123Label,
  matchesDNS1123Subdomain,
  matchesQualifiedNamePart,
} from '../../../src/apiserver/validation/name-format-scans.js';

// Upstream's regexes, anchored: the scans must answer exactly as these.
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

// Strings over the characters that matter to the formats, and a few that never match.
const nameLike = fc.string({
  unit: fc.constantFrom('a', 'z', 'A', 'Z', '0', '9', '-', '.', '_', '/', '%', ' ', 'é', '\n'),
  maxLength: 12,
});
const anyName = fc.oneof(nameLike, fc.string({ maxLength: 8 }));
const longName = fc
  .tuple(fc.constantFrom('a', 'a.b', 'A_b'), fc.integer({ min: 60, max: 260 }))
  .map(([unit, count]) => unit.repeat(count).slice(0, count));
const values = fc.oneof(anyName, longName);

describe('the name format scans', () => {
  it('answer as upstream regexes on any string', () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(matchesDNS1123Label(value)).toBe(DNS1123_LABEL.test(value));
        expect(matchesDNS1123Subdomain(value)).toBe(DNS1123_SUBDOMAIN.test(value));
        expect(matchesDNS1035Label(value)).toBe(DNS1035_LABEL.test(value));
        expect(matchesQualifiedNamePart(value)).toBe(QUALIFIED_NAME.test(value));
        expect(matchesConfigMapKey(value)).toBe(CONFIG_MAP_KEY.test(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('reject a trailing newline, which a multiline-free regex also rejects', () => {
    expect(matchesDNS1123Label('abc\n')).toBe(false);
    expect(matchesQualifiedNamePart('abc\n')).toBe(false);
  });
});

describe('the validity predicates', () => {
  it('hold exactly when the length limits and formats do', () => {
    fc.assert(
      fc.property(values, (value) => {
        const bytes = Buffer.byteLength(value);
        expect(isValidDNS1123Label(value)).toBe(bytes <= 63 && DNS1123_LABEL.test(value));
        expect(isValidDNS1123Subdomain(value)).toBe(bytes <= 253 && DNS1123_SUBDOMAIN.test(value));
        expect(isValidLabelValueFormat(value)).toBe(
          value === '' || (bytes <= 63 && QUALIFIED_NAME.test(value)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('hold for qualified names with one optional subdomain prefix', () => {
    fc.assert(
      fc.property(values, (value) => {
        const parts = value.split('/');
        const name = parts[parts.length - 1] ?? '';
        const prefix = parts.length === 2 ? parts[0] : undefined;
        const expected =
          parts.length <= 2 &&
          Buffer.byteLength(name) <= 63 &&
          QUALIFIED_NAME.test(name) &&
          (prefix === undefined ||
            (Buffer.byteLength(prefix) <= 253 && DNS1123_SUBDOMAIN.test(prefix)));
        expect(isValidQualifiedNameFormat(value)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('hold for port names of 1 to 15 characters with a letter and no edge or double dash', () => {
    fc.assert(
      fc.property(values, (value) => {
        const expected =
          value.length <= 15 &&
          /^[-a-z0-9]+$/.test(value) &&
          /[a-z]/.test(value) &&
          !value.includes('--') &&
          !value.startsWith('-') &&
          !value.endsWith('-');
        expect(isValidPortNameFormat(value)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('accept the names of a realistic pod', () => {
    expect(isValidDNS1123Subdomain('web-7d4b9c6f5-00001')).toBe(true);
    expect(isValidQualifiedNameFormat('kubernetes.io/psp')).toBe(true);
    expect(isValidQualifiedNameFormat('node.kubernetes.io/not-ready')).toBe(true);
    expect(isValidPortNameFormat('http')).toBe(true);
  });

  it('reject a qualified name with two slashes or an empty part', () => {
    expect(isValidQualifiedNameFormat('a/b/c')).toBe(false);
    expect(isValidQualifiedNameFormat('/b')).toBe(false);
    expect(isValidQualifiedNameFormat('a/')).toBe(false);
  });
});
