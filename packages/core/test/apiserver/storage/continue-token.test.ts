import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  decodeContinueToken,
  encodeContinueToken,
} from '../../../src/apiserver/storage/continue-token.js';
import { expectLeft, expectRight } from '../../support/either.js';

const encodeRaw = (value: unknown): string =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('continue tokens', () => {
  it('decode to the position they encode', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.string({ minLength: 1 }),
        (revision, startKey) => {
          expect(
            expectRight(decodeContinueToken(encodeContinueToken({ revision, startKey }))),
          ).toEqual({ revision, startKey });
        },
      ),
    );
  });

  it("are the base64 of upstream's JSON shape", () => {
    const token = encodeContinueToken({
      revision: 5,
      startKey: '/registry/core/pods/default/a\u0000',
    });
    expect(JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))).toEqual({
      v: 'meta.k8s.io/v1',
      rv: 5,
      start: '/registry/core/pods/default/a\u0000',
    });
  });

  it('refuse text that is not JSON', () => {
    expect(expectLeft(decodeContinueToken('not-a-token'))).toMatch(/^continue key is not valid: /);
  });

  it('refuse another version, a bad revision and an empty start key', () => {
    const versionMessage =
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)';
    expect(expectLeft(decodeContinueToken(encodeRaw({ v: 'other', rv: 1, start: 'k' })))).toBe(
      versionMessage,
    );
    for (const rv of [0, -1, 1.5, '3', null]) {
      expect(
        expectLeft(decodeContinueToken(encodeRaw({ v: 'meta.k8s.io/v1', rv, start: 'k' }))),
      ).toBe(versionMessage);
    }
    expect(
      expectLeft(decodeContinueToken(encodeRaw({ v: 'meta.k8s.io/v1', rv: 1, start: '' }))),
    ).toBe('continue key is not valid: encoded start key is empty');
    expect(expectLeft(decodeContinueToken(encodeRaw([1, 2])))).toBe(versionMessage);
  });
});
