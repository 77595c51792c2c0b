/**
 * The watches the Endpoints and EndpointSlice controllers share: services and pods
 * into caches, and the services a change concerns.
 *
 * @module
 */
import { merge, type Observable } from 'rxjs';
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
import type { CacheReader } from '../../reconcile/cache/index.js';
import {
  sharedInformers,
  type InformerEvent,
  type SharedInformers,
} from '../../reconcile/informer/index.js';
import { podEndpointsChanged, sameStringMap } from './endpoint-rules.js';
import { byNamespacedLabel, NAMESPACED_LABEL_INDEX } from './pod-label-index.js';
import { ServiceSelectorIndex } from './service-selector-index.js';
import { flatMapSync } from '../../reconcile/operators/index.js';

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
   * service after a relist of pods. Subscribing starts both informers' watches (one
   * subscriber).
   */
  readonly triggers: Observable<ObjectKey>;
}

/**
 * Follows services and pods (through shared informers) and maps each change to the
 * services it concerns, through a {@link ServiceSelectorIndex} (no scan of all
 * services per pod event) and the pods' label index (no scan of a namespace per
 * service).
 */
export function watchServicesAndPods(options: {
  readonly client: Client;
  readonly clock: Clock;
  /** The informers of services and pods to share (its own when absent). */
  readonly informers?: SharedInformers;
}): ServicePodWatch {
  const { client, clock } = options;
  const informers = options.informers ?? sharedInformers({ client, clock });
  const services = informers.forType(Services);
  const pods = informers.forType(Pods, {
    indexers: { [NAMESPACED_LABEL_INDEX]: byNamespacedLabel },
  });
  const selectors = new ServiceSelectorIndex();

  const serviceTriggers = services.events$.pipe(
    flatMapSync((event: InformerEvent<Service>): readonly ObjectKey[] => {
      switch (event.type) {
        case 'synced': {
          const before = selectors.keys();
          selectors.clear();
          for (const service of event.objects) {
            selectors.put(service);
          }
          const gone = before.filter((key) => services.cache.get(key) === undefined);
          return [...event.objects.map((service) => keyOf(service)), ...gone];
        }
        case 'apply':
          selectors.put(event.object);
          return [keyOf(event.object)];
        case 'delete':
          selectors.remove(keyOf(event.object));
          return [keyOf(event.object)];
      }
    }),
  );

  let podsSynced = false;
  const podTriggers = pods.events$.pipe(
    flatMapSync((event: InformerEvent<Pod>): readonly ObjectKey[] => {
      switch (event.type) {
        case 'synced': {
          // The first list comes with the services' (which triggers them all); a
          // relist may have missed any change.
          const relist = podsSynced;
          podsSynced = true;
          return relist ? selectors.keys() : [];
        }
        case 'apply':
          return servicesConcerned(selectors, event.old, event.object);
        case 'delete':
          return selectors.servicesSelecting(event.old ?? event.object);
      }
    }),
  );

  return {
    services: services.cache,
    pods: pods.cache,
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
