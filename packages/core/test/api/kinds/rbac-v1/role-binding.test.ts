import { describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../../../src/api/codec/index.js';
import { RoleBinding, RoleBindingList } from '../../../../src/api/kinds/rbac-v1/index.js';
import { expectLeft } from '../../../support/either.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A binding of the pod reader to a user, a group and a service account. */
const ROLE_BINDING = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: {
    name: 'read-pods',
    namespace: 'default',
    uid: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    resourceVersion: '2210',
    creationTimestamp: '2024-05-01T12:00:00Z',
  },
  subjects: [
    { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane' },
    { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'developers' },
    { kind: 'ServiceAccount', name: 'builder', namespace: 'ci' },
  ],
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
};

describe('RoleBinding', () => {
  it('decodes a role binding and a list of them to equal values, strictly', () => {
    expectDecodesAsIs(RoleBinding, ROLE_BINDING);
    expectDecodesAsIs(RoleBindingList, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBindingList',
      metadata: { resourceVersion: '2300' },
      items: [ROLE_BINDING],
    });
  });

  it('accepts a subject of a kind RBAC does not know, as upstream', () => {
    expectDecodesAsIs(RoleBinding, {
      ...ROLE_BINDING,
      subjects: [{ kind: 'Robot', name: 'r2d2' }],
    });
  });

  it('requires the role reference', () => {
    const { roleRef: _roleRef, ...withoutRoleRef } = ROLE_BINDING;
    expect(strictErrors(RoleBinding, withoutRoleRef)).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'roleRef' },
    ]);
  });

  it('requires every field of the role reference, and the kind and name of a subject', () => {
    expect(
      strictErrors(RoleBinding, {
        ...ROLE_BINDING,
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io' }],
        roleRef: { name: 'pod-reader' },
      }),
    ).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'subjects[0].kind' },
      { reason: 'FieldValueRequired', field: 'subjects[0].name' },
      { reason: 'FieldValueRequired', field: 'roleRef.apiGroup' },
      { reason: 'FieldValueRequired', field: 'roleRef.kind' },
    ]);
  });

  it('reports wrongly typed subjects and role names with their messages', () => {
    expect(
      expectLeft(
        decodeObject(RoleBinding, {
          ...ROLE_BINDING,
          subjects: { kind: 'User', name: 'jane' },
          roleRef: { ...ROLE_BINDING.roleRef, name: 42 },
        }),
      ),
    ).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'subjects',
        message: 'Invalid value: "object": must be of type array',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'roleRef.name',
        message: 'Invalid value: "integer": must be of type string',
      },
    ]);
  });

  it('has a schema that requires roleRef, with atomic subjects', () => {
    expect(schemaAt(RoleBinding, '').required).toStrictEqual(['roleRef']);
    expect(schemaAt(RoleBinding, 'roleRef')).toMatchObject({
      type: 'object',
      required: ['apiGroup', 'kind', 'name'],
      'x-kubernetes-map-type': 'atomic',
    });
    expect(schemaAt(RoleBinding, 'subjects')['x-kubernetes-list-type']).toBe('atomic');
  });
});
