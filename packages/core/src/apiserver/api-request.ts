/**
 * One request to the apiserver, as the REST layer (or an in-process client) hands it
 * over: who asks, which verb on which resource, the body and the query options.
 *
 * @module
 */
import type { GroupVersionResource } from '../api/registry/index.js';
import type { PatchType } from './patch/index.js';
import type { UserInfo } from './rbac/index.js';

/** The verbs of the resource API, as RBAC and discovery name them. */
export type ApiVerb =
  'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** How to treat fields the kind does not have (the `fieldValidation` query parameter). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** The deletion `propagationPolicy`: what happens to the object's dependents. */
export type PropagationPolicy = 'Orphan' | 'Foreground' | 'Background';

/** How a list or get interprets `resourceVersion` (the `resourceVersionMatch` parameter). */
export type ResourceVersionMatch = 'Exact' | 'NotOlderThan';

/** The query options of a request; each applies to the verbs its doc names. */
export interface RequestOptions {
  /** Writes: run every stage but persist nothing (`dryRun=All`). */
  readonly dryRun?: boolean;
  /** Writes: unknown fields are dropped (`Ignore`, `Warn`, the default) or rejected (`Strict`). */
  readonly fieldValidation?: FieldValidation;
  /** Writes: the name of the actor making the change (server-side apply needs it). */
  readonly fieldManager?: string;
  /** get, list, watch: see KUBE-API-NOTES, "resourceVersion on list/get". */
  readonly resourceVersion?: string;
  /**
   * get, list: answer a `meta.k8s.io/v1 Table` (server-side printing, as `kubectl get`
   * asks with `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`).
   */
  readonly as?: 'Table';
  /** get, list as a Table: what each row's `object` holds; `Metadata` by default. */
  readonly includeObject?: 'None' | 'Metadata' | 'Object';
  /** get, list: how `resourceVersion` is matched. */
  readonly resourceVersionMatch?: ResourceVersionMatch;
  /** list: the page size. */
  readonly limit?: number;
  /** list: the token of the next page. */
  readonly continue?: string;
  /** list, watch, deletecollection: a label selector such as `app=web,tier!=db`. */
  readonly labelSelector?: string;
  /** list, watch, deletecollection: a field selector such as `spec.nodeName=n1`. */
  readonly fieldSelector?: string;
  /** watch: send BOOKMARK events. */
  readonly allowWatchBookmarks?: boolean;
  /** watch: replay the current state as ADDED events, then a BOOKMARK marking its end. */
  readonly sendInitialEvents?: boolean;
  /** watch: end the watch after this many seconds. */
  readonly timeoutSeconds?: number;
  /** delete: seconds before the object is deleted (pods); 0 deletes now. */
  readonly gracePeriodSeconds?: number;
  /** delete: what happens to the object's dependents. */
  readonly propagationPolicy?: PropagationPolicy;
  /** delete: the object must still have this uid and resourceVersion. */
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
}

/**
 * The credentials a request carries, for the authentication stage. In-process callers
 * may skip authentication by setting {@link ApiRequest.user} instead.
 */
export interface Credentials {
  /** The bearer token of an `Authorization: Bearer <token>` header. */
  readonly bearerToken?: string;
}

/** One request to the resource API. */
export interface ApiRequest {
  readonly verb: ApiVerb;
  /** The resource, as the URL names it: group, version and plural. */
  readonly resource: GroupVersionResource;
  /** The subresource, such as `status`, `scale` or `binding`. */
  readonly subresource?: string;
  /** The namespace of the URL; absent for cluster-scoped resources and all-namespace lists. */
  readonly namespace?: string;
  /** The object's name, for requests about one object. */
  readonly name?: string;
  /** The decoded JSON body of a create, update or patch. */
  readonly body?: unknown;
  /** The patch format of a patch request. */
  readonly patchType?: PatchType;
  /** The caller, already authenticated (in-process clients); overrides `credentials`. */
  readonly user?: UserInfo;
  /** The credentials to authenticate, when `user` is not given. */
  readonly credentials?: Credentials;
  readonly options?: RequestOptions;
}
