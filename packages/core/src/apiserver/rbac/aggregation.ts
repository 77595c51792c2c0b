/**
 * ClusterRole aggregation: the rules an aggregated ClusterRole should hold, as
 * upstream's `clusterroleaggregation` controller computes them.
 *
 * @module
 */
import { isRight } from 'fp-ts/lib/Either.js';
import type { ClusterRole, PolicyRule } from '../../api/kinds/rbac-v1/index.js';
import { labelSelectorAsSelector, type LabelSelector } from '../../api/selectors/index.js';

/**
 * The union of the rules of the ClusterRoles (in `all`) whose labels match any of the
 * target's `aggregationRule.clusterRoleSelectors`: roles taken in name order (the
 * target itself left out), their rules in order, each rule once (rules equal field by
 * field, an absent list equal to an empty one, are duplicates).
 *
 * Without an `aggregationRule`, the target's own rules. An empty selector (`{}`)
 * selects every ClusterRole; no selector selects none.
 *
 * Guarantees: pure; the inputs are not modified; the rules returned are the inputs'
 * rule objects.
 *
 * Caveats: the apiserver's validation rejects a ClusterRole whose selectors are not
 * valid label selectors, so a stored role never has one; should one slip through, it
 * selects nothing (upstream's controller would report an error and retry).
 */
export function aggregateClusterRoleRules(
  target: ClusterRole,
  all: readonly ClusterRole[],
): PolicyRule[] {
  const aggregationRule = target.aggregationRule;
  if (aggregationRule === undefined) {
    return [...(target.rules ?? [])];
  }
  const selectors: LabelSelector[] = [];
  for (const selectorObject of aggregationRule.clusterRoleSelectors ?? []) {
    const selector = labelSelectorAsSelector(selectorObject);
    if (isRight(selector)) {
      selectors.push(selector.right);
    }
  }
  const targetName = target.metadata?.name ?? '';
  const selected = all
    .filter((role) => (role.metadata?.name ?? '') !== targetName)
    .filter((role) => selectors.some((selector) => selector.matches(role.metadata?.labels)))
    .sort((a, b) => compareNames(a.metadata?.name ?? '', b.metadata?.name ?? ''));

  const rules: PolicyRule[] = [];
  for (const role of selected) {
    for (const rule of role.rules ?? []) {
      if (!rules.some((kept) => policyRulesEqual(kept, rule))) {
        rules.push(rule);
      }
    }
  }
  return rules;
}

/**
 * Whether two rules are the same grant as written: the same verbs, API groups,
 * resources, resource names and non-resource URLs, in the same order (an absent list
 * equals an empty one, as upstream's semantic equality).
 */
export function policyRulesEqual(a: PolicyRule, b: PolicyRule): boolean {
  return (
    listsEqual(a.verbs, b.verbs) &&
    listsEqual(a.apiGroups, b.apiGroups) &&
    listsEqual(a.resources, b.resources) &&
    listsEqual(a.resourceNames, b.resourceNames) &&
    listsEqual(a.nonResourceURLs, b.nonResourceURLs)
  );
}

function listsEqual(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((value, index) => value === right[index]);
}

/** Go's string order (by UTF-16 code units here, the same for the ASCII names RBAC allows). */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
