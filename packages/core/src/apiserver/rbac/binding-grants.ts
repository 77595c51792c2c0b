/**
 * A binding split into one grant per subject, and an index of grants by the user name
 * or group they apply to: the authorizer looks up a request's user and groups instead
 * of scanning every binding. Internal to the RBAC authorizer.
 *
 * @module
 */
import type { Subject } from '../../api/kinds/rbac-v1/index.js';
import type { Decision } from './authorization-attributes.js';
import { describeSubject, subjectIdentity, type SubjectIdentity } from './subject-matching.js';

/** The two kinds of binding. */
export type BindingKind = 'ClusterRoleBinding' | 'RoleBinding';

/**
 * One subject of one binding: the role it grants (looked up at each request, so that a
 * changed role takes effect at once) and the decision to return when it allows.
 */
export interface BindingGrant {
  /** The binding's kind. */
  readonly bindingKind: BindingKind;
  /** The binding's identity, unique across both kinds. */
  readonly bindingKey: string;
  /** The binding's namespace; `''` for a ClusterRoleBinding. */
  readonly bindingNamespace: string;
  /** The kind of the role referenced: `Role` or `ClusterRole` (anything else resolves to nothing). */
  readonly roleKind: string;
  /** The name of the role referenced. */
  readonly roleName: string;
  /** The decision when this grant allows, built once: `RBAC: allowed by ...`. */
  readonly allowed: Decision;
}

/** A grant with the identity it is indexed under. */
export interface IndexedGrant {
  readonly identity: SubjectIdentity;
  readonly grant: BindingGrant;
}

/** The key of a binding in the authorizer's maps. */
export function bindingKeyOf(args: {
  readonly kind: BindingKind;
  readonly namespace: string;
  readonly name: string;
}): string {
  return `${args.kind}\u0000${args.namespace}\u0000${args.name}`;
}

/**
 * The grants of a binding, one per subject that can stand for someone (subjects of an
 * unknown kind, and namespace-less service accounts of a ClusterRoleBinding, give none).
 */
export function grantsOfBinding(args: {
  readonly kind: BindingKind;
  readonly namespace: string;
  readonly name: string;
  readonly roleRef: { readonly kind: string; readonly name: string };
  readonly subjects: readonly Subject[];
}): IndexedGrant[] {
  const bindingKey = bindingKeyOf(args);
  const shownName = args.kind === 'RoleBinding' ? `${args.name}/${args.namespace}` : args.name;
  const grants: IndexedGrant[] = [];
  for (const subject of args.subjects) {
    const identity = subjectIdentity(subject, args.namespace);
    if (identity === undefined) {
      continue;
    }
    const reason =
      `RBAC: allowed by ${args.kind} ${JSON.stringify(shownName)} of ${args.roleRef.kind} ` +
      `${JSON.stringify(args.roleRef.name)} to ${describeSubject(subject, args.namespace)}`;
    grants.push({
      identity,
      grant: Object.freeze({
        bindingKind: args.kind,
        bindingKey,
        bindingNamespace: args.namespace,
        roleKind: args.roleRef.kind,
        roleName: args.roleRef.name,
        allowed: Object.freeze({ allowed: true, reason }),
      }),
    });
  }
  return grants;
}

/**
 * Grants by the user name and by the group they apply to.
 *
 * Guarantees: lookups allocate nothing; a grant is listed once per identity it was
 * added under, in the order added.
 */
export class SubjectGrantIndex {
  private readonly byUser = new Map<string, BindingGrant[]>();
  private readonly byGroup = new Map<string, BindingGrant[]>();

  /** The grants to the user name (users and service accounts), if any. */
  grantsForUser(name: string): readonly BindingGrant[] | undefined {
    return this.byUser.get(name);
  }

  /** The grants to the group, if any. */
  grantsForGroup(group: string): readonly BindingGrant[] | undefined {
    return this.byGroup.get(group);
  }

  /** Whether the index holds no grant. */
  get isEmpty(): boolean {
    return this.byUser.size === 0 && this.byGroup.size === 0;
  }

  /** Adds a grant under its identity. */
  add({ identity, grant }: IndexedGrant): void {
    const map = this.mapOf(identity);
    const grants = map.get(identity.name);
    if (grants === undefined) {
      map.set(identity.name, [grant]);
    } else {
      grants.push(grant);
    }
  }

  /** Removes a grant added under its identity; nothing when it is not there. */
  remove({ identity, grant }: IndexedGrant): void {
    const map = this.mapOf(identity);
    const grants = map.get(identity.name);
    const position = grants?.indexOf(grant) ?? -1;
    if (grants === undefined || position < 0) {
      return;
    }
    grants.splice(position, 1);
    if (grants.length === 0) {
      map.delete(identity.name);
    }
  }

  private mapOf(identity: SubjectIdentity): Map<string, BindingGrant[]> {
    return identity.kind === 'user' ? this.byUser : this.byGroup;
  }
}
