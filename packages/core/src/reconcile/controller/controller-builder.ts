/**
 * The controller builder: sugar over the building blocks. A controller built with
 *
 * ```ts
 * controller({ client, clock }).for(Deployments).owns(ReplicaSets).withConcurrency(4).reconcile(fn)
 * ```
 *
 * is equivalent to: a `watcher` of Deployments through a `reflector` into a cache,
 * a watcher of ReplicaSets mapped to their controlling Deployment, the two merged
 * into the triggers of an `applier` running `fn`.
 *
 * @module
 */
import { EMPTY, interval, map, merge, mergeMap, Observable, type OperatorFunction } from 'rxjs';
import type { ApiObject } from '../../apiserver/index.js';
import type { Clock, Duration } from '../../clock/index.js';
import { toPositiveMillis } from '../../clock/index.js';
import { keyOf, type Client, type ObjectKey, type ResourceType } from '../../client/index.js';
import { createStore, type CacheReader, type CacheWriter } from '../cache/index.js';
import type { RateLimiter } from '../queue/index.js';
import {
  watcher,
  type WatcherBackoff,
  type WatcherEvent,
  type WatcherOptions,
} from '../watcher/index.js';
import { applier, type ReconcileOutcome, type Reconciler } from './applier.js';
import type { Predicate } from './predicates.js';

/** What every reconcile of a built controller is given. */
export interface ControllerContext<T extends ApiObject> {
  readonly client: Client;
  readonly clock: Clock;
  /** The primary objects, as the controller's watch has seen them. */
  readonly cache: CacheReader<T>;
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
}

interface Source {
  /** The triggers of one watch, given the primary cache's writer and reader. */
  readonly triggers: (primary: {
    readonly writer: CacheWriter<ApiObject>;
    readonly reader: CacheReader<ApiObject>;
  }) => Observable<ObjectKey>;
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
    return new ControllerBuilder<never>(options, undefined, [], 1, undefined);
  }

  private constructor(
    private readonly options: ControllerOptions,
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
    const source: Source = {
      triggers: () =>
        this.watchChanges(type, scope).pipe(
          mergeMap((object) => {
            const owner = this.controllingOwner(object);
            return owner === undefined ? EMPTY : [owner];
          }),
        ),
    };
    return this.with(source);
  }

  /** Any other resource: `mapToRequests` says which keys a change of one of its objects reconciles. */
  watches<W extends ApiObject>(
    type: ResourceType<W>,
    mapToRequests: (object: W) => readonly ObjectKey[],
    scope: WatchScope<W> = {},
  ): ControllerBuilder<T> {
    return this.with({
      triggers: () =>
        this.watchChanges(type, scope).pipe(mergeMap((object) => mapToRequests(object))),
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
    const { client, clock } = this.options;
    const store = createStore<T>();
    const context: ControllerContext<T> = { client, clock, cache: store.reader };
    const concurrency = this.concurrency;
    const sources = this.sources;
    const resyncEvery = this.resyncEvery;
    const rateLimiter = this.options.rateLimiter;
    const primaryTriggers = watcher(
      client,
      primary.type,
      this.watcherOptions(primary.type, primary.scope),
    ).pipe(
      changesThrough(store.reader, primary.scope.predicate),
      reflectorAfter(store.writer),
      map((object) => keyOf(object)),
    );
    return {
      cache: store.reader,
      run: () => {
        const shared = {
          writer: store.writer as unknown as CacheWriter<ApiObject>,
          reader: store.reader as unknown as CacheReader<ApiObject>,
        };
        const triggers = merge(
          primaryTriggers,
          ...sources.map((source) => source.triggers(shared)),
          resyncEvery === undefined
            ? EMPTY
            : interval(resyncEvery, clock.scheduler).pipe(
                mergeMap(() => store.reader.list().map((object) => keyOf(object))),
              ),
        );
        return applier({
          reconcile,
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

  /** The objects of a secondary watch that changed as its predicate wants. */
  private watchChanges<W extends ApiObject>(
    type: ResourceType<W>,
    scope: WatchScope<W>,
  ): Observable<W> {
    const store = createStore<W>();
    return watcher(this.options.client, type, this.watcherOptions(type, scope)).pipe(
      changesThrough(store.reader, scope.predicate),
      reflectorAfter(store.writer),
    );
  }

  /** The options of a watch of `type`: the clock, the scope, the failure report. */
  private watcherOptions<W extends ApiObject>(
    type: ResourceType<W>,
    scope: WatchScope<W>,
  ): WatcherOptions {
    const report = this.options.onWatchFailure;
    return {
      clock: this.options.clock,
      ...watchOptionsOf(scope),
      ...(report === undefined
        ? {}
        : {
            onBackoff: (backoff: WatcherBackoff) =>
              report({ type: type as unknown as ResourceType<ApiObject>, backoff }),
          }),
    };
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

/** A watched change paired with the object its cache held before. */
interface PendingChange<T extends ApiObject> {
  readonly event: WatcherEvent<T>;
  readonly trigger: T | undefined;
}

/**
 * Decides, before the cache is updated (so the old object is still there), which
 * events trigger: applies and deletes the predicate passes, and every object of a
 * (re)list.
 */
function changesThrough<T extends ApiObject>(
  cache: CacheReader<T>,
  predicate: Predicate<T> | undefined,
): OperatorFunction<WatcherEvent<T>, PendingChange<T>> {
  return map((event) => {
    switch (event.type) {
      case 'initApply':
        return { event, trigger: event.object };
      case 'apply':
      case 'delete': {
        if (predicate === undefined) {
          return { event, trigger: event.object };
        }
        const old = cache.get(keyOf(event.object));
        const change =
          old === undefined
            ? { type: event.type, object: event.object }
            : { type: event.type, object: event.object, old };
        return { event, trigger: predicate(change) ? event.object : undefined };
      }
      case 'init':
      case 'initDone':
        return { event, trigger: undefined };
    }
  });
}

/**
 * Applies each event to the cache (what the `reflector` operator does), then emits the
 * objects that trigger. The objects of a (re)list are emitted once it is done: the
 * cache swaps a list in only then, and a reconcile started earlier would not find its
 * object in it.
 */
function reflectorAfter<T extends ApiObject>(
  writer: CacheWriter<T>,
): OperatorFunction<PendingChange<T>, T> {
  return (changes) =>
    new Observable<T>((subscriber) => {
      let listed: T[] = [];
      return changes.subscribe({
        next: ({ event, trigger }) => {
          writer.apply(event);
          if (event.type === 'init') {
            listed = [];
          } else if (event.type === 'initApply') {
            if (trigger !== undefined) {
              listed.push(trigger);
            }
          } else if (event.type === 'initDone') {
            const done = listed;
            listed = [];
            for (const object of done) {
              subscriber.next(object);
            }
          } else if (trigger !== undefined) {
            subscriber.next(trigger);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
