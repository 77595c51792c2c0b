/**
 * Role-based access control for the apiserver: who may do what.
 *
 * - {@link UserInfo}: who asks; {@link AuthorizationAttributes}: what is asked;
 *   {@link Decision}: the answer.
 * - {@link RbacAuthorizer}: the cluster's Roles, ClusterRoles, RoleBindings and
 *   ClusterRoleBindings, updated with `upsert`/`remove`, answering `authorize` on every
 *   request and `rulesFor` for rules reviews.
 * - {@link ruleAllows} and its matchers: upstream's rule semantics.
 * - {@link aggregateClusterRoleRules}: what an aggregated ClusterRole's rules should be.
 * - {@link forbiddenMessage} and {@link forbiddenRequestOf}: the 403's wording.
 *
 * @example
 * ```ts
 * const rbac = new RbacAuthorizer({ objects: [podReader, readPodsBinding] });
 * rbac.authorize({ user: alice, verb: 'list', resourceRequest: true,
 *                  namespace: 'default', resource: 'pods' });
 * // { allowed: true, reason: 'RBAC: allowed by RoleBinding "read-pods/default" of Role "pod-reader" to User "alice"' }
 * ```
 *
 * @module
 */
export { aggregateClusterRoleRules, policyRulesEqual } from './aggregation.js';
export type { AuthorizationAttributes, Decision } from './authorization-attributes.js';
export { forbiddenMessage, forbiddenRequestOf } from './forbidden-message.js';
export type { RbacObject, RulesReview } from './rbac-authorizer.js';
export { RbacAuthorizer } from './rbac-authorizer.js';
export {
  RBAC_WILDCARD,
  apiGroupMatches,
  nonResourceURLMatches,
  resourceMatches,
  resourceNameMatches,
  ruleAllows,
  rulesAllow,
  verbMatches,
} from './rule-matching.js';
export type { SubjectIdentity } from './subject-matching.js';
export { describeSubject, subjectAppliesTo, subjectIdentity } from './subject-matching.js';
export type { UserInfo } from './user-info.js';
export {
  ANONYMOUS_USER,
  AUTHENTICATED_GROUP,
  SYSTEM_MASTERS_GROUP,
  UNAUTHENTICATED_GROUP,
  serviceAccountUsername,
} from './user-info.js';
