import { describe, expect, it } from '@jest/globals';
import type { ClusterRole } from '../../../src/api/kinds/rbac-v1/index.js';
import { aggregateClusterRoleRules, policyRulesEqual } from '../../../src/apiserver/rbac/index.js';
import { clusterRole } from './rbac-fixtures.js';

const READ_PODS = { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] };
const READ_DEPLOYMENTS = { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] };
const EDIT_PODS = { apiGroups: [''], resources: ['pods'], verbs: ['create', 'update'] };

const TO_VIEW = { 'rbac.example.com/aggregate-to-view': 'true' };
const TO_EDIT = { 'rbac.example.com/aggregate-to-edit': 'true' };

const view: ClusterRole = {
  ...clusterRole('view', [{ apiGroups: ['stale'], resources: ['x'], verbs: ['get'] }]),
  aggregationRule: { clusterRoleSelectors: [{ matchLabels: TO_VIEW }] },
};

describe('aggregateClusterRoleRules', () => {
  it('unions the rules of the matching roles in name order, each rule once, leaving others out', () => {
    const all = [
      view,
      clusterRole('z-deployments', [READ_DEPLOYMENTS, READ_PODS], TO_VIEW),
      clusterRole('a-pods', [READ_PODS], TO_VIEW),
      clusterRole('editor-bits', [EDIT_PODS], TO_EDIT),
      clusterRole('unlabelled', [EDIT_PODS]),
    ];
    expect(aggregateClusterRoleRules(view, all)).toStrictEqual([READ_PODS, READ_DEPLOYMENTS]);
  });

  it('matches any of several selectors, including expressions', () => {
    const edit: ClusterRole = {
      ...clusterRole('edit', []),
      aggregationRule: {
        clusterRoleSelectors: [
          { matchLabels: TO_EDIT },
          { matchExpressions: [{ key: 'rbac.example.com/aggregate-to-view', operator: 'Exists' }] },
        ],
      },
    };
    const all = [
      clusterRole('b', [EDIT_PODS], TO_EDIT),
      clusterRole('a', [READ_PODS], TO_VIEW),
      clusterRole('c', [READ_DEPLOYMENTS], { other: 'x' }),
    ];
    expect(aggregateClusterRoleRules(edit, all)).toStrictEqual([READ_PODS, EDIT_PODS]);
  });

  it('never aggregates the target into itself, even when its labels match', () => {
    const selfish: ClusterRole = {
      ...clusterRole('selfish', [READ_PODS], TO_VIEW),
      aggregationRule: { clusterRoleSelectors: [{}] },
    };
    expect(
      aggregateClusterRoleRules(selfish, [selfish, clusterRole('other', [EDIT_PODS])]),
    ).toStrictEqual([EDIT_PODS]);
  });

  it('gives no rules for no selectors, and the own rules without an aggregation rule', () => {
    const none: ClusterRole = { ...clusterRole('none', [READ_PODS]), aggregationRule: {} };
    const all = [clusterRole('a', [EDIT_PODS], TO_VIEW)];
    expect(aggregateClusterRoleRules(none, all)).toStrictEqual([]);
    expect(aggregateClusterRoleRules(clusterRole('plain', [READ_PODS]), all)).toStrictEqual([
      READ_PODS,
    ]);
  });

  it('selects nothing with an invalid selector', () => {
    const invalid: ClusterRole = {
      ...clusterRole('invalid', []),
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'bad key!': 'true' } }] },
    };
    expect(
      aggregateClusterRoleRules(invalid, [clusterRole('a', [READ_PODS], { 'bad key!': 'true' })]),
    ).toStrictEqual([]);
  });

  it('does not modify its inputs', () => {
    const all = [view, clusterRole('a-pods', [READ_PODS], TO_VIEW)];
    const before = structuredClone(all);
    aggregateClusterRoleRules(view, all);
    expect(all).toStrictEqual(before);
  });
});

describe('policyRulesEqual', () => {
  it('treats an absent list as an empty one and order as significant', () => {
    expect(policyRulesEqual({ verbs: ['get'], resourceNames: [] }, { verbs: ['get'] })).toBe(true);
    expect(policyRulesEqual({ verbs: ['get', 'list'] }, { verbs: ['list', 'get'] })).toBe(false);
    expect(policyRulesEqual(READ_PODS, { ...READ_PODS, apiGroups: ['apps'] })).toBe(false);
  });
});
