/**
 * `rbacv1.PolicyRule`: one grant of verbs on resources or non-resource URLs, shared by
 * Roles and ClusterRoles.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';

const atomicStrings = (description: string) =>
  withSchema(t.array(t.string), { description, 'x-kubernetes-list-type': 'atomic' });

/**
 * The codec of `rbacv1.PolicyRule`: `verbs` (required), `apiGroups`, `resources`,
 * `resourceNames` and `nonResourceURLs` (optional), all lists of strings.
 *
 * `'*'` means all verbs, groups or resources, `""` is the core group, `res/sub` names a
 * subresource and `*\/sub` that subresource of every resource; a non-resource URL ends
 * in `*` to match a prefix. See the authorizer's rule matching for the semantics.
 *
 * Caveats: upstream's validation (a rule names either resources or non-resource URLs;
 * non-resource URLs only in ClusterRoles) is the apiserver's business, not decoding's.
 */
export const PolicyRule = withSchema(
  t.intersection([
    t.type({
      verbs: atomicStrings(
        'Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule. ' +
          "'*' represents all verbs.",
      ),
    }),
    t.partial({
      apiGroups: atomicStrings(
        'APIGroups is the name of the APIGroup that contains the resources. "" represents the ' +
          'core API group and "*" represents all API groups.',
      ),
      resources: atomicStrings(
        "Resources is a list of resources this rule applies to. '*' represents all resources.",
      ),
      resourceNames: atomicStrings(
        'ResourceNames is an optional white list of names that the rule applies to. An empty set ' +
          'means that everything is allowed.',
      ),
      nonResourceURLs: atomicStrings(
        'NonResourceURLs is a set of partial urls that a user should have access to. *s are allowed, ' +
          'but only as the full, final step in the path. Only for ClusterRoles referenced from a ' +
          'ClusterRoleBinding; a rule applies to API resources or non-resource URL paths, not both.',
      ),
    }),
  ]),
  {
    description:
      'PolicyRule holds information that describes a policy rule, but does not contain information ' +
      'about who the rule applies to or which namespace the rule applies to.',
  },
  'PolicyRule',
);

/** A policy rule, as {@link PolicyRule} decodes it. */
export type PolicyRule = t.TypeOf<typeof PolicyRule>;

/**
 * The codec of a role's `rules`: a list of {@link PolicyRule}s, or `null` (Go writes a
 * role without rules, such as an aggregated ClusterRole not yet filled, as
 * `"rules": null`, and `kubectl get -o json` prints it so).
 */
export const PolicyRules = t.union([t.array(PolicyRule), t.null]);
