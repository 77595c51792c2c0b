/**
 * A factory of shared informers: one per resource type, for every controller that
 * asks (client-go's `SharedInformerFactory`, kube-controller-manager's one watch per
 * resource).
 *
 * @module
 */
import type { ApiObject } from '../../apiserver/index.js';
import type { Clock } from '../../clock/index.js';
import type { Client, ResourceType } from '../../client/index.js';
import type { Indexer } from '../cache/index.js';
import type { WatcherBackoff } from '../watcher/index.js';
import { sharedInformer, type SharedInformer } from './shared-informer.js';

/** The shared informers of a set of controllers. */
export interface SharedInformers {
  /** The client every informer watches through. */
  readonly client: Client;
  /** The clock of their watches' backoff. */
  readonly clock: Clock;
  /**
   * The informer of `type`, created at the first call; `indexers` are added to its
   * cache (see {@link SharedInformer.addIndexers}).
   *
   * Errors: throws `IndexConflictError` for an index name another caller defined with
   * another function.
   */
  forType<T extends ApiObject>(
    type: ResourceType<T>,
    options?: { readonly indexers?: Readonly<Record<string, Indexer<T>>> },
  ): SharedInformer<T>;
}

/** What {@link sharedInformers} needs. */
export interface SharedInformersOptions {
  readonly client: Client;
  readonly clock: Clock;
  /** Called with each watch failure as its watcher backs off (to log or count). */
  readonly onWatchFailure?: (failure: {
    readonly type: ResourceType<ApiObject>;
    readonly backoff: WatcherBackoff;
  }) => void;
}

/**
 * Shared informers over `options.client`. Informers are made on demand and each
 * watches while it has handlers.
 */
export function sharedInformers(options: SharedInformersOptions): SharedInformers {
  const { client, clock, onWatchFailure } = options;
  const informers = new Map<string, SharedInformer<ApiObject>>();
  return {
    client,
    clock,
    forType<T extends ApiObject>(
      type: ResourceType<T>,
      forTypeOptions: { readonly indexers?: Readonly<Record<string, Indexer<T>>> } = {},
    ): SharedInformer<T> {
      const key = `${type.group}/${type.version}/${type.plural}`;
      let informer = informers.get(key) as SharedInformer<T> | undefined;
      if (informer === undefined) {
        informer = sharedInformer<T>({
          client,
          type,
          watch: {
            clock,
            ...(onWatchFailure === undefined
              ? {}
              : {
                  onBackoff: (backoff: WatcherBackoff) =>
                    onWatchFailure({
                      type: type as unknown as ResourceType<ApiObject>,
                      backoff,
                    }),
                }),
          },
        });
        informers.set(key, informer as unknown as SharedInformer<ApiObject>);
      }
      if (forTypeOptions.indexers !== undefined) {
        informer.addIndexers(forTypeOptions.indexers);
      }
      return informer;
    },
  };
}
