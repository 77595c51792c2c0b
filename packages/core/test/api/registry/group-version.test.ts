import { describe, expect, it } from '@jest/globals';
import { apiVersionOf, parseApiVersion } from '../../../src/api/registry/group-version.js';
import { expectLeft, expectRight } from '../../support/either.js';

describe('apiVersionOf', () => {
  it('writes the core group as the version alone', () => {
    expect(apiVersionOf({ group: '', version: 'v1' })).toBe('v1');
  });

  it('writes other groups as group/version', () => {
    expect(apiVersionOf({ group: 'apps', version: 'v1' })).toBe('apps/v1');
    expect(apiVersionOf({ group: 'rbac.authorization.k8s.io', version: 'v1' })).toBe(
      'rbac.authorization.k8s.io/v1',
    );
  });
});

describe('parseApiVersion', () => {
  it.each([
    ['v1', { group: '', version: 'v1' }],
    ['apps/v1', { group: 'apps', version: 'v1' }],
    ['discovery.k8s.io/v1', { group: 'discovery.k8s.io', version: 'v1' }],
  ])('parses %p', (input, expected) => {
    expect(expectRight(parseApiVersion(input))).toEqual(expected);
  });

  it.each(['', 'a/b/c', 'apps/', '/v1', '/'])('rejects %p as malformed', (input) => {
    expect(expectLeft(parseApiVersion(input))).toEqual({
      _tag: 'MalformedApiVersion',
      apiVersion: input,
      message: `unexpected GroupVersion string: ${JSON.stringify(input)}`,
    });
  });

  it('reads back what apiVersionOf writes', () => {
    for (const groupVersion of [
      { group: '', version: 'v1' },
      { group: 'apps', version: 'v1beta2' },
    ]) {
      expect(expectRight(parseApiVersion(apiVersionOf(groupVersion)))).toEqual(groupVersion);
    }
  });
});
