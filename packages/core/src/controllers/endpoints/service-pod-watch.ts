/**
 * The watches the Endpoints and EndpointSlice controllers share: services and pods
 * into caches, and the services a change concerns.
 *
 * @module
 */
import { merge, mergeMap, type Observable } from 'rxjs';
import type { Pod, Service } from '../../api/kinds/index.js';
import type { Clock } from '../../clock/index.js';
import {
  keyOf,
  objectKeyString,
  Pods,
  Services,
  type Client,
  type ObjectKey,
} from '../../client/index.js';
import { createStore, type CacheReader } from '../../reconcile/cache/index.js';
import { watcher, type WatcherEvent } from '../../reconcile/watcher/index.js';
import { podEndpointsChanged, sameStringMap } from './endpoint-rules.js';
import { byNamespacedLabel, NAMESPACED_LABEL_INDEX } from './pod-label-index.js';
import { ServiceSelectorIndex } from './service-selector-index.js';

/** Services and pods as the controllers see them, and the services to reconcile. */
export interface ServicePodWatch {
  /** The services, as watched. */
  readonly services: CacheReader<Service>;
  /** The pods, as watched, indexed by {@link NAMESPACED_LABEL_INDEX}. */
  readonly pods: CacheReader<Pod>;
  /**
   * The keys of the services to reconcile: every service change (and, after a relist,
   * the services gone meanwhile), and the services selecting a pod before or after a
   * change of it that can change endpoints (see `podEndpointsChanged`); every
   * service after a relist of pods. Subscribing starts both watches (one subscriber).
   */
  readonly triggers: Observable<ObjectKey>;
}

/**
 * Watches services and pods into caches and maps each change to the services it
 * concerns, through a {@link ServiceSelectorIndex} (no scan of all services per pod
 * event) and the pods' label index (no scan of a namespace per service).
 */
export function watchServicesAndPods(options: {
  readonly client: Client;
  readonly clock: Clock;
}): ServicePodWatch {
  const { client, clock } = options;
  const services = createStore<Service>();
  const pods = createStore<Pod>({ indexers: { [NAMESPACED_LABEL_INDEX]: byNamespacedLabel } });
  const selectors = new ServiceSelectorIndex();

  const serviceTriggers = watcher(client, Services, { clock }).pipe(
    mergeMap((event: WatcherEvent<Service>): readonly ObjectKey[] => {
      switch (event.type) {
        case 'init':
          services.writer.apply(event);
          return [];
        case 'initApply':
          services.writer.apply(event);
          return [keyOf(event.object)];
        case 'initDone': {
          const before = selectors.keys();
          services.writer.apply(event);
          selectors.clear();
          for (const service of services.reader.list()) {
            selectors.put(service);
          }
          return before.filter((key) => services.reader.get(key) === undefined);
        }
        case 'apply':
          services.writer.apply(event);
          selectors.put(event.object);
          return [keyOf(event.object)];
        case 'delete':
          services.writer.apply(event);
          selectors.remove(keyOf(event.object));
          return [keyOf(event.object)];
      }
    }),
  );

  const podTriggers = watcher(client, Pods, { clock }).pipe(
    mergeMap((event: WatcherEvent<Pod>): readonly ObjectKey[] => {
      switch (event.type) {
        case 'init':
        case 'initApply':
          pods.writer.apply(event);
          return [];
        case 'initDone': {
          const relist = pods.reader.isReady;
          pods.writer.apply(event);
          return relist ? selectors.keys() : [];
        }
        case 'apply': {
          const old = pods.reader.get(objectKeyString(keyOf(event.object)));
          pods.writer.apply(event);
          return servicesConcerned(selectors, old, event.object);
        }
        case 'delete': {
          const old = pods.reader.get(objectKeyString(keyOf(event.object))) ?? event.object;
          pods.writer.apply(event);
          return selectors.servicesSelecting(old);
        }
      }
    }),
  );

  return {
    services: services.reader,
    pods: pods.reader,
    triggers: merge(serviceTriggers, podTriggers),
  };
}

/** The services a pod change concerns: none when nothing endpoints show changed. */
function servicesConcerned(
  selectors: ServiceSelectorIndex,
  old: Pod | undefined,
  current: Pod,
): readonly ObjectKey[] {
  if (old === undefined) {
    return selectors.servicesSelecting(current);
  }
  if (!podEndpointsChanged(old, current)) {
    return [];
  }
  const now = selectors.servicesSelecting(current);
  if (sameStringMap(old.metadata?.labels, current.metadata?.labels)) {
    return now;
  }
  const seen = new Set(now.map((key) => objectKeyString(key)));
  return [
    ...now,
    ...selectors.servicesSelecting(old).filter((key) => !seen.has(objectKeyString(key))),
  ];
}
