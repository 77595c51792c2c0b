import type { PolicyRule, Subject } from '../../../src/api/kinds/rbac-v1/index.js';
import type {
  AuthorizationAttributes,
  RbacObject,
  UserInfo,
} from '../../../src/apiserver/rbac/index.js';

const API_VERSION = 'rbac.authorization.k8s.io/v1';
const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** A ClusterRole with these rules (and labels, for aggregation). */
export function clusterRole(
  name: string,
  rules: readonly PolicyRule[],
  labels?: Readonly<Record<string, string>>,
): Extract<RbacObject, { kind: 'ClusterRole' }> {
  return {
    apiVersion: API_VERSION,
    kind: 'ClusterRole',
    metadata: labels === undefined ? { name } : { name, labels: { ...labels } },
    rules: [...rules],
  };
}

/** A Role of the namespace with these rules. */
export function role(
  namespace: string,
  name: string,
  rules: readonly PolicyRule[],
): Extract<RbacObject, { kind: 'Role' }> {
  return {
    apiVersion: API_VERSION,
    kind: 'Role',
    metadata: { name, namespace },
    rules: [...rules],
  };
}

/** A ClusterRoleBinding of the ClusterRole to the subjects. */
export function clusterRoleBinding(
  name: string,
  clusterRoleName: string,
  subjects: readonly Subject[],
): Extract<RbacObject, { kind: 'ClusterRoleBinding' }> {
  return {
    apiVersion: API_VERSION,
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: clusterRoleName },
    subjects: [...subjects],
  };
}

/** A RoleBinding in the namespace of a Role or ClusterRole to the subjects. */
export function roleBinding(
  namespace: string,
  name: string,
  roleRef: { readonly kind: string; readonly name: string },
  subjects: readonly Subject[],
): Extract<RbacObject, { kind: 'RoleBinding' }> {
  return {
    apiVersion: API_VERSION,
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: RBAC_GROUP, ...roleRef },
    subjects: [...subjects],
  };
}

/** A `User` subject. */
export const userSubject = (name: string): Subject => ({
  apiGroup: RBAC_GROUP,
  kind: 'User',
  name,
});
/** A `Group` subject. */
export const groupSubject = (name: string): Subject => ({
  apiGroup: RBAC_GROUP,
  kind: 'Group',
  name,
});
/** A `ServiceAccount` subject, with or without its namespace. */
export const serviceAccountSubject = (name: string, namespace?: string): Subject =>
  namespace === undefined
    ? { kind: 'ServiceAccount', name }
    : { kind: 'ServiceAccount', name, namespace };

/** A user with these groups. */
export const user = (name: string, groups: readonly string[] = []): UserInfo => ({ name, groups });

/** A resource request. */
export function resourceRequest(
  who: UserInfo,
  verb: string,
  target: Omit<AuthorizationAttributes, 'user' | 'verb' | 'resourceRequest' | 'path'>,
): AuthorizationAttributes {
  return { user: who, verb, resourceRequest: true, ...target };
}

/** A non-resource request. */
export function pathRequest(who: UserInfo, verb: string, path: string): AuthorizationAttributes {
  return { user: who, verb, resourceRequest: false, path };
}
