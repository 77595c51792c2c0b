/**
 * The `Client` every reconciler uses to read and write objects: one small interface,
 * implemented in process over the apiserver and (in `@drydock/runtime`) over a real
 * cluster.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Observable } from 'rxjs';
import type { Binding, Scale } from '../api/kinds/index.js';
import type { Status } from '../api/status/index.js';
import type {
  ApiObject,
  FieldValidation,
  PropagationPolicy,
  ResourceVersionMatch,
} from '../apiserver/index.js';
import type { ObjectKey, ResourceType } from './resource-type.js';

/** The answer of a call: the value, or the failure `Status` (NotFound, Conflict, ...). */
export type ClientResult<A> = Promise<Either<Status, A>>;

/** Options of a get. */
export interface GetOptions {
  /** See the apiserver's `resourceVersion` semantics; unset is the latest. */
  readonly resourceVersion?: string;
}

/** Options of a list. */
export interface ListOptions {
  /** The namespace to list; all namespaces when absent (namespaced resources). */
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  readonly resourceVersion?: string;
  readonly resourceVersionMatch?: ResourceVersionMatch;
  readonly limit?: number;
  readonly continue?: string;
}

/** A page of a list. */
export interface ObjectList<T> {
  /** The revision the list was read at: watch from here for what follows. */
  readonly resourceVersion: string;
  readonly items: readonly T[];
  /** The token of the next page, when there is one. */
  readonly continue?: string;
}

/** Options of a watch. */
export interface ClientWatchOptions {
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** Start after this resourceVersion; unset or `"0"` replays the current objects as ADDED first. */
  readonly resourceVersion?: string;
  readonly allowWatchBookmarks?: boolean;
  readonly sendInitialEvents?: boolean;
  readonly timeoutSeconds?: number;
}

/**
 * One event of a watch: an object ADDED, MODIFIED or DELETED (as the selection sees
 * it), a BOOKMARK (only `metadata.resourceVersion` is meaningful), or an ERROR with a
 * failure `Status` (such as 410 Expired), after which the stream completes.
 */
export type ClientWatchEvent<T> =
  | { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly object: T }
  | { readonly type: 'BOOKMARK'; readonly resourceVersion: string }
  | { readonly type: 'ERROR'; readonly status: Status };

/** Options of a write. */
export interface WriteOptions {
  readonly dryRun?: boolean;
  readonly fieldValidation?: FieldValidation;
  readonly fieldManager?: string;
}

/** Options of a delete. */
export interface ClientDeleteOptions {
  readonly dryRun?: boolean;
  readonly gracePeriodSeconds?: number;
  readonly propagationPolicy?: PropagationPolicy;
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
}

/** A patch: its format and its body (a JSON value; a list of operations for `json`). */
export interface Patch {
  readonly type: 'json' | 'merge' | 'strategic' | 'apply';
  readonly body: unknown;
}

/**
 * Reads and writes objects of any resource type, as one identity.
 *
 * Guarantees: every call answers `right(value)` or `left(status)` with the apiserver's
 * `Status` (never throws for an API failure); objects answered are frozen and shared.
 * `watch` never errors: failures arrive as one ERROR event, then completion.
 */
export interface Client {
  get<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    options?: GetOptions,
  ): ClientResult<T>;
  list<T extends ApiObject>(
    type: ResourceType<T>,
    options?: ListOptions,
  ): ClientResult<ObjectList<T>>;
  watch<T extends ApiObject>(
    type: ResourceType<T>,
    options?: ClientWatchOptions,
  ): Observable<ClientWatchEvent<T>>;
  create<T extends ApiObject>(
    type: ResourceType<T>,
    object: T,
    options?: WriteOptions,
  ): ClientResult<T>;
  /** Replaces the object (its `metadata.resourceVersion`, when set, must be current). */
  update<T extends ApiObject>(
    type: ResourceType<T>,
    object: T,
    options?: WriteOptions,
  ): ClientResult<T>;
  /** Replaces the object's `status` through the `status` subresource. */
  updateStatus<T extends ApiObject>(
    type: ResourceType<T>,
    object: T,
    options?: WriteOptions,
  ): ClientResult<T>;
  patch<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    patch: Patch,
    options?: WriteOptions,
  ): ClientResult<T>;
  patchStatus<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    patch: Patch,
    options?: WriteOptions,
  ): ClientResult<T>;
  /**
   * Deletes the object: answers it as deleted, or as it now waits (with a
   * `deletionTimestamp`) on finalizers or a grace period.
   */
  delete<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    options?: ClientDeleteOptions,
  ): ClientResult<T>;
  getScale<T extends ApiObject>(type: ResourceType<T>, key: ObjectKey): ClientResult<Scale>;
  updateScale<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    scale: Scale,
    options?: WriteOptions,
  ): ClientResult<Scale>;
  /**
   * Binds the pod at `key` to the node `binding.target.name` through the
   * `pods/binding` subresource (what a scheduler does); answers the success `Status`.
   * Errors: 409 when the pod is already assigned or is being deleted, 404 without it.
   */
  bind(key: ObjectKey, binding: Binding, options?: WriteOptions): ClientResult<Status>;
}
