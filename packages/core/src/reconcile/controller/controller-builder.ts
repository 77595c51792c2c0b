/**
 * The controller builder: sugar over the building blocks. A controller built with
 *
 * ```ts
 * controller({ client, clock }).for(Deployments).owns(ReplicaSets).withConcurrency(4).reconcile(fn)
 * ```
 *
 * is equivalent to: a shared informer (a watcher into a cache) of Deployments, one of
 * ReplicaSets whose changes map to their controlling Deployment, the two merged into
 * the triggers of an `applier` running `fn`.
 *
 * @module
 */
import type { Observable } from 'rxjs';
import { EMPTY, interval, isObservable, lastValueFrom, merge } from 'rxjs';
import type { ApiObject } from '../../apiserver/index.js';
import type { Clock, Duration } from '../../clock/index.js';
import { toPositiveMillis } from '../../clock/index.js';
import { keyOf, type Client, type ObjectKey, type ResourceType } from '../../client/index.js';
import type { CacheReader } from '../cache/index.js';
import {
  sharedInformer,
  sharedInformers,
  type InformerEvent,
  type SharedInformer,
  type SharedInformers,
} from '../informer/index.js';
import type { RateLimiter } from '../queue/index.js';
import type { WatcherBackoff } from '../watcher/index.js';
import { applier, type ReconcileOutcome, type Reconciler } from './applier.js';
import type { Predicate } from './predicates.js';
import { flatMapSync } from '../operators/index.js';

/** What every reconcile of a built controller is given. */
export interface ControllerContext<T extends ApiObject> {
  readonly client: Client;
  readonly clock: Clock;
  /** The primary objects, as the controller's watch has seen them. */
  readonly cache: CacheReader<T>;
  /**
   * The informers the controller's watches come from: `informers.forType(ReplicaSets).cache`
   * reads the objects of a type the controller `owns` or `watches` without a scope.
   */
  readonly informers: SharedInformers;
}

/** A built controller: its cache and how to run it. */
export interface Controller<T extends ApiObject> {
  /** The primary objects, kept by the controller's watch while it runs. */
  readonly cache: CacheReader<T>;
  /**
   * Starts the watches and the applier: the outcome of every reconcile. Never errors
   * because of a reconciler or a watch failure; unsubscribing stops everything.
   */
  run(): Observable<ReconcileOutcome>;
}

/** Where a watch of the builder looks: a namespace, selectors, a predicate. */
export interface WatchScope<T extends ApiObject> {
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** Which changes trigger (all of them when absent). */
  readonly predicate?: Predicate<T>;
}

/** What every controller needs. */
export interface ControllerOptions {
  readonly client: Client;
  readonly clock: Clock;
  /** The backoff of failing keys (the queue's default when absent). */
  readonly rateLimiter?: RateLimiter<string>;
  /**
   * Told of every failure of the controller's own watches (the framework's failures,
   * apart from the reconciler's, which are outcomes): the resource, and the watcher's
   * backoff with its cause and delay. The watch retries by itself; this is for logs
   * and metrics, and must not throw.
   */
  readonly onWatchFailure?: (failure: {
    readonly type: ResourceType<ApiObject>;
    readonly backoff: WatcherBackoff;
  }) => void;
  /**
   * Shared informers to take the watches of whole resource types from (a watch with
   * a namespace or selector is always the controller's own). Controllers given the
   * same informers share one watch and one cache per type, as kube-controller-manager's
   * controllers do; without, the controller has informers of its own.
   */
  readonly informers?: SharedInformers;
}

interface Source {
  /** The informer of the watch (a private one is made at each call for a scoped watch). */
  readonly informer: () => SharedInformer<ApiObject>;
  /** The keys its changes trigger. */
  readonly triggers: (informer: SharedInformer<ApiObject>) => Observable<ObjectKey>;
}

/**
 * Starts building a controller; see {@link ControllerBuilder}.
 *
 * @example
 * ```ts
 * const deployments = controller({ client, clock })
 *   .for(Deployments, { predicate: generationChanged })
 *   .owns(ReplicaSets)
 *   .withConcurrency(4)
 *   .reconcile(async (request, { cache }) => { ...; return awaitChange(); });
 * deployments.run().subscribe();
 * ```
 */
export function controller(options: ControllerOptions): ControllerBuilder<never> {
  return ControllerBuilder.start(options);
}

/** A controller being built: immutable, each method answers a new builder. */
export class ControllerBuilder<T extends ApiObject> {
  /** A builder with nothing chosen yet; {@link controller} is the usual way in. */
  static start(options: ControllerOptions): ControllerBuilder<never> {
    const { client, clock, onWatchFailure } = options;
    const informers =
      options.informers ??
      sharedInformers({
        client,
        clock,
        ...(onWatchFailure === undefined ? {} : { onWatchFailure }),
      });
    return new ControllerBuilder<never>({ ...options, informers }, undefined, [], 1, undefined);
  }

  private constructor(
    private readonly options: ControllerOptions & { readonly informers: SharedInformers },
    private readonly primary:
      { readonly type: ResourceType<T>; readonly scope: WatchScope<T> } | undefined,
    private readonly sources: readonly Source[],
    private readonly concurrency: number,
    private readonly resyncEvery: number | undefined,
  ) {}

  /** The primary resource: each of its objects is a key to reconcile. */
  for<P extends ApiObject>(type: ResourceType<P>, scope: WatchScope<P> = {}): ControllerBuilder<P> {
    return new ControllerBuilder<P>(
      this.options,
      { type, scope },
      this.sources,
      this.concurrency,
      this.resyncEvery,
    );
  }

  /**
   * A resource the primary objects own: a change of one reconciles its controller
   * (the owner reference with `controller: true` of the primary's kind).
   */
  owns<O extends ApiObject>(
    type: ResourceType<O>,
    scope: WatchScope<O> = {},
  ): ControllerBuilder<T> {
    return this.with({
      informer: () => this.informerOf(type, scope) as unknown as SharedInformer<ApiObject>,
      triggers: (informer) =>
        changedThrough(informer as unknown as SharedInformer<O>, scope.predicate).pipe(
          flatMapSync((object) => {
            const owner = this.controllingOwner(object);
            return owner === undefined ? [] : [owner];
          }),
        ),
    });
  }

  /** Any other resource: `mapToRequests` says which keys a change of one of its objects reconciles. */
  watches<W extends ApiObject>(
    type: ResourceType<W>,
    mapToRequests: (object: W) => readonly ObjectKey[],
    scope: WatchScope<W> = {},
  ): ControllerBuilder<T> {
    return this.with({
      informer: () => this.informerOf(type, scope) as unknown as SharedInformer<ApiObject>,
      triggers: (informer) =>
        changedThrough(informer as unknown as SharedInformer<W>, scope.predicate).pipe(
          flatMapSync((object) => mapToRequests(object)),
        ),
    });
  }

  /** How many keys reconcile at once (never two for one key). Default 1. */
  withConcurrency(concurrency: number): ControllerBuilder<T> {
    return new ControllerBuilder<T>(
      this.options,
      this.primary,
      this.sources,
      concurrency,
      this.resyncEvery,
    );
  }

  /** Reconciles every primary object again every `period`, changed or not. */
  withResync(period: Duration): ControllerBuilder<T> {
    return new ControllerBuilder<T>(
      this.options,
      this.primary,
      this.sources,
      this.concurrency,
      toPositiveMillis(period),
    );
  }

  /**
   * Finishes the controller with its reconciler.
   *
   * Errors: throws when `for` was not called.
   */
  reconcile(reconcile: Reconciler<ControllerContext<T>>): Controller<T> {
    const primary = this.primary;
    if (primary === undefined) {
      throw new Error('controller: call for(type) before reconcile(fn)');
    }
    const { client, clock, informers } = this.options;
    const informer = this.informerOf(primary.type, primary.scope);
    const context: ControllerContext<T> = { client, clock, cache: informer.cache, informers };
    const concurrency = this.concurrency;
    const sources = this.sources;
    const resyncEvery = this.resyncEvery;
    const rateLimiter = this.options.rateLimiter;
    return {
      cache: informer.cache,
      run: () => {
        const followed = sources.map((source) => ({ source, informer: source.informer() }));
        // As controller-runtime waits for its caches to sync before starting workers:
        // no reconcile reads a cache of the controller before its first list landed.
        const synced = Promise.all([
          informer.cache.ready,
          ...followed.map(({ informer: followedInformer }) => followedInformer.cache.ready),
        ]);
        const reconcileWhenSynced: Reconciler<ControllerContext<T>> = async (request, given) => {
          await synced;
          const answer = reconcile(request, given);
          return isObservable(answer) ? lastValueFrom(answer) : answer;
        };
        const triggers = merge(
          changedThrough(informer, primary.scope.predicate).pipe(
            flatMapSync((object) => [keyOf(object)]),
          ),
          ...followed.map(({ source, informer: followedInformer }) =>
            source.triggers(followedInformer),
          ),
          resyncEvery === undefined
            ? EMPTY
            : interval(resyncEvery, clock.scheduler).pipe(
                flatMapSync(() => informer.cache.list().map((object) => keyOf(object))),
              ),
        );
        return applier({
          reconcile: reconcileWhenSynced,
          context,
          triggers,
          clock,
          concurrency,
          ...(rateLimiter === undefined ? {} : { rateLimiter }),
        });
      },
    };
  }

  private with(source: Source): ControllerBuilder<T> {
    return new ControllerBuilder<T>(
      this.options,
      this.primary,
      [...this.sources, source],
      this.concurrency,
      this.resyncEvery,
    );
  }

  /**
   * The informer of a watch: the shared one of its type for a whole-type watch, a
   * private one for a watch with a namespace or a selector.
   */
  private informerOf<W extends ApiObject>(
    type: ResourceType<W>,
    scope: WatchScope<W>,
  ): SharedInformer<W> {
    const { client, clock, informers, onWatchFailure } = this.options;
    if (
      scope.namespace === undefined &&
      scope.labelSelector === undefined &&
      scope.fieldSelector === undefined
    ) {
      return informers.forType(type);
    }
    return sharedInformer({
      client,
      type,
      watch: {
        clock,
        ...watchOptionsOf(scope),
        ...(onWatchFailure === undefined
          ? {}
          : {
              onBackoff: (backoff: WatcherBackoff) =>
                onWatchFailure({ type: type as unknown as ResourceType<ApiObject>, backoff }),
            }),
      },
    });
  }

  /** The key of the primary object that controls `object`, if one does. */
  private controllingOwner(object: ApiObject): ObjectKey | undefined {
    const primary = this.primary;
    if (primary === undefined) {
      return undefined;
    }
    const apiVersion =
      primary.type.group === ''
        ? primary.type.version
        : `${primary.type.group}/${primary.type.version}`;
    const group = primary.type.group;
    const owner = (object.metadata?.ownerReferences ?? []).find(
      (reference) =>
        reference.controller === true &&
        reference.kind === primary.type.kind &&
        (reference.apiVersion === apiVersion || groupOf(reference.apiVersion) === group),
    );
    if (owner === undefined) {
      return undefined;
    }
    const namespace = object.metadata?.namespace;
    return primary.type.namespaced && namespace !== undefined
      ? { namespace, name: owner.name }
      : { name: owner.name };
  }
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function watchOptionsOf<T extends ApiObject>(
  scope: WatchScope<T>,
): {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
} {
  return {
    ...(scope.namespace === undefined ? {} : { namespace: scope.namespace }),
    ...(scope.labelSelector === undefined ? {} : { labelSelector: scope.labelSelector }),
    ...(scope.fieldSelector === undefined ? {} : { fieldSelector: scope.fieldSelector }),
  };
}

/**
 * The objects of an informer's changes that trigger: applies and deletes the predicate
 * passes, and every object of a (re)list once the cache holds it.
 */
function changedThrough<T extends ApiObject>(
  informer: SharedInformer<T>,
  predicate: Predicate<T> | undefined,
): Observable<T> {
  return informer.events$.pipe(
    flatMapSync((event: InformerEvent<T>): readonly T[] => {
      if (event.type === 'synced') {
        return event.objects;
      }
      return predicate === undefined || predicate(event) ? [event.object] : [];
    }),
  );
}
