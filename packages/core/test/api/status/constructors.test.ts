import { describe, expect, it } from '@jest/globals';
import type { FieldError } from '../../../src/api/codec/index.js';
import {
  alreadyExists,
  badRequest,
  conflict,
  expired,
  forbidden,
  gone,
  internalError,
  invalid,
  methodNotSupported,
  notFound,
  requestEntityTooLarge,
  serviceUnavailable,
  type Status,
  statusFromFieldErrors,
  timeout,
  tooManyRequests,
  unauthorized,
  unsupportedMediaType,
} from '../../../src/api/status/index.js';

const ENVELOPE = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure' } as const;

const REQUIRED_NAME: FieldError = {
  reason: 'FieldValueRequired',
  field: 'spec.containers[0].name',
  message: 'Required value',
};
const BAD_POLICY: FieldError = {
  reason: 'FieldValueNotSupported',
  field: 'spec.restartPolicy',
  message: 'Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
};

describe('Status constructors give upstream messages, reasons and codes', () => {
  const table: readonly (readonly [string, Status, string, Status['reason'], number])[] = [
    ['notFound', notFound({ resource: 'pods', name: 'x' }), 'pods "x" not found', 'NotFound', 404],
    [
      'notFound in a group',
      notFound({ group: 'apps', resource: 'deployments', name: 'x' }),
      'deployments.apps "x" not found',
      'NotFound',
      404,
    ],
    [
      'alreadyExists',
      alreadyExists({ resource: 'pods', name: 'x' }),
      'pods "x" already exists',
      'AlreadyExists',
      409,
    ],
    [
      'conflict on a resourceVersion',
      conflict({ resource: 'pods', name: 'x' }),
      'Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again',
      'Conflict',
      409,
    ],
    [
      'conflict with a detail',
      conflict({
        group: 'apps',
        resource: 'deployments',
        name: 'x',
        detail: 'StorageError: invalid object',
      }),
      'Operation cannot be fulfilled on deployments.apps "x": StorageError: invalid object',
      'Conflict',
      409,
    ],
    [
      'invalid with one error',
      invalid({ kind: 'Pod', name: 'x', errors: [REQUIRED_NAME] }),
      'Pod "x" is invalid: spec.containers[0].name: Required value',
      'Invalid',
      422,
    ],
    [
      'invalid with several errors',
      invalid({ kind: 'Pod', name: 'x', errors: [REQUIRED_NAME, BAD_POLICY] }),
      'Pod "x" is invalid: [spec.containers[0].name: Required value, spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"]',
      'Invalid',
      422,
    ],
    [
      'invalid with a repeated error, which the aggregate drops',
      invalid({
        group: 'apps',
        kind: 'Deployment',
        name: 'x',
        errors: [REQUIRED_NAME, REQUIRED_NAME],
      }),
      'Deployment.apps "x" is invalid: spec.containers[0].name: Required value',
      'Invalid',
      422,
    ],
    [
      'invalid with no errors',
      invalid({ kind: 'Pod', name: 'x', errors: [] }),
      'Pod "x" is invalid',
      'Invalid',
      422,
    ],
    [
      'forbidden in a namespace',
      forbidden({ user: 'alice', verb: 'list', resource: 'pods', namespace: 'default' }),
      'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
      'Forbidden',
      403,
    ],
    [
      'forbidden at the cluster scope, in a group',
      forbidden({
        user: 'alice',
        verb: 'list',
        resource: 'clusterroles',
        group: 'rbac.authorization.k8s.io',
      }),
      'clusterroles.rbac.authorization.k8s.io is forbidden: User "alice" cannot list resource "clusterroles" in API group "rbac.authorization.k8s.io" at the cluster scope',
      'Forbidden',
      403,
    ],
    [
      'forbidden on a named object and a subresource',
      forbidden({
        user: 'system:serviceaccount:ci:builder',
        verb: 'get',
        resource: 'pods',
        subresource: 'log',
        namespace: 'ci',
        name: 'x',
      }),
      'pods "x" is forbidden: User "system:serviceaccount:ci:builder" cannot get resource "pods/log" in API group "" in the namespace "ci"',
      'Forbidden',
      403,
    ],
    [
      'forbidden with the authorizer reason',
      forbidden({
        user: 'alice',
        verb: 'delete',
        resource: 'nodes',
        name: 'n1',
        reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "viewer" not found',
      }),
      'nodes "n1" is forbidden: User "alice" cannot delete resource "nodes" in API group "" at the cluster scope: RBAC: clusterrole.rbac.authorization.k8s.io "viewer" not found',
      'Forbidden',
      403,
    ],
    [
      'forbidden on a path',
      forbidden({ user: 'alice', verb: 'get', path: '/metrics' }),
      'forbidden: User "alice" cannot get path "/metrics"',
      'Forbidden',
      403,
    ],
    ['unauthorized', unauthorized(), 'not authorized', 'Unauthorized', 401],
    [
      'unauthorized with a message',
      unauthorized({ message: 'Unauthorized' }),
      'Unauthorized',
      'Unauthorized',
      401,
    ],
    [
      'badRequest',
      badRequest({ message: 'the server rejected our request for an unknown reason' }),
      'the server rejected our request for an unknown reason',
      'BadRequest',
      400,
    ],
    [
      'expired: too old resource version',
      expired({ requested: 5, oldest: 10 }),
      'too old resource version: 5 (10)',
      'Expired',
      410,
    ],
    [
      'expired with a message',
      expired({ message: 'The provided continue parameter is too old' }),
      'The provided continue parameter is too old',
      'Expired',
      410,
    ],
    ['gone', gone({ message: 'gone' }), 'gone', 'Gone', 410],
    [
      'methodNotSupported',
      methodNotSupported({ resource: 'bindings', action: 'list' }),
      'list is not supported on resources of kind "bindings"',
      'MethodNotAllowed',
      405,
    ],
    [
      'unsupportedMediaType',
      unsupportedMediaType({ accepted: ['application/json', 'application/yaml'] }),
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml',
      'UnsupportedMediaType',
      415,
    ],
    [
      'requestEntityTooLarge',
      requestEntityTooLarge({ message: 'limit is 3145728' }),
      'Request entity too large: limit is 3145728',
      'RequestEntityTooLarge',
      413,
    ],
    [
      'tooManyRequests',
      tooManyRequests({ message: 'please try again later', retryAfterSeconds: 1 }),
      'please try again later',
      'TooManyRequests',
      429,
    ],
    [
      'internalError',
      internalError({ message: 'etcdserver: request timed out' }),
      'Internal error occurred: etcdserver: request timed out',
      'InternalError',
      500,
    ],
    [
      'serviceUnavailable',
      serviceUnavailable({ message: 'apiserver is shutting down' }),
      'apiserver is shutting down',
      'ServiceUnavailable',
      503,
    ],
    [
      'timeout',
      timeout({
        message: 'request did not complete within requested timeout - context deadline exceeded',
      }),
      'Timeout: request did not complete within requested timeout - context deadline exceeded',
      'Timeout',
      504,
    ],
  ];

  it.each(table)('%s', (_name, status, message, reason, code) => {
    expect(status).toMatchObject({ ...ENVELOPE, message, reason, code });
  });
});

describe('Status details', () => {
  it('names the resource, group and object, leaving empty fields out as Go omitempty does', () => {
    expect(notFound({ resource: 'pods', name: 'x' })).toStrictEqual({
      ...ENVELOPE,
      message: 'pods "x" not found',
      reason: 'NotFound',
      code: 404,
      details: { name: 'x', kind: 'pods' },
    });
    expect(notFound({ group: 'apps', resource: 'deployments', name: 'x' }).details).toStrictEqual({
      name: 'x',
      group: 'apps',
      kind: 'deployments',
    });
  });

  it('gives invalid causes with their field paths, in order', () => {
    const status = invalid({ kind: 'Pod', name: 'x', errors: [REQUIRED_NAME, BAD_POLICY] });
    expect(status.details).toStrictEqual({
      name: 'x',
      kind: 'Pod',
      causes: [
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.containers[0].name',
        },
        {
          reason: 'FieldValueNotSupported',
          message:
            'Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
          field: 'spec.restartPolicy',
        },
      ],
    });
  });

  it('leaves out the field of a cause about the whole object', () => {
    const status = invalid({
      kind: 'Pod',
      name: 'x',
      errors: [
        { reason: 'FieldValueInvalid', field: '', message: 'Invalid value: 1: must be an object' },
      ],
    });
    expect(status.details?.causes).toStrictEqual([
      { reason: 'FieldValueInvalid', message: 'Invalid value: 1: must be an object' },
    ]);
  });

  it('names the resource and group of a forbidden request, and nothing for a path', () => {
    expect(
      forbidden({
        user: 'a',
        verb: 'get',
        resource: 'deployments',
        group: 'apps',
        namespace: 'd',
        name: 'w',
      }).details,
    ).toStrictEqual({ name: 'w', group: 'apps', kind: 'deployments' });
    expect(forbidden({ user: 'a', verb: 'get', path: '/healthz' }).details).toStrictEqual({});
  });

  it('carries retryAfterSeconds for tooManyRequests and timeout', () => {
    expect(tooManyRequests({ message: 'm', retryAfterSeconds: 3 }).details).toStrictEqual({
      retryAfterSeconds: 3,
    });
    expect(timeout({ message: 'm', retryAfterSeconds: 2 }).details).toStrictEqual({
      retryAfterSeconds: 2,
    });
    expect(timeout({ message: 'm' }).details).toStrictEqual({});
  });

  it('gives an internal error its message as the one cause', () => {
    expect(internalError({ message: 'boom' }).details).toStrictEqual({
      causes: [{ message: 'boom' }],
    });
  });

  it('gives the errors with no object no details', () => {
    for (const status of [
      unauthorized(),
      badRequest({ message: 'm' }),
      expired({ requested: 1, oldest: 2 }),
      requestEntityTooLarge({ message: 'm' }),
      serviceUnavailable({ message: 'm' }),
    ]) {
      expect(status).not.toHaveProperty('details');
    }
  });
});

describe('statusFromFieldErrors', () => {
  const pod = { kind: 'Pod', version: 'v1', name: 'web' };

  it('is Invalid with the field errors as causes when no field is unknown', () => {
    expect(statusFromFieldErrors(pod, [REQUIRED_NAME])).toStrictEqual(
      invalid({ kind: 'Pod', name: 'web', errors: [REQUIRED_NAME] }),
    );
  });

  it('is a strict decoding BadRequest listing the unknown fields when some are', () => {
    const status = statusFromFieldErrors(pod, [
      { reason: 'FieldValueUnknown', field: 'spec.foo', message: 'unknown field "spec.foo"' },
      { reason: 'FieldValueUnknown', field: 'spec.bar', message: 'unknown field "spec.bar"' },
      REQUIRED_NAME,
    ]);
    expect(status).toStrictEqual({
      ...ENVELOPE,
      message:
        'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo", unknown field "spec.bar"',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it('qualifies the kind with its group in an Invalid message', () => {
    const status = statusFromFieldErrors({ ...pod, kind: 'Deployment', group: 'apps' }, [
      REQUIRED_NAME,
    ]);
    expect(status.message).toBe(
      'Deployment.apps "web" is invalid: spec.containers[0].name: Required value',
    );
    expect(status.details?.group).toBe('apps');
  });
});
