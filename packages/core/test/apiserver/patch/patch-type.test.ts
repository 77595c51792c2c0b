import { describe, expect, it } from '@jest/globals';
import { patchTypeFromContentType } from '../../../src/apiserver/patch/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

describe('patchTypeFromContentType', () => {
  it.each([
    ['application/json-patch+json', 'json'],
    ['application/merge-patch+json', 'merge'],
    ['application/strategic-merge-patch+json', 'strategic'],
    ['application/apply-patch+yaml', 'apply'],
    ['application/apply-patch+cbor', 'apply'],
    ['Application/Merge-Patch+JSON; charset=utf-8', 'merge'],
  ])('reads %s as a %s patch', (contentType, patchType) => {
    expect(expectRight(patchTypeFromContentType(contentType))).toBe(patchType);
  });

  it.each(['application/json', 'text/plain', ''])(
    'rejects %j with the apiserver 415 message',
    (contentType) => {
      const error = expectLeft(patchTypeFromContentType(contentType));
      expect(error._tag).toBe('UnsupportedPatchType');
      expect(error.message).toBe(
        'the body of the request was in an unknown format - accepted media types include: ' +
          'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, ' +
          'application/strategic-merge-patch+json',
      );
    },
  );
});
