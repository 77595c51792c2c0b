import { describe, expect, it } from '@jest/globals';
import { Role, RoleList } from '../../../../src/api/kinds/rbac-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A namespaced pod reader, as `kubectl get role pod-reader -o json` prints it. */
const ROLE = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: {
    name: 'pod-reader',
    namespace: 'default',
    uid: '5d2a7c1e-0f3b-4a8e-9c6d-2b1e0a9f8c7d',
    resourceVersion: '2201',
    creationTimestamp: '2024-05-01T12:00:00Z',
  },
  rules: [
    { apiGroups: [''], resources: ['pods'], verbs: ['get', 'watch', 'list'] },
    { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  ],
};

describe('Role', () => {
  it('decodes a role and a list of them to equal values, strictly', () => {
    expectDecodesAsIs(Role, ROLE);
    expectDecodesAsIs(RoleList, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleList',
      metadata: { resourceVersion: '2300' },
      items: [ROLE, { metadata: { name: 'empty', namespace: 'default' } }],
    });
  });

  it('accepts rules written as null, as Go writes a role without rules', () => {
    expectDecodesAsIs(Role, { ...ROLE, rules: null });
  });

  it('reports a rule without verbs at its path, and a wrong apiVersion', () => {
    expect(
      strictErrors(Role, {
        ...ROLE,
        apiVersion: 'rbac.authorization.k8s.io/v1beta1',
        rules: [{ resources: ['pods'] }],
      }),
    ).toStrictEqual([
      { reason: 'FieldValueNotSupported', field: 'apiVersion' },
      { reason: 'FieldValueRequired', field: 'rules[0].verbs' },
    ]);
  });

  it('has a schema with rules as an atomic list of policy rules', () => {
    expect(schemaAt(Role, 'apiVersion').enum).toStrictEqual(['rbac.authorization.k8s.io/v1']);
    expect(schemaAt(Role, 'kind').enum).toStrictEqual(['Role']);
    expect(schemaAt(Role, 'rules')).toMatchObject({ type: 'array', nullable: true });
    expect(schemaAt(Role, 'rules[*]').required).toStrictEqual(['verbs']);
    expect(schemaAt(RoleList, 'items[*].rules[*].verbs[*]')).toStrictEqual({ type: 'string' });
  });
});
