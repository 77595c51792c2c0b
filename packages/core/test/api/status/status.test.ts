import { describe, expect, it } from '@jest/globals';
import { decodeObject, toOpenAPISchema } from '../../../src/api/codec/index.js';
import {
  conflict,
  expired,
  invalid,
  isAlreadyExists,
  isBadRequest,
  isConflict,
  isExpired,
  isForbidden,
  isGone,
  isInternalError,
  isInvalid,
  isMethodNotSupported,
  isNotFound,
  isRequestEntityTooLarge,
  isServiceUnavailable,
  isTimeout,
  isTooManyRequests,
  isUnauthorized,
  isUnsupportedMediaType,
  notFound,
  Status,
  type StatusLike,
  type StatusPredicate,
} from '../../../src/api/status/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

/** A 422 as the apiserver writes it for `kubectl create` of a pod with a nameless container. */
const INVALID_POD_JSON =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Pod \\"web\\" is invalid: spec.containers[0].name: Required value","reason":"Invalid","details":{"name":"web","kind":"Pod","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.containers[0].name"}]},"code":422}';

/** A 404 as the apiserver writes it for `kubectl get pod x`. */
const NOT_FOUND_JSON =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"x\\" not found","reason":"NotFound","details":{"name":"x","kind":"pods"},"code":404}';

/** A 410 from a watch with a compacted resourceVersion. */
const EXPIRED_JSON =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 5 (10)","reason":"Expired","code":410}';

describe('Status codec', () => {
  it('decodes real apiserver errors, strictly, to the values the constructors build', () => {
    const decode = (json: string): Status =>
      expectRight(decodeObject(Status, JSON.parse(json), { strictFields: true }));
    expect(decode(INVALID_POD_JSON)).toStrictEqual(
      invalid({
        kind: 'Pod',
        name: 'web',
        errors: [
          {
            reason: 'FieldValueRequired',
            field: 'spec.containers[0].name',
            message: 'Required value',
          },
        ],
      }),
    );
    expect(decode(NOT_FOUND_JSON)).toStrictEqual(notFound({ resource: 'pods', name: 'x' }));
    expect(decode(EXPIRED_JSON)).toStrictEqual(expired({ requested: 5, oldest: 10 }));
  });

  it('writes the constructors values as the apiserver does, field for field', () => {
    expect(
      JSON.parse(JSON.stringify(Status.encode(notFound({ resource: 'pods', name: 'x' })))),
    ).toStrictEqual(JSON.parse(NOT_FOUND_JSON));
  });

  it('decodes a success status and an empty one', () => {
    const success = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 'x', kind: 'pods', uid: 'u' },
    };
    expect(expectRight(decodeObject(Status, success))).toStrictEqual(success);
    expect(expectRight(decodeObject(Status, {}))).toStrictEqual({});
  });

  it('reports wrong fields with their paths', () => {
    const input = {
      kind: 'Pod',
      status: 'Failed',
      reason: 'Nope',
      code: '404',
      details: { causes: [{ field: 1 }], retryAfterSeconds: 1.5 },
    };
    expect(expectLeft(decodeObject(Status, input)).map((e) => [e.reason, e.field])).toStrictEqual([
      ['FieldValueNotSupported', 'kind'],
      ['FieldValueNotSupported', 'status'],
      ['FieldValueNotSupported', 'reason'],
      ['FieldValueTypeInvalid', 'details.causes[0].field'],
      ['FieldValueTypeInvalid', 'details.retryAfterSeconds'],
      ['FieldValueTypeInvalid', 'code'],
    ]);
  });

  it('has a described OpenAPI schema with the reasons as an enum', () => {
    const schema = toOpenAPISchema(Status);
    expect(schema.properties?.['code']).toMatchObject({ type: 'integer', format: 'int32' });
    expect(schema.properties?.['reason']?.enum).toContain('NotFound');
    expect(schema.properties?.['details']?.properties?.['causes']).toMatchObject({ type: 'array' });
    expect(schema.description).toBe(
      "Status is a return value for calls that don't return other objects.",
    );
  });
});

describe('Status predicates', () => {
  const predicates: readonly (readonly [string, StatusPredicate, StatusLike])[] = [
    ['isNotFound', isNotFound, { reason: 'NotFound', code: 404 }],
    ['isAlreadyExists', isAlreadyExists, { reason: 'AlreadyExists', code: 409 }],
    ['isConflict', isConflict, { reason: 'Conflict', code: 409 }],
    ['isInvalid', isInvalid, { reason: 'Invalid', code: 422 }],
    ['isGone', isGone, { reason: 'Gone', code: 410 }],
    ['isExpired', isExpired, { reason: 'Expired', code: 410 }],
    ['isForbidden', isForbidden, { reason: 'Forbidden', code: 403 }],
    ['isUnauthorized', isUnauthorized, { reason: 'Unauthorized', code: 401 }],
    ['isBadRequest', isBadRequest, { reason: 'BadRequest', code: 400 }],
    ['isMethodNotSupported', isMethodNotSupported, { reason: 'MethodNotAllowed', code: 405 }],
    [
      'isUnsupportedMediaType',
      isUnsupportedMediaType,
      { reason: 'UnsupportedMediaType', code: 415 },
    ],
    [
      'isRequestEntityTooLarge',
      isRequestEntityTooLarge,
      { reason: 'RequestEntityTooLarge', code: 413 },
    ],
    ['isTooManyRequests', isTooManyRequests, { reason: 'TooManyRequests', code: 429 }],
    ['isInternalError', isInternalError, { reason: 'InternalError', code: 500 }],
    ['isServiceUnavailable', isServiceUnavailable, { reason: 'ServiceUnavailable', code: 503 }],
    ['isTimeout', isTimeout, { reason: 'Timeout', code: 504 }],
  ];

  it.each(predicates)('%s holds for its own reason and no other', (_name, predicate, own) => {
    for (const [, , other] of predicates) {
      expect([other.reason, predicate(other)]).toStrictEqual([other.reason, other === own]);
    }
  });

  it('falls back on the code when a status gives no reason, as upstream', () => {
    expect(isNotFound({ code: 404 })).toBe(true);
    expect(isConflict({ reason: '', code: 409 })).toBe(true);
    expect(isAlreadyExists({ code: 409 })).toBe(false);
    expect(isExpired({ code: 410 })).toBe(false);
    expect(isGone({ code: 410 })).toBe(true);
  });

  it('does not read a known reason by its code, except for 413 and 429', () => {
    expect(isConflict({ reason: 'AlreadyExists', code: 409 })).toBe(false);
    expect(isTooManyRequests({ reason: 'ServiceUnavailable', code: 429 })).toBe(true);
    expect(isRequestEntityTooLarge({ reason: 'BadRequest', code: 413 })).toBe(true);
  });

  it('reads the statuses the constructors build', () => {
    expect(isConflict(conflict({ resource: 'pods', name: 'x' }))).toBe(true);
    expect(isNotFound(notFound({ resource: 'pods', name: 'x' }))).toBe(true);
    expect(isExpired(expired({ requested: 1, oldest: 2 }))).toBe(true);
  });
});
