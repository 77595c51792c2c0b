import { describe, expect, it } from '@jest/globals';
import { SelfSubjectAccessReview } from '../../../../src/api/kinds/authorization-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** What `kubectl auth can-i create pods -n default` posts, with the answer. */
const CAN_I = {
  kind: 'SelfSubjectAccessReview',
  apiVersion: 'authorization.k8s.io/v1',
  metadata: { creationTimestamp: null },
  spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } },
  status: { allowed: false, reason: 'no RBAC policy matched' },
};

describe('SelfSubjectAccessReview', () => {
  it('decodes a can-i review to an equal value, strictly', () => {
    expectDecodesAsIs(SelfSubjectAccessReview, CAN_I);
  });

  it('reports a user in the spec as unknown when strict: the subject is the requester', () => {
    const input = { ...CAN_I, spec: { ...CAN_I.spec, user: 'admin' } };
    expect(strictErrors(SelfSubjectAccessReview, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'spec.user' },
    ]);
  });

  it('reports a wrongly typed verb and allowed with their paths', () => {
    const input = {
      spec: { nonResourceAttributes: { verb: ['get'] } },
      status: { allowed: 'yes' },
    };
    expect(strictErrors(SelfSubjectAccessReview, input)).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'spec.nonResourceAttributes.verb' },
      { reason: 'FieldValueTypeInvalid', field: 'status.allowed' },
    ]);
  });

  it('has a schema with only the request attributes in its spec', () => {
    expect(Object.keys(schemaAt(SelfSubjectAccessReview, 'spec').properties ?? {})).toStrictEqual([
      'resourceAttributes',
      'nonResourceAttributes',
    ]);
    expect(schemaAt(SelfSubjectAccessReview, 'status.denied').type).toBe('boolean');
    expect(schemaAt(SelfSubjectAccessReview, 'kind').enum).toStrictEqual([
      'SelfSubjectAccessReview',
    ]);
  });
});
