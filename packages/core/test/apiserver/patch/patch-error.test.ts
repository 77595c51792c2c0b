import { describe, expect, it } from '@jest/globals';
import {
  applyJsonPatch,
  patchErrorToStatus,
  patchTypeFromContentType,
} from '../../../src/apiserver/patch/index.js';
import { expectLeft } from '../../support/either.js';

describe('patchErrorToStatus', () => {
  it('answers a malformed patch with 400 BadRequest and its message', () => {
    const error = expectLeft(applyJsonPatch({}, { op: 'add' }));
    expect(patchErrorToStatus(error)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it('answers a failed operation with 422 Invalid and the generic message, as upstream', () => {
    const error = expectLeft(
      applyJsonPatch({ spec: { replicas: 1 } }, [{ op: 'test', path: '/spec/replicas', value: 2 }]),
    );
    expect(patchErrorToStatus(error)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      code: 422,
      details: {},
    });
  });

  it('answers an unknown content type with 415 UnsupportedMediaType', () => {
    const status = patchErrorToStatus(expectLeft(patchTypeFromContentType('application/json')));
    expect(status.code).toBe(415);
    expect(status.reason).toBe('UnsupportedMediaType');
    expect(status.message).toMatch(
      /^the body of the request was in an unknown format - accepted media types include: /,
    );
  });
});
