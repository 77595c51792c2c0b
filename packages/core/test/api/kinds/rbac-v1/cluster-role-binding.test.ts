import { describe, expect, it } from '@jest/globals';
import {
  ClusterRoleBinding,
  ClusterRoleBindingList,
} from '../../../../src/api/kinds/rbac-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** The built-in `cluster-admin` binding to `system:masters`. */
const CLUSTER_ADMIN = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRoleBinding',
  metadata: {
    name: 'cluster-admin',
    uid: '9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b',
    resourceVersion: '150',
    creationTimestamp: '2024-05-01T12:00:00Z',
    labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
    annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
  subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' }],
};

describe('ClusterRoleBinding', () => {
  it('decodes a cluster role binding and a list of them to equal values, strictly', () => {
    expectDecodesAsIs(ClusterRoleBinding, CLUSTER_ADMIN);
    expectDecodesAsIs(ClusterRoleBindingList, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBindingList',
      metadata: { resourceVersion: '200' },
      items: [CLUSTER_ADMIN, { metadata: { name: 'nobody' }, roleRef: CLUSTER_ADMIN.roleRef }],
    });
  });

  it('requires the role reference', () => {
    expect(
      strictErrors(ClusterRoleBinding, { kind: 'ClusterRoleBinding', subjects: [] }),
    ).toStrictEqual([{ reason: 'FieldValueRequired', field: 'roleRef' }]);
  });

  it('reports a wrongly typed subject namespace, an unknown subject field and a wrong kind', () => {
    expect(
      strictErrors(ClusterRoleBinding, {
        ...CLUSTER_ADMIN,
        kind: 'RoleBinding',
        subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: ['ci'], uid: 'x' }],
      }),
    ).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'subjects[0].uid' },
      { reason: 'FieldValueNotSupported', field: 'kind' },
      { reason: 'FieldValueTypeInvalid', field: 'subjects[0].namespace' },
    ]);
  });

  it('has a schema whose subjects require kind and name', () => {
    expect(schemaAt(ClusterRoleBinding, '').required).toStrictEqual(['roleRef']);
    expect(schemaAt(ClusterRoleBinding, 'subjects[*]')).toMatchObject({
      type: 'object',
      required: ['kind', 'name'],
      'x-kubernetes-map-type': 'atomic',
    });
    expect(schemaAt(ClusterRoleBinding, 'roleRef').description).toMatch(
      /only reference a ClusterRole/,
    );
  });
});
