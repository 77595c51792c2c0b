/**
 * The {@link Client} over an {@link ApiServer} in the same process: each call is one
 * `ApiRequest` made as one user, and its answer is the apiserver's, unchanged.
 *
 * @module
 */
import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { Observable, type Subscription } from 'rxjs';
import type { Binding, Scale } from '../api/kinds/index.js';
import { apiVersionOf } from '../api/registry/index.js';
import { internalError, type Status } from '../api/status/index.js';
import type {
  ApiObject,
  ApiRequest,
  ApiServer,
  ApiVerb,
  ApiWatchEvent,
  ApiWatchResult,
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

/** A request being built by the client. */
type RequestDraft = { -readonly [K in keyof ApiRequest]: ApiRequest[K] };

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
    const request = this.requestFor('get', type, key);
    request.options = options;
    return this.send<T>(request);
  }

  /** Lists objects (in `options.namespace`, or everywhere), one page when `limit` is set. */
  async list<T extends ApiObject>(
    type: ResourceType<T>,
    options: ListOptions = {},
  ): ClientResult<ObjectList<T>> {
    const { namespace, ...query } = options;
    const request = this.requestFor('list', type, { namespace });
    request.options = query;
    const answer = await this.send<ApiObject>(request);
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
    // One subscriber between the server's stream and the caller's, rather than a chain
    // of operators: every event of every watch crosses it.
    return new Observable<ClientWatchEvent<T>>((subscriber) => {
      let events: Subscription | undefined;
      // The contract ends a watch at its first ERROR, whatever the stream does next.
      const end = (error: ClientWatchEvent<T>): void => {
        subscriber.next(error);
        subscriber.complete();
      };
      const fail = (error: unknown): void =>
        end({ type: 'ERROR', status: unexpectedFailure(error) });
      let started: Promise<ApiWatchResult>;
      try {
        started = Promise.resolve(this.server.watch(request));
      } catch (error: unknown) {
        fail(error);
        return undefined;
      }
      started.then((result) => {
        if (subscriber.closed) {
          return;
        }
        if (isLeft(result)) {
          end({ type: 'ERROR', status: result.left });
          return;
        }
        try {
          events = result.right.subscribe({
            next: (event) => {
              if (event.type === 'ERROR') {
                end(clientWatchEvent<T>(event));
              } else {
                subscriber.next(clientWatchEvent<T>(event));
              }
            },
            error: fail,
            complete: () => subscriber.complete(),
          });
        } catch (error: unknown) {
          fail(error);
          return;
        }
        // The stream may have ended the watch while it was being subscribed to.
        if (subscriber.closed) {
          events.unsubscribe();
        }
      }, fail);
      return () => events?.unsubscribe();
    });
  }

  /** Creates the object (201); 409 AlreadyExists, 422 Invalid. */
  create<T extends ApiObject>(
    type: ResourceType<T>,
    object: T,
    options: WriteOptions = {},
  ): ClientResult<T> {
    const request = this.requestFor('create', type, { namespace: object.metadata?.namespace });
    request.body = withTypeMeta(type, object);
    request.options = options;
    return this.send<T>(request);
  }

  /** Replaces the object named by its metadata; 409 Conflict for a stale resourceVersion. */
  update<T extends ApiObject>(
    type: ResourceType<T>,
    object: T,
    options: WriteOptions = {},
  ): ClientResult<T> {
    const request = this.requestFor('update', type, keyOf(object));
    request.body = withTypeMeta(type, object);
    request.options = options;
    return this.send<T>(request);
  }

  /** Replaces the object's `status` through the `status` subresource. */
  updateStatus<T extends ApiObject>(
    type: ResourceType<T>,
    object: T,
    options: WriteOptions = {},
  ): ClientResult<T> {
    const request = this.requestFor('update', type, keyOf(object));
    request.subresource = 'status';
    request.body = withTypeMeta(type, object);
    request.options = options;
    return this.send<T>(request);
  }

  /** Patches the object; the patch's `type` names its format. */
  patch<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    patch: Patch,
    options: WriteOptions = {},
  ): ClientResult<T> {
    const request = this.requestFor('patch', type, key);
    request.body = patch.body;
    request.patchType = patch.type;
    request.options = options;
    return this.send<T>(request);
  }

  /** Patches the object's `status` through the `status` subresource. */
  patchStatus<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    patch: Patch,
    options: WriteOptions = {},
  ): ClientResult<T> {
    const request = this.requestFor('patch', type, key);
    request.subresource = 'status';
    request.body = patch.body;
    request.patchType = patch.type;
    request.options = options;
    return this.send<T>(request);
  }

  /** Deletes the object: answers it as deleted, or as it waits on finalizers or grace. */
  delete<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    options: ClientDeleteOptions = {},
  ): ClientResult<T> {
    const request = this.requestFor('delete', type, key);
    request.options = options;
    return this.send<T>(request);
  }

  /** Reads the `scale` subresource; 404 for types without one. */
  getScale<T extends ApiObject>(type: ResourceType<T>, key: ObjectKey): ClientResult<Scale> {
    const request = this.requestFor('get', type, key);
    request.subresource = 'scale';
    return this.send<Scale>(request);
  }

  /** Writes the `scale` subresource's `spec.replicas`. */
  updateScale<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    scale: Scale,
    options: WriteOptions = {},
  ): ClientResult<Scale> {
    const request = this.requestFor('update', type, key);
    request.subresource = 'scale';
    request.body = { apiVersion: 'autoscaling/v1', kind: 'Scale', ...scale };
    request.options = options;
    return this.send<Scale>(request);
  }

  /** Binds the pod at `key` to `binding.target.name` through `pods/binding`. */
  bind(key: ObjectKey, binding: Binding, options: WriteOptions = {}): ClientResult<Status> {
    const request = this.requestFor('create', Pods, key);
    request.subresource = 'binding';
    request.body = { apiVersion: 'v1', kind: 'Binding', ...binding };
    request.options = options;
    return this.send<Status>(request);
  }

  /**
   * A request of this client's user about `key` (its name, when it has one, and its
   * namespace for namespaced types), for the caller to complete. Built field by field
   * rather than spread: every call of the client makes one.
   */
  private requestFor(
    verb: ApiVerb,
    type: TypeNames,
    key: { readonly namespace?: string | undefined; readonly name?: string },
  ): RequestDraft {
    const request: RequestDraft = { verb, resource: resourceOf(type) };
    const namespace = key.namespace;
    if (type.namespaced && namespace !== undefined && namespace !== '') {
      request.namespace = namespace;
    }
    if (key.name !== undefined) {
      request.name = key.name;
    }
    request.user = this.user;
    return request;
  }

  /**
   * Sends a request; the answer's body, typed as the caller says (the server answers
   * the resource's objects, so the cast is the type's promise).
   */
  private async send<A>(request: ApiRequest): Promise<Either<Status, A>> {
    const answer = await this.server.handle(request);
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
      // The same shape: passed on as it is (every event of every watch comes here).
      return event as ClientWatchEvent<T>;
  }
}

/** A 500 for a failure that is not an API answer (a bug), so a watch still ends in data. */
function unexpectedFailure(error: unknown): Status {
  return internalError({ message: error instanceof Error ? error.message : String(error) });
}
