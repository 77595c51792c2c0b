import { describe, expect, it } from '@jest/globals';
import {
  duplicateKind,
  duplicateResource,
  isRegistryError,
  malformedApiVersion,
  shortNameTaken,
  unknownResourceType,
} from '../../../src/api/registry/registry-error.js';

describe('registry errors', () => {
  it('name what failed in their messages', () => {
    expect(
      duplicateResource({ group: 'apps', version: 'v1', resource: 'deployments' }).message,
    ).toBe('resource deployments in apps/v1 is already registered');
    expect(duplicateResource({ group: '', version: 'v1', resource: 'pods' }).message).toBe(
      'resource pods in v1 is already registered',
    );
    expect(
      duplicateKind({
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        registeredResource: 'deployments',
      }).message,
    ).toBe('kind Deployment in apps/v1 is already served by resource deployments');
    expect(shortNameTaken('po', 'pods').message).toBe('short name "po" is already used by pods');
    expect(unknownResourceType('foo').message).toBe(
      `the server doesn't have a resource type "foo"`,
    );
  });

  it('are recognised by isRegistryError, and nothing else is', () => {
    expect(isRegistryError(malformedApiVersion('a/b/c'))).toBe(true);
    expect(isRegistryError(shortNameTaken('po', 'pods'))).toBe(true);
    expect(isRegistryError(unknownResourceType('foo'))).toBe(true);
    expect(isRegistryError({ _tag: 'SelectorSyntaxError' })).toBe(false);
    expect(isRegistryError(null)).toBe(false);
    expect(isRegistryError('DuplicateKind')).toBe(false);
  });
});
