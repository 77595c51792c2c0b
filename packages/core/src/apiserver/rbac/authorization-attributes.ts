/**
 * What an authorizer is asked (upstream's `authorizer.Attributes`) and what it answers.
 *
 * @module
 */
import type { UserInfo } from './user-info.js';

/**
 * One request, as the authorizer sees it: who, which verb, and either a resource (with
 * its group, namespace, subresource and object name) or a non-resource path.
 *
 * Empty strings and absent fields mean the same (the core group `""`, no namespace, no
 * subresource, no name).
 */
export interface AuthorizationAttributes {
  /** Who asks. */
  readonly user: UserInfo;
  /** The verb: `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, `deletecollection`, or any other (`impersonate`, `bind`, `escalate`, ...). */
  readonly verb: string;
  /** Whether the request is about a resource (`true`) or a non-resource path such as `/healthz` (`false`). */
  readonly resourceRequest: boolean;
  /** The namespace of a namespaced resource request; absent at the cluster scope. */
  readonly namespace?: string;
  /** The API group of the resource; the core group when absent or `""`. */
  readonly apiGroup?: string;
  /** The resource, as a plural: `pods`. */
  readonly resource?: string;
  /** The subresource: `status`, `log`, `binding`. */
  readonly subresource?: string;
  /** The object's name, for requests about one object (never for create, list, watch or deletecollection). */
  readonly name?: string;
  /** The URL path of a non-resource request: `/healthz`, `/api`, `/version`. */
  readonly path?: string;
}

/**
 * The authorizer's answer: allowed, with the reason (which binding grants it), or not
 * allowed, with a reason that is usually empty.
 *
 * Guarantees: RBAC only allows; "not allowed" means no opinion, as upstream (another
 * authorizer may still allow).
 */
export type Decision =
  | { readonly allowed: true; readonly reason: string }
  | { readonly allowed: false; readonly reason: string };
