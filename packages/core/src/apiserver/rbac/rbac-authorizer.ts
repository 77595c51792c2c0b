/**
 * The RBAC authorizer: the cluster's Roles, ClusterRoles and their bindings, kept
 * up to date one object at a time, answering "may this user do this?" for every
 * request (upstream's `plugin/pkg/auth/authorizer/rbac`).
 *
 * @module
 */
import type {
  ClusterRole,
  ClusterRoleBinding,
  PolicyRule,
  Role,
  RoleBinding,
} from '../../api/kinds/rbac-v1/index.js';
import type { AuthorizationAttributes, Decision } from './authorization-attributes.js';
import {
  grantsOfBinding,
  SubjectGrantIndex,
  bindingKeyOf,
  type BindingGrant,
  type BindingKind,
  type IndexedGrant,
} from './binding-grants.js';
import { rulesAllow } from './rule-matching.js';
import { SYSTEM_MASTERS_GROUP, type UserInfo } from './user-info.js';

/** An RBAC object the authorizer reads, told apart by its (required) `kind`. */
export type RbacObject =
  | (Role & { readonly kind: 'Role' })
  | (ClusterRole & { readonly kind: 'ClusterRole' })
  | (RoleBinding & { readonly kind: 'RoleBinding' })
  | (ClusterRoleBinding & { readonly kind: 'ClusterRoleBinding' });

/** The rules a user has in a namespace, as a `SelfSubjectRulesReview` reports them. */
export interface RulesReview {
  /** The rules of every binding that applies, ClusterRoleBindings first, unmerged. */
  readonly rules: readonly PolicyRule[];
  /** The roles that could not be resolved (`RBAC: role.rbac.authorization.k8s.io "x" not found`), if any. */
  readonly evaluationError?: string;
}

const DENIED: Decision = Object.freeze({ allowed: false, reason: '' });
const SUPERUSER_ALLOWED: Decision = Object.freeze({ allowed: true, reason: '' });
const NO_RULES: readonly PolicyRule[] = Object.freeze([]);

/**
 * An index of the cluster's RBAC objects that authorizes requests.
 *
 * Guarantees:
 * - `authorize` is synchronous, looks up only the bindings to the request's user and
 *   groups (by name, not by scanning), and allocates nothing when it allows or when it
 *   denies with every referenced role present;
 * - a user in `system:masters` is allowed everything (the superuser group, checked
 *   before RBAC, as upstream's privileged-group authorizer), with an empty reason;
 * - ClusterRoleBindings apply to every request; RoleBindings only to resource requests
 *   in their namespace, for their namespace's Role or a ClusterRole;
 * - roles are looked up at each request, so `upsert` of a role changes what existing
 *   bindings grant at once; `upsert` of an object already held (same kind, namespace
 *   and name) replaces it;
 * - objects given are read, never modified.
 *
 * Errors: none thrown. A binding whose role is missing grants nothing; when the request
 * is denied, the reason names the missing roles as upstream
 * (`RBAC: clusterrole.rbac.authorization.k8s.io "x" not found`).
 *
 * Caveats: an aggregated ClusterRole is used with its `rules` as stored; the
 * aggregation controller keeps them (see `aggregateClusterRoleRules`).
 */
export class RbacAuthorizer {
  private readonly clusterRoleRules = new Map<string, readonly PolicyRule[]>();
  private readonly roleRules = new Map<string, Map<string, readonly PolicyRule[]>>();
  private readonly clusterGrants = new SubjectGrantIndex();
  private readonly namespacedGrants = new Map<string, SubjectGrantIndex>();
  private readonly bindings = new Map<string, readonly IndexedGrant[]>();
  /** Set by a scan that met a grant whose role is missing (scans are synchronous). */
  private sawUnresolvedRole = false;

  /** @param options - `objects`: the RBAC objects to start with, as by `upsert`. */
  constructor(options: { readonly objects?: Iterable<RbacObject> } = {}) {
    for (const object of options.objects ?? []) {
      this.upsert(object);
    }
  }

  /** Adds an object, or replaces the one with the same kind, namespace and name. */
  upsert(object: RbacObject): void {
    const namespace = object.metadata?.namespace ?? '';
    const name = object.metadata?.name ?? '';
    switch (object.kind) {
      case 'ClusterRole':
        this.clusterRoleRules.set(name, object.rules ?? NO_RULES);
        return;
      case 'Role': {
        const roles = this.roleRules.get(namespace) ?? new Map<string, readonly PolicyRule[]>();
        roles.set(name, object.rules ?? NO_RULES);
        this.roleRules.set(namespace, roles);
        return;
      }
      case 'ClusterRoleBinding':
      case 'RoleBinding': {
        const bindingNamespace = object.kind === 'RoleBinding' ? namespace : '';
        this.removeBinding(object.kind, bindingNamespace, name);
        const grants = grantsOfBinding({
          kind: object.kind,
          namespace: bindingNamespace,
          name,
          roleRef: object.roleRef,
          subjects: object.subjects ?? [],
        });
        const index = this.grantIndexFor(bindingNamespace, { create: true });
        for (const grant of grants) {
          index.add(grant);
        }
        this.bindings.set(
          bindingKeyOf({ kind: object.kind, namespace: bindingNamespace, name }),
          grants,
        );
        return;
      }
    }
  }

  /** Removes the object with the same kind, namespace and name; nothing when absent. */
  remove(object: RbacObject): void {
    const namespace = object.metadata?.namespace ?? '';
    const name = object.metadata?.name ?? '';
    switch (object.kind) {
      case 'ClusterRole':
        this.clusterRoleRules.delete(name);
        return;
      case 'Role': {
        const roles = this.roleRules.get(namespace);
        roles?.delete(name);
        if (roles?.size === 0) {
          this.roleRules.delete(namespace);
        }
        return;
      }
      case 'ClusterRoleBinding':
        this.removeBinding(object.kind, '', name);
        return;
      case 'RoleBinding':
        this.removeBinding(object.kind, namespace, name);
        return;
    }
  }

  /** Whether the request is allowed, and by which binding; see the class's guarantees. */
  authorize(attributes: AuthorizationAttributes): Decision {
    const user = attributes.user;
    if (user.groups.includes(SYSTEM_MASTERS_GROUP)) {
      return SUPERUSER_ALLOWED;
    }
    this.sawUnresolvedRole = false;
    const byCluster = this.allowingGrant(this.clusterGrants, attributes);
    if (byCluster !== undefined) {
      return byCluster.allowed;
    }
    const namespace = attributes.namespace ?? '';
    if (attributes.resourceRequest && namespace !== '') {
      const index = this.namespacedGrants.get(namespace);
      const byNamespace = index === undefined ? undefined : this.allowingGrant(index, attributes);
      if (byNamespace !== undefined) {
        return byNamespace.allowed;
      }
    }
    if (!this.sawUnresolvedRole) {
      return DENIED;
    }
    const { evaluationError } = this.rulesReview(user, attributes.resourceRequest ? namespace : '');
    return evaluationError === undefined ? DENIED : { allowed: false, reason: evaluationError };
  }

  /**
   * The rules the user has in the namespace (`''` or absent: at the cluster scope
   * only): those of every ClusterRoleBinding, then every RoleBinding of the namespace,
   * that names the user, one of its groups or its service account; each binding once.
   *
   * Caveats: `system:masters` adds no rule here (it bypasses RBAC), as upstream.
   */
  rulesFor(user: UserInfo, namespace?: string): readonly PolicyRule[] {
    return this.rulesReview(user, namespace).rules;
  }

  /** {@link RbacAuthorizer.rulesFor}, with the roles that could not be resolved. */
  rulesReview(user: UserInfo, namespace?: string): RulesReview {
    const seenBindings = new Set<string>();
    const rules: PolicyRule[] = [];
    const errors: string[] = [];
    const visit = (grants: readonly BindingGrant[] | undefined): void => {
      for (const grant of grants ?? []) {
        if (seenBindings.has(grant.bindingKey)) {
          continue;
        }
        seenBindings.add(grant.bindingKey);
        const resolved = this.rulesOf(grant);
        if (resolved === undefined) {
          const error = unresolvedRoleError(grant);
          if (!errors.includes(error)) {
            errors.push(error);
          }
        } else {
          rules.push(...resolved);
        }
      }
    };
    const indexes = [this.clusterGrants];
    const namespaced =
      namespace === undefined || namespace === ''
        ? undefined
        : this.namespacedGrants.get(namespace);
    if (namespaced !== undefined) {
      indexes.push(namespaced);
    }
    for (const index of indexes) {
      visit(index.grantsForUser(user.name));
      for (const group of user.groups) {
        visit(index.grantsForGroup(group));
      }
    }
    const [only, ...more] = errors;
    if (only === undefined) {
      return { rules };
    }
    const aggregate = more.length === 0 ? only : `[${errors.join(', ')}]`;
    return { rules, evaluationError: `RBAC: ${aggregate}` };
  }

  // -------------------------------------------------------------------------
  // internals
  // -------------------------------------------------------------------------

  private allowingGrant(
    index: SubjectGrantIndex,
    attributes: AuthorizationAttributes,
  ): BindingGrant | undefined {
    const byName = this.firstAllowing(index.grantsForUser(attributes.user.name), attributes);
    if (byName !== undefined) {
      return byName;
    }
    for (const group of attributes.user.groups) {
      const byGroup = this.firstAllowing(index.grantsForGroup(group), attributes);
      if (byGroup !== undefined) {
        return byGroup;
      }
    }
    return undefined;
  }

  private firstAllowing(
    grants: readonly BindingGrant[] | undefined,
    attributes: AuthorizationAttributes,
  ): BindingGrant | undefined {
    if (grants === undefined) {
      return undefined;
    }
    for (const grant of grants) {
      const rules = this.rulesOf(grant);
      if (rules === undefined) {
        this.sawUnresolvedRole = true;
      } else if (rulesAllow(attributes, rules)) {
        return grant;
      }
    }
    return undefined;
  }

  /** The rules of the grant's role, or `undefined` when it does not exist. */
  private rulesOf(grant: BindingGrant): readonly PolicyRule[] | undefined {
    switch (grant.roleKind) {
      case 'ClusterRole':
        return this.clusterRoleRules.get(grant.roleName);
      case 'Role':
        return this.roleRules.get(grant.bindingNamespace)?.get(grant.roleName);
      default:
        return undefined;
    }
  }

  private grantIndexFor(namespace: string, options: { readonly create: true }): SubjectGrantIndex;
  private grantIndexFor(
    namespace: string,
    options?: { readonly create?: boolean },
  ): SubjectGrantIndex | undefined;
  private grantIndexFor(
    namespace: string,
    options: { readonly create?: boolean } = {},
  ): SubjectGrantIndex | undefined {
    if (namespace === '') {
      return this.clusterGrants;
    }
    let index = this.namespacedGrants.get(namespace);
    if (index === undefined && options.create === true) {
      index = new SubjectGrantIndex();
      this.namespacedGrants.set(namespace, index);
    }
    return index;
  }

  private removeBinding(kind: BindingKind, namespace: string, name: string): void {
    const key = bindingKeyOf({ kind, namespace, name });
    const grants = this.bindings.get(key);
    if (grants === undefined) {
      return;
    }
    this.bindings.delete(key);
    const index = this.grantIndexFor(namespace);
    if (index === undefined) {
      return;
    }
    for (const grant of grants) {
      index.remove(grant);
    }
    if (namespace !== '' && index.isEmpty) {
      this.namespacedGrants.delete(namespace);
    }
  }
}

/** Upstream's error for a role reference that does not resolve. */
function unresolvedRoleError(grant: BindingGrant): string {
  switch (grant.roleKind) {
    case 'ClusterRole':
      return `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(grant.roleName)} not found`;
    case 'Role':
      return `role.rbac.authorization.k8s.io ${JSON.stringify(grant.roleName)} not found`;
    default:
      return `unsupported role reference kind: ${JSON.stringify(grant.roleKind)}`;
  }
}
