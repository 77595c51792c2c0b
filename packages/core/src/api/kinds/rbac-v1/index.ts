/**
 * The `rbac.authorization.k8s.io/v1` API group as codecs: {@link Role} and
 * {@link ClusterRole} (sets of {@link PolicyRule}s, the latter with an
 * {@link AggregationRule}), {@link RoleBinding} and {@link ClusterRoleBinding} (a
 * {@link RoleRef} granted to {@link Subject}s), each with its `<Kind>List`.
 *
 * @module
 */
export { AggregationRule, ClusterRole, ClusterRoleList } from './cluster-role.js';
export { ClusterRoleBinding, ClusterRoleBindingList } from './cluster-role-binding.js';
export { PolicyRule } from './policy-rule.js';
export { Role, RoleList } from './role.js';
export { RoleBinding, RoleBindingList } from './role-binding.js';
export { RoleRef } from './role-ref.js';
export { Subject } from './subject.js';
