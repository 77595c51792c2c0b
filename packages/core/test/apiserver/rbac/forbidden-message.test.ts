import { describe, expect, it } from '@jest/globals';
import { forbidden } from '../../../src/api/status/index.js';
import {
  forbiddenMessage,
  forbiddenRequestOf,
  type AuthorizationAttributes,
} from '../../../src/apiserver/rbac/index.js';
import { pathRequest, resourceRequest, user } from './rbac-fixtures.js';

const alice = user('alice', ['system:authenticated']);

const CASES: readonly { readonly attributes: AuthorizationAttributes; readonly message: string }[] =
  [
    {
      attributes: resourceRequest(alice, 'list', {
        apiGroup: '',
        resource: 'pods',
        namespace: 'default',
      }),
      message:
        'User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
    },
    {
      attributes: resourceRequest(alice, 'get', {
        resource: 'pods',
        subresource: 'log',
        namespace: 'default',
        name: 'web-0',
      }),
      message:
        'User "alice" cannot get resource "pods/log" in API group "" in the namespace "default"',
    },
    {
      attributes: resourceRequest(alice, 'create', { resource: 'namespaces' }),
      message:
        'User "alice" cannot create resource "namespaces" in API group "" at the cluster scope',
    },
    {
      attributes: resourceRequest(alice, 'update', {
        apiGroup: 'apps',
        resource: 'deployments',
        subresource: 'scale',
        namespace: 'prod',
        name: 'web',
      }),
      message:
        'User "alice" cannot update resource "deployments/scale" in API group "apps" in the namespace "prod"',
    },
    {
      attributes: pathRequest(user('bob'), 'get', '/healthz'),
      message: 'User "bob" cannot get path "/healthz"',
    },
    {
      attributes: resourceRequest(user('system:anonymous', ['system:unauthenticated']), 'list', {
        resource: 'nodes',
      }),
      message:
        'User "system:anonymous" cannot list resource "nodes" in API group "" at the cluster scope',
    },
  ];

describe('forbiddenMessage', () => {
  it.each(CASES)('words the denial as upstream: $message', ({ attributes, message }) => {
    expect(forbiddenMessage(attributes)).toBe(message);
  });

  it.each(CASES)('agrees with the forbidden status helper: $message', ({ attributes, message }) => {
    const status = forbidden(forbiddenRequestOf(attributes));
    expect(status.message).toMatch(new RegExp(`(^| )forbidden: ${escapeRegExp(message)}$`));
    expect(status.code).toBe(403);
  });

  it('gives the status upstream sends, with the resource, name and reason', () => {
    const attributes = resourceRequest(alice, 'get', {
      apiGroup: 'apps',
      resource: 'deployments',
      subresource: 'scale',
      namespace: 'prod',
      name: 'web',
    });
    const status = forbidden(
      forbiddenRequestOf(attributes, 'RBAC: role.rbac.authorization.k8s.io "x" not found'),
    );
    expect(status.message).toBe(
      'deployments.apps "web" is forbidden: User "alice" cannot get resource "deployments/scale" in API group "apps" in the namespace "prod": RBAC: role.rbac.authorization.k8s.io "x" not found',
    );
    expect(status.details).toMatchObject({ name: 'web', group: 'apps', kind: 'deployments' });
    expect(forbidden(forbiddenRequestOf(pathRequest(alice, 'get', '/metrics'))).message).toBe(
      'forbidden: User "alice" cannot get path "/metrics"',
    );
    expect(forbidden(forbiddenRequestOf(CASES[0]?.attributes ?? attributes)).message).toBe(
      'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
