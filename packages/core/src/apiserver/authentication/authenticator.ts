/**
 * The authentication stage: who a request comes from.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { unauthorized, type Status } from '../../api/status/index.js';
import type { Credentials } from '../api-request.js';
import {
  ANONYMOUS_USER,
  AUTHENTICATED_GROUP,
  SYSTEM_MASTERS_GROUP,
  UNAUTHENTICATED_GROUP,
  serviceAccountUsername,
  type UserInfo,
} from '../rbac/index.js';

/**
 * Tells who presents `credentials`: a user, or 401 `Unauthorized`. Authenticators
 * compose with {@link firstAuthenticator}.
 */
export type Authenticator = (credentials: Credentials) => Either<Status, UserInfo>;

/** The user of requests without credentials, when anonymous requests are allowed. */
export const ANONYMOUS_USER_INFO: UserInfo = Object.freeze({
  name: ANONYMOUS_USER,
  groups: Object.freeze([UNAUTHENTICATED_GROUP]),
});

/**
 * The in-process administrator (for tests and the built-in controllers): in
 * `system:masters`, which RBAC always allows.
 */
export const SYSTEM_ADMIN: UserInfo = Object.freeze({
  name: 'system:admin',
  groups: Object.freeze([SYSTEM_MASTERS_GROUP, AUTHENTICATED_GROUP]),
});

/** The user of a service account: `system:serviceaccount:<ns>:<name>` in its groups. */
export function serviceAccountUser(namespace: string, name: string, uid?: string): UserInfo {
  return Object.freeze({
    name: serviceAccountUsername({ namespace, name }),
    ...(uid === undefined ? {} : { uid }),
    groups: Object.freeze([
      'system:serviceaccounts',
      `system:serviceaccounts:${namespace}`,
      AUTHENTICATED_GROUP,
    ]),
  });
}

/** What {@link tokenAuthenticator} knows. */
export interface TokenAuthenticatorOptions {
  /**
   * Static bearer tokens and their users (as a `--token-auth-file`); each user is
   * also put in `system:authenticated`.
   */
  readonly tokens?: Readonly<
    Record<string, Omit<UserInfo, 'groups'> & { readonly groups?: readonly string[] }>
  >;
  /** Whether a request without a token is `system:anonymous` (true) or 401 (false). Default: false. */
  readonly allowAnonymous?: boolean;
}

/**
 * Authenticates `Authorization: Bearer` tokens against a table; a request without a
 * token is anonymous if allowed, else 401; an unknown token is always 401.
 */
export function tokenAuthenticator(options: TokenAuthenticatorOptions): Authenticator {
  const users = new Map<string, UserInfo>();
  for (const [token, user] of Object.entries(options.tokens ?? {})) {
    const groups = [...(user.groups ?? [])];
    if (!groups.includes(AUTHENTICATED_GROUP)) {
      groups.push(AUTHENTICATED_GROUP);
    }
    users.set(token, Object.freeze({ ...user, groups: Object.freeze(groups) }));
  }
  return (credentials) => {
    const token = credentials.bearerToken;
    if (token === undefined || token === '') {
      return options.allowAnonymous === true ? right(ANONYMOUS_USER_INFO) : left(unauthorized());
    }
    const user = users.get(token);
    return user === undefined ? left(unauthorized()) : right(user);
  };
}

/**
 * Tries authenticators in order: the first that accepts wins; when all refuse, the
 * last refusal is the answer.
 */
export function firstAuthenticator(...authenticators: readonly Authenticator[]): Authenticator {
  return (credentials) => {
    let refusal: Either<Status, UserInfo> = left(unauthorized());
    for (const authenticate of authenticators) {
      refusal = authenticate(credentials);
      if (refusal._tag === 'Right') {
        return refusal;
      }
    }
    return refusal;
  };
}
