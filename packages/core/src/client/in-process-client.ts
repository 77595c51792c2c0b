/**
 * The {@link Client} over an {@link ApiServer} in the same process: each call is one
 * `ApiRequest` made as one user, and its answer is the apiserver's, unchanged.
 *
 * @module
 */
import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { catchError, defer, from, map, type Observable, of, switchMap, takeWhile } from 'rxjs';
import type { Binding, Scale } from '../api/kinds/index.js';
import { apiVersionOf } from '../api/registry/index.js';
import { internalError, type Status } from '../api/status/index.js';
import type {
  ApiObject,
  ApiRequest,
  ApiServer,
  ApiWatchEvent,
  UserInfo,
} from '../apiserver/index.js';
import type {
  Client,
  ClientResult,
  ClientWatchEvent,
  ClientDeleteOptions,
  GetOptions,
  ListOptions,
  ObjectList,
  Patch,
  ClientWatchOptions,
  WriteOptions,
} from './client.js';
import { Pods } from './built-in-types.js';
import { keyOf, type ObjectKey, type ResourceType } from './resource-type.js';

/**
 * What a client sends requests to: an {@link ApiServer}, or anything that answers as
 * one (a test harness injecting faults in front of it).
 */
export type ApiEndpoint = Pick<ApiServer, 'handle' | 'watch'>;

/** What an {@link InProcessClient} needs: the server to ask, and who asks. */
export interface InProcessClientOptions {
  readonly server: ApiEndpoint;
  /** The identity of every request, already authenticated: RBAC decides what it may do. */
  readonly user: UserInfo;
}

/** A request without its user: the client adds it. */
type UserlessRequest = Omit<ApiRequest, 'user' | 'credentials'>;

/**
 * A {@link Client} that calls an {@link ApiServer} directly, as `options.user`.
 *
 * Guarantees:
 * - every call is exactly one `server.handle` (or, for `watch`, `server.watch`)
 *   request, so it passes the whole pipeline (authorization, admission, validation)
 *   and is audited like any other; answers are the server's bodies, frozen and shared;
 * - nothing is validated before the server sees it: an object without a name, or a
 *   namespaced object without a namespace, gets the server's answer;
 * - a body without `apiVersion` or `kind` gets the type's; a body with other ones is
 *   sent as is (the server refuses it);
 * - `watch` is lazy: the watch starts on subscription, once per subscriber, and stops
 *   when the subscriber unsubscribes. It never errors: a refused watch, an ERROR event
 *   and an unexpected failure of the stream each end it with one ERROR event;
 *   `sendInitialEvents` is sent with `resourceVersionMatch: NotOlderThan`, the only
 *   match a watch accepts with it (it still needs `allowWatchBookmarks`).
 *
 * Caveats: the namespace of a key or object is ignored for cluster-scoped types; the
 * server's warnings (such as unknown fields dropped) are not passed on; a BOOKMARK
 * keeps only its resourceVersion (not the `k8s.io/initial-events-end` annotation).
 */
export class InProcessClient implements Client {
  /** The server every request goes to. */
  readonly server: ApiEndpoint;
  /** The identity of every request. */
  readonly user: UserInfo;

  /** A client of `options.server` acting as `options.user`. */
  constructor(options: InProcessClientOptions) {
    this.server = options.server;
    this.user = options.user;
  }

  /** A client of the same server acting as `user` (this one is unchanged). */
  asUser(user: UserInfo): InProcessClient {
    return new InProcessClient({ server: this.server, user });
  }

  /** Reads one object; 404 NotFound when it does not exist. */
  get<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    options: GetOptions = {},
  ): ClientResult<T> {
    return this.send<T>({ verb: 'get', ...target(type, key), options });
  }

  /** Lists objects (in `options.namespace`, or everywhere), one page when `limit` is set. */
  async list<T extends ApiObject>(
    type: ResourceType<T>,
    options: ListOptions = {},
  ): ClientResult<ObjectList<T>> {
    const { namespace, ...query } = options;
    const answer = await this.send<ApiObject>({
      verb: 'list',
      resource: resourceOf(type),
      ...namespaceOf(type, namespace),
      options: query,
    });
    return isLeft(answer) ? answer : right(objectListOf<T>(answer.right));
  }

  /** Watches objects (in `options.namespace`, or everywhere); see the class's guarantees. */
  watch<T extends ApiObject>(
    type: ResourceType<T>,
    options: ClientWatchOptions = {},
  ): Observable<ClientWatchEvent<T>> {
    const { namespace, ...query } = options;
    const request: ApiRequest = {
      verb: 'watch',
      resource: resourceOf(type),
      ...namespaceOf(type, namespace),
      // NotOlderThan is the only match a watch with initial events accepts (as client-go's reflector sends).
      options:
        query.sendInitialEvents === true
          ? { ...query, resourceVersionMatch: 'NotOlderThan' }
          : query,
      user: this.user,
    };
    return defer(() => from(this.server.watch(request))).pipe(
      switchMap((started) =>
        isLeft(started)
          ? of<ClientWatchEvent<T>>({ type: 'ERROR', status: started.left })
          : started.right.pipe(map((event) => clientWatchEvent<T>(event))),
      ),
      catchError((error: unknown) =>
        of<ClientWatchEvent<T>>({ type: 'ERROR', status: unexpectedFailure(error) }),
      ),
      // The contract ends a watch at its first ERROR, whatever the stream does next.
      takeWhile((event) => event.type !== 'ERROR', true),
    );
  }

  /** Creates the object (201); 409 AlreadyExists, 422 Invalid. */
  create<T extends ApiObject>(
    type: ResourceType<T>,
    object: T,
    options: WriteOptions = {},
  ): ClientResult<T> {
    return this.send<T>({
      verb: 'create',
      resource: resourceOf(type),
      ...namespaceOf(type, object.metadata?.namespace),
      body: withTypeMeta(type, object),
      options,
    });
  }

  /** Replaces the object named by its metadata; 409 Conflict for a stale resourceVersion. */
  update<T extends ApiObject>(
    type: ResourceType<T>,
    object: T,
    options: WriteOptions = {},
  ): ClientResult<T> {
    return this.send<T>({
      verb: 'update',
      ...target(type, keyOf(object)),
      body: withTypeMeta(type, object),
      options,
    });
  }

  /** Replaces the object's `status` through the `status` subresource. */
  updateStatus<T extends ApiObject>(
    type: ResourceType<T>,
    object: T,
    options: WriteOptions = {},
  ): ClientResult<T> {
    return this.send<T>({
      verb: 'update',
      ...target(type, keyOf(object)),
      subresource: 'status',
      body: withTypeMeta(type, object),
      options,
    });
  }

  /** Patches the object; the patch's `type` names its format. */
  patch<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    patch: Patch,
    options: WriteOptions = {},
  ): ClientResult<T> {
    return this.send<T>({
      verb: 'patch',
      ...target(type, key),
      body: patch.body,
      patchType: patch.type,
      options,
    });
  }

  /** Patches the object's `status` through the `status` subresource. */
  patchStatus<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    patch: Patch,
    options: WriteOptions = {},
  ): ClientResult<T> {
    return this.send<T>({
      verb: 'patch',
      ...target(type, key),
      subresource: 'status',
      body: patch.body,
      patchType: patch.type,
      options,
    });
  }

  /** Deletes the object: answers it as deleted, or as it waits on finalizers or grace. */
  delete<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    options: ClientDeleteOptions = {},
  ): ClientResult<T> {
    return this.send<T>({ verb: 'delete', ...target(type, key), options });
  }

  /** Reads the `scale` subresource; 404 for types without one. */
  getScale<T extends ApiObject>(type: ResourceType<T>, key: ObjectKey): ClientResult<Scale> {
    return this.send<Scale>({ verb: 'get', ...target(type, key), subresource: 'scale' });
  }

  /** Writes the `scale` subresource's `spec.replicas`. */
  updateScale<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    scale: Scale,
    options: WriteOptions = {},
  ): ClientResult<Scale> {
    return this.send<Scale>({
      verb: 'update',
      ...target(type, key),
      subresource: 'scale',
      body: { apiVersion: 'autoscaling/v1', kind: 'Scale', ...scale },
      options,
    });
  }

  /** Binds the pod at `key` to `binding.target.name` through `pods/binding`. */
  bind(key: ObjectKey, binding: Binding, options: WriteOptions = {}): ClientResult<Status> {
    return this.send<Status>({
      verb: 'create',
      ...target(Pods, key),
      subresource: 'binding',
      body: { apiVersion: 'v1', kind: 'Binding', ...binding },
      options,
    });
  }

  /**
   * Sends the request as this client's user; the answer's body, typed as the caller
   * says (the server answers the resource's objects, so the cast is the type's promise).
   */
  private async send<A>(request: UserlessRequest): Promise<Either<Status, A>> {
    const answer = await this.server.handle({ ...request, user: this.user });
    return isLeft(answer) ? answer : right(answer.right.body as A);
  }
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/** The parts of a resource type a request names (any `ResourceType<T>` has them). */
type TypeNames = Pick<ResourceType, 'group' | 'version' | 'kind' | 'plural' | 'namespaced'>;

function resourceOf(type: TypeNames): ApiRequest['resource'] {
  return { group: type.group, version: type.version, resource: type.plural };
}

/** The request's namespace: the given one for namespaced types, none otherwise. */
function namespaceOf(
  type: TypeNames,
  namespace: string | undefined,
): Pick<ApiRequest, 'namespace'> {
  return type.namespaced && namespace !== undefined && namespace !== '' ? { namespace } : {};
}

/** The resource, namespace and name of a request about one object. */
function target(
  type: TypeNames,
  key: ObjectKey,
): Pick<ApiRequest, 'resource' | 'namespace' | 'name'> {
  return { resource: resourceOf(type), ...namespaceOf(type, key.namespace), name: key.name };
}

/** The object with the type's `apiVersion` and `kind` where it has none. */
function withTypeMeta(type: TypeNames, object: ApiObject): ApiObject {
  return {
    ...object,
    apiVersion: object.apiVersion ?? apiVersionOf(type),
    kind: object.kind ?? type.kind,
  };
}

/** A `<Kind>List` body as an {@link ObjectList}. */
function objectListOf<T>(body: ApiObject): ObjectList<T> {
  const items = (body['items'] ?? []) as readonly T[];
  const resourceVersion = body.metadata?.resourceVersion ?? '';
  const next = (body.metadata as { readonly continue?: string } | undefined)?.continue;
  return next === undefined || next === ''
    ? { resourceVersion, items }
    : { resourceVersion, items, continue: next };
}

function clientWatchEvent<T>(event: ApiWatchEvent): ClientWatchEvent<T> {
  switch (event.type) {
    case 'BOOKMARK':
      return { type: 'BOOKMARK', resourceVersion: event.object.metadata?.resourceVersion ?? '' };
    case 'ERROR':
      return { type: 'ERROR', status: event.object as Status };
    case 'ADDED':
    case 'MODIFIED':
    case 'DELETED':
      return { type: event.type, object: event.object as T };
  }
}

/** A 500 for a failure that is not an API answer (a bug), so a watch still ends in data. */
function unexpectedFailure(error: unknown): Status {
  return internalError({ message: error instanceof Error ? error.message : String(error) });
}
