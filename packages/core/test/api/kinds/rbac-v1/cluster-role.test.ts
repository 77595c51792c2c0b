import { describe, expect, it } from '@jest/globals';
import { ClusterRole, ClusterRoleList } from '../../../../src/api/kinds/rbac-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** The built-in `view` role: aggregated, as `kubectl get clusterrole view -o json` prints it. */
const VIEW = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: {
    name: 'view',
    uid: '8f0e9d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f',
    resourceVersion: '340',
    creationTimestamp: '2024-05-01T12:00:00Z',
    labels: {
      'kubernetes.io/bootstrapping': 'rbac-defaults',
      'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
    },
    annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  },
  aggregationRule: {
    clusterRoleSelectors: [
      { matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
      {
        matchExpressions: [
          { key: 'rbac.example.com/aggregate-to', operator: 'In', values: ['view', 'edit'] },
        ],
      },
    ],
  },
  rules: [
    {
      apiGroups: [''],
      resources: ['configmaps', 'pods', 'pods/log'],
      verbs: ['get', 'list', 'watch'],
    },
    { nonResourceURLs: ['/healthz', '/version'], verbs: ['get'] },
  ],
};

describe('ClusterRole', () => {
  it('decodes an aggregated cluster role and a list of them to equal values, strictly', () => {
    expectDecodesAsIs(ClusterRole, VIEW);
    expectDecodesAsIs(ClusterRoleList, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleList',
      metadata: { resourceVersion: '400' },
      items: [VIEW, { metadata: { name: 'empty' }, rules: null }],
    });
  });

  it('reports a selector operator that is not one of the four, and a label value that is not a string', () => {
    expect(
      strictErrors(ClusterRole, {
        ...VIEW,
        aggregationRule: {
          clusterRoleSelectors: [
            { matchLabels: { tier: 1 } },
            { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] },
          ],
        },
      }),
    ).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'aggregationRule.clusterRoleSelectors[0].matchLabels[tier]',
      },
      {
        reason: 'FieldValueNotSupported',
        field: 'aggregationRule.clusterRoleSelectors[1].matchExpressions[0].operator',
      },
    ]);
  });

  it('reports an unknown field of the aggregation rule when strict', () => {
    expect(
      strictErrors(ClusterRole, { kind: 'ClusterRole', aggregationRule: { selectors: [] } }),
    ).toStrictEqual([{ reason: 'FieldValueUnknown', field: 'aggregationRule.selectors' }]);
  });

  it('has a schema with label selectors under the aggregation rule', () => {
    expect(schemaAt(ClusterRole, 'kind').enum).toStrictEqual(['ClusterRole']);
    expect(schemaAt(ClusterRole, 'aggregationRule.clusterRoleSelectors')).toMatchObject({
      type: 'array',
      'x-kubernetes-list-type': 'atomic',
    });
    expect(
      schemaAt(ClusterRole, 'aggregationRule.clusterRoleSelectors[*].matchLabels[*]'),
    ).toStrictEqual({ type: 'string' });
    expect(schemaAt(ClusterRole, 'aggregationRule').description).toMatch(/^AggregationRule/);
  });
});
