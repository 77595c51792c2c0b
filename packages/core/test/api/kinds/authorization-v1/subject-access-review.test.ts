import { describe, expect, it } from '@jest/globals';
import { SubjectAccessReview } from '../../../../src/api/kinds/authorization-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A webhook's question and the apiserver's answer, as the response body prints it. */
const REVIEW = {
  kind: 'SubjectAccessReview',
  apiVersion: 'authorization.k8s.io/v1',
  metadata: { creationTimestamp: null },
  spec: {
    resourceAttributes: {
      namespace: 'default',
      verb: 'get',
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
      subresource: 'scale',
      name: 'web',
    },
    user: 'jane',
    groups: ['developers', 'system:authenticated'],
    extra: { 'authentication.kubernetes.io/credential-id': ['X509SHA256=5f2a'] },
    uid: '8f1e2d3c-4b5a-4697-8877-665544332211',
  },
  status: {
    allowed: true,
    reason: 'RBAC: allowed by RoleBinding "dev/default" of Role "deployer" to Group "developers"',
  },
};

describe('SubjectAccessReview', () => {
  it('decodes a resource review and a non-resource review, strictly', () => {
    expectDecodesAsIs(SubjectAccessReview, REVIEW);
    expectDecodesAsIs(SubjectAccessReview, {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { nonResourceAttributes: { path: '/healthz', verb: 'get' }, user: 'probe' },
      status: { allowed: false, denied: true, evaluationError: 'webhook timed out' },
    });
  });

  it('reports an unknown resource attribute when strict', () => {
    const input = { ...REVIEW, spec: { resourceAttributes: { verb: 'list', resources: 'pods' } } };
    expect(strictErrors(SubjectAccessReview, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'spec.resourceAttributes.resources' },
    ]);
  });

  it('requires the spec and status.allowed, and reports extra values that are not string lists', () => {
    expect(strictErrors(SubjectAccessReview, { status: {} })).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'spec' },
      { reason: 'FieldValueRequired', field: 'status.allowed' },
    ]);
    expect(
      strictErrors(SubjectAccessReview, { spec: { extra: { scopes: 'read' } } }),
    ).toStrictEqual([{ reason: 'FieldValueTypeInvalid', field: 'spec.extra[scopes]' }]);
  });

  it('has a schema with extra as a map of string lists and a required allowed', () => {
    expect(schemaAt(SubjectAccessReview, 'spec.extra')).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
    });
    expect(schemaAt(SubjectAccessReview, '').required).toStrictEqual(['spec']);
    expect(schemaAt(SubjectAccessReview, 'status').required).toStrictEqual(['allowed']);
    expect(schemaAt(SubjectAccessReview, 'spec.resourceAttributes.subresource').type).toBe(
      'string',
    );
    expect(schemaAt(SubjectAccessReview, 'spec.groups')['x-kubernetes-list-type']).toBe('atomic');
  });
});
