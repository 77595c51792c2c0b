/**
 * The Endpoints controller: for each Service with a selector, an Endpoints object of
 * the same name listing the ready and not-ready addresses of its pods, with their ports.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { merge } from 'rxjs';
import type { Endpoints, EndpointSubset, Service } from '../../api/kinds/index.js';
import type { Status } from '../../api/status/index.js';
import { jsonEqual } from '../../apiserver/index.js';
import { withFields, withoutFields } from '../../apiserver/object-copy.js';
import type { Clock } from '../../clock/index.js';
import {
  EndpointsType,
  keyOf,
  objectKeyString,
  type Client,
  type ObjectKey,
} from '../../client/index.js';
import { awaitChange, type Action } from '../../reconcile/action.js';
import { createStore } from '../../reconcile/cache/index.js';
import { applier, type Controller } from '../../reconcile/controller/index.js';
import { watcher, type WatcherEvent } from '../../reconcile/watcher/index.js';
import {
  HEADLESS_SERVICE_LABEL,
  isServiceIPSet,
  managedSelectorOf,
  sameStringMap,
} from './endpoint-rules.js';
import { desiredSubsets } from './endpoint-subsets.js';
import { OwnWrites } from './own-writes.js';
import { podsSelectedBy } from './pod-label-index.js';
import type { SharedInformers } from '../../reconcile/informer/index.js';
import { watchServicesAndPods } from './service-pod-watch.js';
import { flatMapSync } from '../../reconcile/operators/index.js';

/** The annotation of a leader-election record upstream keeps in Endpoints: never cleaned up. */
export const LEADER_ELECTION_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';

/** What the Endpoints controller needs. */
export interface EndpointsControllerOptions {
  /** The client it watches services, pods and endpoints with, and writes endpoints with. */
  readonly client: Client;
  /** The clock of its watches and queue. */
  readonly clock: Clock;
  /** How many services reconcile at once (default 1). */
  readonly concurrency?: number;
  /** The informers of services and pods to share (its own when absent). */
  readonly informers?: SharedInformers;
}

/**
 * Reconciles the Endpoints of Services (upstream's endpoints controller):
 * - a Service with a selector (not `ExternalName`) gets an Endpoints object of its
 *   name and namespace whose `subsets` are computed by {@link desiredSubsets} from
 *   the pods its selector selects; labels are the Service's, plus
 *   `service.kubernetes.io/headless: ""` when it has no cluster IP;
 * - a Service without a selector is left alone (its Endpoints are the user's);
 * - when a Service is deleted, its Endpoints are deleted (they have no owner
 *   reference, as upstream); at start, Endpoints without a Service are deleted too,
 *   except leader-election records.
 *
 * Guarantees: writes only when subsets or labels changed (compared semantically, in
 * a deterministic order); never acts on a cache older than its own last write (it
 * waits for the watch to catch up); pods are read from a cache indexed by label and
 * pod events reach only the services selecting the pod.
 *
 * Errors: failed writes are thrown and retried with backoff; creating in a
 * terminating namespace is dropped, as upstream.
 *
 * Caveats: no `endpoints.kubernetes.io/last-change-trigger-time` annotation, no
 * truncation above 1000 addresses (`endpoints.kubernetes.io/over-capacity`), no
 * `FailedToCreateEndpoint` events, no batching period of pod updates.
 */
export function endpointsController(options: EndpointsControllerOptions): Controller<Service> {
  const { client, clock, informers } = options;
  const watch = watchServicesAndPods({
    client,
    clock,
    ...(informers === undefined ? {} : { informers }),
  });
  const endpoints = createStore<Endpoints>();
  const ownWrites = new OwnWrites<Endpoints>({ cache: endpoints.reader });
  const ready = Promise.all([watch.services.ready, watch.pods.ready, endpoints.reader.ready]);

  const endpointsTriggers = watcher(client, EndpointsType, { clock }).pipe(
    flatMapSync((event: WatcherEvent<Endpoints>): readonly ObjectKey[] => {
      switch (event.type) {
        case 'init':
        case 'initApply':
          endpoints.writer.apply(event);
          return [];
        case 'initDone': {
          endpoints.writer.apply(event);
          ownWrites.reset();
          // As upstream's leftover check: every Endpoints once, so those without a Service go.
          return endpoints.reader
            .list()
            .filter(
              (object) => object.metadata?.annotations?.[LEADER_ELECTION_ANNOTATION] === undefined,
            )
            .map((object) => keyOf(object));
        }
        case 'apply':
        case 'delete': {
          endpoints.writer.apply(event);
          const key = keyOf(event.object);
          const objectKey = objectKeyString(key);
          const foreign = ownWrites.observe({ type: event.type, objectKey, object: event.object });
          // Another writer's change matters only for a Service whose Endpoints are managed.
          const service = watch.services.get(objectKey);
          return foreign && service !== undefined && managedSelectorOf(service) !== undefined
            ? [key]
            : [];
        }
      }
    }),
  );

  const reconcile = async (request: ObjectKey): Promise<Action> => {
    await ready;
    const key = objectKeyString(request);
    if (ownWrites.isStale(key)) {
      return awaitChange();
    }
    const service = watch.services.get(key);
    if (service === undefined) {
      await deleteEndpoints({
        client,
        ownWrites,
        request,
        key,
        present: endpoints.reader.get(key) !== undefined,
      });
      return awaitChange();
    }
    const selector = managedSelectorOf(service);
    if (selector === undefined) {
      return awaitChange();
    }
    const namespace = service.metadata?.namespace ?? '';
    const subsets = desiredSubsets(
      service,
      podsSelectedBy({ pods: watch.pods, namespace, selector }),
    );
    const labels = endpointsLabels(service);
    const current = endpoints.reader.get(key);
    if (
      current !== undefined &&
      jsonEqual(current.subsets ?? [], subsets) &&
      sameStringMap(current.metadata?.labels, labels)
    ) {
      return awaitChange();
    }
    const written =
      current === undefined
        ? await client.create(EndpointsType, {
            apiVersion: 'v1',
            kind: 'Endpoints',
            metadata: {
              namespace,
              name: service.metadata?.name ?? '',
              ...(labels === undefined ? {} : { labels }),
            },
            ...(subsets.length === 0 ? {} : { subsets: [...subsets] }),
          })
        : await client.update(EndpointsType, replaceSubsets(current, subsets, labels));
    if (isLeft(written)) {
      if (current === undefined && isNamespaceTerminating(written.left)) {
        return awaitChange();
      }
      throw new Error(
        `cannot ${current === undefined ? 'create' : 'update'} Endpoints ${key}: ${written.left.message ?? ''}`,
      );
    }
    ownWrites.record({ owner: key, objectKey: key, written: written.right });
    return awaitChange();
  };

  return {
    cache: watch.services,
    run: () =>
      applier({
        reconcile,
        context: undefined,
        triggers: merge(watch.triggers, endpointsTriggers),
        clock,
        concurrency: options.concurrency ?? 1,
      }),
  };
}

/** The labels of a Service's Endpoints: the Service's, plus the headless label when it has no cluster IP. */
function endpointsLabels(service: Service): Readonly<Record<string, string>> | undefined {
  const labels = service.metadata?.labels;
  if (isServiceIPSet(service)) {
    if (labels?.[HEADLESS_SERVICE_LABEL] === undefined) {
      return labels;
    }
    const { [HEADLESS_SERVICE_LABEL]: _headless, ...others } = labels;
    return others;
  }
  return { ...labels, [HEADLESS_SERVICE_LABEL]: '' };
}

/** `current` with `subsets` and `labels` (each removed when empty), other fields kept. */
function replaceSubsets(
  current: Endpoints,
  subsets: readonly EndpointSubset[],
  labels: Readonly<Record<string, string>> | undefined,
): Endpoints {
  const metadata = withoutFields(current.metadata ?? {}, new Set(['labels']));
  const base = withoutFields(current, new Set(['subsets', 'metadata']));
  return withFields(base, {
    metadata: labels === undefined ? metadata : withFields(metadata, { labels: { ...labels } }),
    ...(subsets.length === 0 ? {} : { subsets: [...subsets] }),
  });
}

/** Deletes the Endpoints of a deleted Service, when the cache holds them. */
async function deleteEndpoints(options: {
  readonly client: Client;
  readonly ownWrites: OwnWrites<Endpoints>;
  readonly request: ObjectKey;
  readonly key: string;
  readonly present: boolean;
}): Promise<void> {
  const { client, ownWrites, request, key, present } = options;
  if (!present) {
    return;
  }
  const deleted = await client.delete(EndpointsType, request);
  if (isLeft(deleted) && deleted.left.code !== 404) {
    throw new Error(`cannot delete Endpoints ${key}: ${deleted.left.message ?? ''}`);
  }
  ownWrites.record({ owner: key, objectKey: key, written: undefined });
}

function isNamespaceTerminating(status: Status): boolean {
  return (
    status.code === 403 &&
    (status.details?.causes ?? []).some((cause) => cause.reason === 'NamespaceTerminating')
  );
}
