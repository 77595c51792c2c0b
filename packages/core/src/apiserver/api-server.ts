/**
 * The apiserver: the only writer of the store, and the contract every client relies
 * on. A request passes authenticate → authorize → (by verb) decode → mutate →
 * validate → admit → persist, and comes out as a response or a Kubernetes `Status`.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { Subject, type Observable } from 'rxjs';
import type { Clock } from '../clock/index.js';
import {
  createBuiltInRegistry,
  type ResourceDefinition,
  type ResourceRegistry,
} from '../api/registry/index.js';
import { failureStatus } from '../api/status/failure-status.js';
import { forbidden, methodNotSupported, type Status } from '../api/status/index.js';
import type { KeyValueStore } from '../store/index.js';
import type {
  MutatingAdmissionPlugin,
  ValidatingAdmissionPlugin,
} from './admission/admission-plugin.js';
import type { ApiObject } from './api-object.js';
import type { ApiRequest } from './api-request.js';
import { respond, type ApiResponse, type ApiResult, type ApiWatchResult } from './api-response.js';
import type { AuditEvent } from './audit-event.js';
import type { Authenticator } from './authentication/authenticator.js';
import { reviewAccess } from './handlers/access-review.js';
import { bindPod } from './handlers/binding.js';
import { createObject } from './handlers/create.js';
import { deleteCollection } from './handlers/delete-collection.js';
import { deleteObject } from './handlers/delete.js';
import { patchObject } from './handlers/patch.js';
import { getObject, listObjects } from './handlers/read.js';
import type { RequestScope, ServerEnvironment } from './handlers/request-scope.js';
import { getScale, updateScale } from './handlers/scale.js';
import { updateObject } from './handlers/update.js';
import { watchObjects } from './handlers/watch.js';
import type { AuthorizationAttributes, Decision, UserInfo } from './rbac/index.js';
import { builtInStrategy } from './strategy/built-in-strategies.js';
import type { ResourceStrategy } from './strategy/resource-strategy.js';
import { AGE_COLUMN } from './table/printer-column.js';
import { toTable } from './table/table.js';

/** Decides whether a request is allowed; see `RbacAuthorizer` and {@link alwaysAllow}. */
export type Authorizer = (attributes: AuthorizationAttributes) => Decision;

/** The authorizer that allows everything (`--authorization-mode=AlwaysAllow`). */
export const alwaysAllow: Authorizer = () => ({ allowed: true, reason: '' });

/** What an {@link ApiServer} is built from; everything but the store and clock has a default. */
export interface ApiServerOptions {
  /** Where objects live. The apiserver must be its only writer. */
  readonly store: KeyValueStore<ApiObject>;
  /** The time of timestamps, grace periods and watch bookmarks. */
  readonly clock: Clock;
  /** The resources served; the built-in ones by default. */
  readonly registry?: ResourceRegistry;
  /**
   * Who requests come from, when they carry credentials rather than a user. By
   * default every request without a user is 401.
   */
  readonly authenticator?: Authenticator;
  /** Whether a request is allowed; {@link alwaysAllow} by default. */
  readonly authorizer?: Authorizer;
  /** Mutating admission plugins, in order, after the built-in defaulting. */
  readonly mutatingAdmission?: readonly MutatingAdmissionPlugin[];
  /** Validating admission plugins, in order (put `namespaceLifecycle` first to keep upstream's order). */
  readonly validatingAdmission?: readonly ValidatingAdmissionPlugin[];
  /** New uids; `crypto.randomUUID` by default (give a seeded one for reproducible tests). */
  readonly generateUid?: () => string;
  /** Randomness for `generateName`; `Math.random` by default. */
  readonly random?: () => number;
}

/**
 * An apiserver over a store.
 *
 * Guarantees:
 * - every answer is a response or a failure `Status` with upstream's reason, code and
 *   message form; a failed request changes nothing in the store;
 * - objects handed out are frozen and shared: never modify them;
 * - every completed request (a watch: once started or refused) is emitted on
 *   {@link ApiServer.audit$}, synchronously, before its answer is returned.
 *
 * Caveats: the authorizer sees one request at a time and must be synchronous; the
 * RBAC authorizer is kept up to date by `startRbac`.
 */
export class ApiServer {
  /** The resources served. */
  readonly registry: ResourceRegistry;
  /** The audit record of every request, as it completes. */
  readonly audit$: Observable<AuditEvent>;

  private readonly audit = new Subject<AuditEvent>();
  private readonly env: ServerEnvironment;
  private readonly authenticator: Authenticator;
  private readonly authorizer: Authorizer;
  private readonly strategies = new Map<ResourceDefinition, ResourceStrategy>();

  /** An apiserver over `options.store`; see {@link ApiServerOptions}. */
  constructor(options: ApiServerOptions) {
    this.registry = options.registry ?? createBuiltInRegistry();
    this.audit$ = this.audit.asObservable();
    this.authenticator =
      options.authenticator ??
      (() => left(failureStatus({ code: 401, reason: 'Unauthorized', message: 'Unauthorized' })));
    this.authorizer = options.authorizer ?? alwaysAllow;
    this.env = {
      store: options.store,
      clock: options.clock,
      mutating: [...(options.mutatingAdmission ?? [])],
      validating: [...(options.validatingAdmission ?? [])],
      generateUid: options.generateUid ?? randomUid,
      random: options.random ?? Math.random,
    };
  }

  /** The store this server writes. */
  get store(): KeyValueStore<ApiObject> {
    return this.env.store;
  }

  /** The clock this server reads. */
  get clock(): Clock {
    return this.env.clock;
  }

  /**
   * Gives a resource its write-path behaviour (a CRD's resource, or a replacement of a
   * built-in one's). Resources without one decode with their codec, or accept any
   * object when they have none.
   */
  setStrategy(definition: ResourceDefinition, strategy: ResourceStrategy): void {
    this.strategies.set(definition, strategy);
  }

  /** Answers any request but a watch. */
  async handle(request: ApiRequest): Promise<ApiResult> {
    const received = this.env.clock.now();
    const { user, scope } = this.admitRequest(request);
    let result: ApiResult;
    if (isLeft(scope)) {
      result = scope;
    } else {
      result = await this.dispatch(scope.right);
      if (
        scope.right.options.as === 'Table' &&
        (request.verb === 'get' || request.verb === 'list')
      ) {
        result = isLeft(result) ? result : right(this.tableOf(scope.right, result.right));
      }
    }
    this.record(request, received, user, result);
    return result;
  }

  /** Starts a watch; see the watch handler for its semantics. */
  async watch(request: ApiRequest): Promise<ApiWatchResult> {
    const received = this.env.clock.now();
    const { user, scope } = this.admitRequest({ ...request, verb: 'watch' });
    const result = isLeft(scope) ? scope : watchObjects(scope.right);
    // A watch's outcome is known before any event; the audit records a started one as 200.
    this.record(request, received, user, isLeft(result) ? result : right({ code: 200 }));
    return Promise.resolve(result);
  }

  /** Stops the audit stream. The store is the caller's to close. */
  close(): void {
    this.audit.complete();
  }

  private tableOf(scope: RequestScope, response: ApiResponse): ApiResponse {
    const isScale = scope.request.subresource === 'scale';
    return respond(
      response.code,
      toTable({
        body: response.body,
        columns: isScale ? [AGE_COLUMN] : (scope.strategy.printerColumns ?? [AGE_COLUMN]),
        now: this.env.clock.now(),
        ...(scope.options.includeObject === undefined
          ? {}
          : { includeObject: scope.options.includeObject }),
      }),
    );
  }

  private strategyOf(definition: ResourceDefinition): ResourceStrategy {
    let strategy = this.strategies.get(definition);
    if (strategy === undefined) {
      strategy = builtInStrategy(definition);
      this.strategies.set(definition, strategy);
    }
    return strategy;
  }

  /**
   * Authentication, then resource resolution and authorization: the user (once
   * authenticated) and a request scope or a failure.
   */
  private admitRequest(request: ApiRequest): {
    readonly user: UserInfo | undefined;
    readonly scope: Either<Status, RequestScope>;
  } {
    let user: UserInfo;
    if (request.user !== undefined) {
      user = request.user;
    } else {
      const authenticated = this.authenticator(request.credentials ?? {});
      if (isLeft(authenticated)) {
        return { user: undefined, scope: authenticated };
      }
      user = authenticated.right;
    }
    return { user, scope: this.resolveAndAuthorize(request, user) };
  }

  private resolveAndAuthorize(request: ApiRequest, user: UserInfo): Either<Status, RequestScope> {
    const definition = this.registry.byGroupVersionResource(request.resource);
    if (definition === undefined) {
      return left(resourceNotFound());
    }
    const shape = checkRequestShape(request, definition);
    if (isLeft(shape)) {
      return shape;
    }
    // Built field by field, in the same order, rather than with conditional spreads:
    // every request makes one.
    const attributes: Mutable<AuthorizationAttributes> = {
      user,
      verb: request.verb,
      resourceRequest: true,
      apiGroup: definition.group,
      resource: definition.plural,
    };
    if (request.subresource !== undefined) {
      attributes.subresource = request.subresource;
    }
    if (request.namespace !== undefined) {
      attributes.namespace = request.namespace;
    }
    if (request.name !== undefined) {
      attributes.name = request.name;
    }
    const decision = this.authorizer(attributes);
    if (!decision.allowed) {
      return left(
        forbidden({
          user: user.name,
          verb: request.verb,
          resource: definition.plural,
          group: definition.group,
          ...(request.subresource === undefined ? {} : { subresource: request.subresource }),
          ...(request.namespace === undefined ? {} : { namespace: request.namespace }),
          ...(request.name === undefined ? {} : { name: request.name }),
          ...(decision.reason === '' ? {} : { reason: decision.reason }),
        }),
      );
    }
    return right({
      request,
      options: request.options ?? {},
      user,
      definition,
      strategy: this.strategyOf(definition),
      env: this.env,
    });
  }

  // Not `async`: it hands on the handler's promise as it is (an async function returning
  // a promise would wrap it in another, with three more turns of the microtask queue).
  private dispatch(scope: RequestScope): Promise<ApiResult> | ApiResult {
    const { verb, subresource } = scope.request;
    if (
      scope.definition.group === 'authorization.k8s.io' &&
      verb === 'create' &&
      subresource === undefined
    ) {
      return reviewAccess(scope, this.authorizer);
    }
    switch (subresource) {
      case undefined:
        switch (verb) {
          case 'get':
            return getObject(scope);
          case 'list':
            return listObjects(scope);
          case 'create':
            return createObject(scope);
          case 'update':
            return updateObject(scope, 'main');
          case 'patch':
            return patchObject(scope, 'main');
          case 'delete':
            return deleteObject(scope);
          case 'deletecollection':
            return deleteCollection(scope);
          case 'watch':
            return left(
              methodNotSupported({
                resource: scope.definition.plural,
                group: scope.definition.group,
                action: 'watch',
              }),
            );
        }
        break;
      case 'status':
        if (verb === 'get') {
          return getObject(scope);
        }
        if (verb === 'update' || verb === 'patch') {
          return verb === 'update' ? updateObject(scope, 'status') : patchObject(scope, 'status');
        }
        break;
      case 'scale':
        if (verb === 'get') {
          return getScale(scope);
        }
        if (verb === 'update' || verb === 'patch') {
          return verb === 'update' ? updateScale(scope) : patchObject(scope, 'scale');
        }
        break;
      case 'finalize':
        if (
          verb === 'update' &&
          scope.definition.group === '' &&
          scope.definition.plural === 'namespaces'
        ) {
          return updateObject(scope, 'finalize');
        }
        break;
      case 'binding':
        if (
          verb === 'create' &&
          scope.definition.group === '' &&
          scope.definition.plural === 'pods'
        ) {
          return bindPod(scope);
        }
        break;
      default:
        break;
    }
    return left(
      methodNotSupported({
        resource: `${scope.definition.plural}/${subresource ?? ''}`,
        group: scope.definition.group,
        action: verb,
      }),
    );
  }

  private record(
    request: ApiRequest,
    received: number,
    user: UserInfo | undefined,
    outcome: Either<Status, { readonly code: number; readonly body?: ApiObject }>,
  ): void {
    if (!this.audit.observed) {
      return;
    }
    const resourceVersion = isLeft(outcome)
      ? undefined
      : outcome.right.body?.metadata?.resourceVersion;
    const write = request.verb !== 'get' && request.verb !== 'list' && request.verb !== 'watch';
    this.audit.next({
      requestReceivedTimestamp: received,
      ...(user === undefined ? {} : { user }),
      verb: request.verb,
      resource: request.resource,
      ...(request.subresource === undefined ? {} : { subresource: request.subresource }),
      ...(request.namespace === undefined ? {} : { namespace: request.namespace }),
      ...(request.name === undefined ? {} : { name: request.name }),
      dryRun: request.options?.dryRun === true,
      code: isLeft(outcome) ? (outcome.left.code ?? 500) : outcome.right.code,
      ...(isLeft(outcome) && outcome.left.reason !== undefined
        ? { reason: outcome.left.reason }
        : {}),
      ...(write && resourceVersion !== undefined ? { resourceVersion } : {}),
    });
  }
}

/** A type's fields, writable: for objects built field by field. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function resourceNotFound(): Status {
  return failureStatus({
    code: 404,
    reason: 'NotFound',
    message: 'the server could not find the requested resource',
    details: {},
  });
}

/**
 * The request's verb, subresource and namespace fit the resource: a verb it serves,
 * a namespace exactly when it is namespaced (lists and watches may span all
 * namespaces), a name for verbs on one object.
 */
function checkRequestShape(
  request: ApiRequest,
  definition: ResourceDefinition,
): Either<Status, void> {
  const { verb, subresource, namespace, name } = request;
  if (subresource === undefined && !definition.verbs.includes(verb)) {
    return left(
      methodNotSupported({ resource: definition.plural, group: definition.group, action: verb }),
    );
  }
  if (subresource !== undefined && !hasSubresource(definition, subresource)) {
    return left(resourceNotFound());
  }
  const hasNamespace = namespace !== undefined && namespace !== '';
  if (!definition.namespaced && hasNamespace) {
    return left(resourceNotFound());
  }
  const spansNamespaces = verb === 'list' || verb === 'watch' || verb === 'deletecollection';
  if (definition.namespaced && !hasNamespace && !spansNamespaces) {
    return left(resourceNotFound());
  }
  const needsName =
    verb === 'get' ||
    verb === 'update' ||
    verb === 'patch' ||
    verb === 'delete' ||
    subresource !== undefined;
  if (needsName && (name === undefined || name === '')) {
    return left(
      failureStatus({
        code: 405,
        reason: 'MethodNotAllowed',
        message: `${verb} requires a name`,
        details: {},
      }),
    );
  }
  return FITS;
}

// Either values are never modified: one answer serves every request that fits.
const FITS: Either<Status, void> = right(undefined);

function hasSubresource(definition: ResourceDefinition, subresource: string): boolean {
  const { subresources } = definition;
  if (subresource === 'status') {
    return subresources.status === true;
  }
  if (subresource === 'scale') {
    return subresources.scale !== undefined;
  }
  return (subresources.others ?? []).some((other) => other.name === subresource);
}

/**
 * A random uid (`crypto.randomUUID`) as one flat string. Node builds a UUID by
 * concatenating the hex pairs of its bytes, which V8 keeps as a tree of some twenty
 * string pieces (about 490 bytes) until something flattens it; a uid lives as long as
 * its object, and in every index keyed by it, and each lookup by it walks the tree.
 * `toLowerCase` (a UUID is lowercase already) answers it flattened: about 66 bytes.
 */
function randomUid(): string {
  return randomUUID().toLowerCase();
}
