/**
 * Who makes a request, as authentication establishes it (upstream's `user.Info`), and
 * the well-known names RBAC gives meaning to.
 *
 * @module
 */

/**
 * An authenticated (or anonymous) user: a name, an optional uid, the groups the user
 * belongs to, and extra attributes an authenticator may attach.
 *
 * Caveats: RBAC reads only `name` and `groups`; `uid` and `extra` are carried for
 * access reviews and audit.
 */
export interface UserInfo {
  /** The user's name: `alice`, `system:serviceaccount:default:builder`, `system:anonymous`. */
  readonly name: string;
  /** A unique identifier of the user, stable across name changes. */
  readonly uid?: string;
  /** The groups: `system:authenticated`, `system:serviceaccounts:default`, ... */
  readonly groups: readonly string[];
  /** Further attributes set by the authenticator, by key. */
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The superuser group: a user in it is allowed everything, before RBAC is consulted
 * (upstream's `user.SystemPrivilegedGroup`).
 */
export const SYSTEM_MASTERS_GROUP = 'system:masters';

/** The name of an unauthenticated user (upstream's `user.Anonymous`). */
export const ANONYMOUS_USER = 'system:anonymous';

/** The group of every unauthenticated user. */
export const UNAUTHENTICATED_GROUP = 'system:unauthenticated';

/** The group of every authenticated user. */
export const AUTHENTICATED_GROUP = 'system:authenticated';

/**
 * The user name of a service account, `system:serviceaccount:<namespace>:<name>`, as
 * upstream's `serviceaccount.MakeUsername`.
 */
export function serviceAccountUsername(args: {
  readonly namespace: string;
  readonly name: string;
}): string {
  return `system:serviceaccount:${args.namespace}:${args.name}`;
}
