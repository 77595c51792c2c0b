/**
 * The EndpointSlice controller: for each Service with a selector, the
 * `discovery.k8s.io/v1` EndpointSlices that list its pods' endpoints.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { merge } from 'rxjs';
import { SERVICE_NAME_LABEL, type EndpointSlice, type Service } from '../../api/kinds/index.js';
import type { Clock } from '../../clock/index.js';
import {
  EndpointSlices,
  keyOf,
  Nodes,
  objectKeyString,
  type Client,
  type ObjectKey,
} from '../../client/index.js';
import { awaitChange, type Action } from '../../reconcile/action.js';
import { createStore } from '../../reconcile/cache/index.js';
import { applier, type Controller } from '../../reconcile/controller/index.js';
import { watcher, type WatcherEvent } from '../../reconcile/watcher/index.js';
import { managedSelectorOf } from '../endpoints/endpoint-rules.js';
import { OwnWrites } from '../endpoints/own-writes.js';
import { podsSelectedBy } from '../endpoints/pod-label-index.js';
import { sharedInformers, type SharedInformers } from '../../reconcile/informer/index.js';
import { watchServicesAndPods } from '../endpoints/service-pod-watch.js';
import {
  addressTypesOf,
  desiredPortGroups,
  type PortGroup,
  type SliceAddressType,
} from './desired-endpoints.js';
import { ENDPOINT_SLICE_CONTROLLER_NAME, MANAGED_BY_LABEL } from './endpoint-slice-shape.js';
import { planSlices } from './slice-plan.js';
import { flatMapSync } from '../../reconcile/operators/index.js';

/** Upstream's default `--max-endpoints-per-slice`. */
export const DEFAULT_MAX_ENDPOINTS_PER_SLICE = 100;

/** What the EndpointSlice controller needs. */
export interface EndpointSliceControllerOptions {
  /** The client it watches services, pods, nodes and slices with, and writes slices with. */
  readonly client: Client;
  /** The clock of its watches and queue. */
  readonly clock: Clock;
  /** At most this many endpoints per slice ({@link DEFAULT_MAX_ENDPOINTS_PER_SLICE} by default, 1 to 1000). */
  readonly maxEndpointsPerSlice?: number;
  /** How many services reconcile at once (default 1). */
  readonly concurrency?: number;
  /** The informers of services, pods and nodes to share (its own when absent). */
  readonly informers?: SharedInformers;
}

const SERVICE_INDEX = 'service';

/**
 * Reconciles the EndpointSlices of Services (upstream's EndpointSlice controller):
 * - a Service with a selector (not `ExternalName`) gets slices named
 *   `<service>-<random>` (`generateName`), labelled `kubernetes.io/service-name` and
 *   `endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io` (plus
 *   its own labels, and `service.kubernetes.io/headless` without a cluster IP),
 *   controlled by the Service (`blockOwnerDeletion`), one address type each;
 * - endpoints are computed by `podToEndpoint` (terminating pods included, not ready,
 *   serving per readiness; zone from the node's `topology.kubernetes.io/zone`), and
 *   packed by `planSlices` (in place, at most `maxEndpointsPerSlice` each, a
 *   placeholder slice when there is none);
 * - a deleted Service's slices are left to the garbage collector (owner references),
 *   as upstream.
 *
 * Guarantees: writes only what changed; never acts on a cache older than its own
 * last writes (it waits for the watch), so it never creates duplicate slices; reads
 * pods, nodes and slices from caches; pod events reach only the services selecting
 * the pod.
 *
 * Errors: failed writes are thrown and retried with backoff; a
 * `maxEndpointsPerSlice` outside 1 to 1000 throws a `RangeError` at once.
 *
 * Caveats: no `endpoints.kubernetes.io/last-change-trigger-time` annotation, no
 * topology hints, no events; a node's zone is read when its service syncs (a zone
 * label added later shows at the next change of the service's pods); a pod on a node
 * the cache does not know is kept (upstream skips it until the node appears).
 */
export function endpointSliceController(
  options: EndpointSliceControllerOptions,
): Controller<Service> {
  const { client, clock } = options;
  const max = options.maxEndpointsPerSlice ?? DEFAULT_MAX_ENDPOINTS_PER_SLICE;
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw new RangeError(`maxEndpointsPerSlice must be an integer from 1 to 1000, got ${max}`);
  }
  const informers = options.informers ?? sharedInformers({ client, clock });
  const watch = watchServicesAndPods({ client, clock, informers });
  const slices = createStore<EndpointSlice>({
    indexers: { [SERVICE_INDEX]: (slice) => [serviceKeyOfSlice(slice)] },
  });
  const nodes = informers.forType(Nodes);
  const ownWrites = new OwnWrites<EndpointSlice>({ cache: slices.reader });
  const ready = Promise.all([
    watch.services.ready,
    watch.pods.ready,
    slices.reader.ready,
    nodes.cache.ready,
  ]);

  const sliceTriggers = watcher(client, EndpointSlices, {
    clock,
    labelSelector: `${MANAGED_BY_LABEL}=${ENDPOINT_SLICE_CONTROLLER_NAME}`,
  }).pipe(
    flatMapSync((event: WatcherEvent<EndpointSlice>): readonly ObjectKey[] => {
      switch (event.type) {
        case 'init':
        case 'initApply':
          slices.writer.apply(event);
          return [];
        case 'initDone': {
          const relist = slices.reader.isReady;
          slices.writer.apply(event);
          return relist ? ownWrites.reset().map(parseKey) : [];
        }
        case 'apply':
        case 'delete': {
          slices.writer.apply(event);
          const objectKey = objectKeyString(keyOf(event.object));
          const trigger = ownWrites.observe({ type: event.type, objectKey, object: event.object });
          return trigger ? [parseKey(serviceKeyOfSlice(event.object))] : [];
        }
      }
    }),
  );
  // Nodes are read (their zones), never a trigger.
  const nodeWatch = nodes.events$.pipe(flatMapSync(() => [] as ObjectKey[]));

  const reconcile = async (request: ObjectKey): Promise<Action> => {
    await ready;
    const key = objectKeyString(request);
    if (ownWrites.isStale(key)) {
      return awaitChange();
    }
    const service = watch.services.get(key);
    const selector = service === undefined ? undefined : managedSelectorOf(service);
    if (service === undefined || selector === undefined) {
      return awaitChange();
    }
    const pods = podsSelectedBy({
      pods: watch.pods,
      namespace: service.metadata?.namespace ?? '',
      selector,
    });
    const desired = new Map<SliceAddressType, Map<string, PortGroup>>();
    for (const addressType of addressTypesOf(service)) {
      desired.set(
        addressType,
        desiredPortGroups({
          service,
          pods,
          addressType,
          nodeNamed: (name) => nodes.cache.get(name),
        }),
      );
    }
    const plan = planSlices({
      service,
      existing: slices.reader.byIndex(SERVICE_INDEX, key),
      desired,
      maxEndpointsPerSlice: max,
    });
    await writePlan({
      client,
      ownWrites,
      owner: key,
      plan,
      creating: service.metadata?.deletionTimestamp === undefined,
    });
    return awaitChange();
  };

  return {
    cache: watch.services,
    run: () =>
      applier({
        reconcile,
        context: undefined,
        triggers: merge(watch.triggers, sliceTriggers, nodeWatch),
        clock,
        concurrency: options.concurrency ?? 1,
      }),
  };
}

/** Creates (unless the service is being deleted), updates, then deletes, recording each write. */
async function writePlan(options: {
  readonly client: Client;
  readonly ownWrites: OwnWrites<EndpointSlice>;
  readonly owner: string;
  readonly plan: ReturnType<typeof planSlices>;
  readonly creating: boolean;
}): Promise<void> {
  const { client, ownWrites, owner, plan, creating } = options;
  const failures: string[] = [];
  const note = (verb: string, slice: EndpointSlice, message: string | undefined): void => {
    failures.push(
      `cannot ${verb} EndpointSlice ${slice.metadata?.name ?? slice.metadata?.generateName ?? ''}: ${message ?? ''}`,
    );
  };
  for (const slice of creating ? plan.create : []) {
    const created = await client.create(EndpointSlices, slice);
    if (isLeft(created)) {
      note('create', slice, created.left.message);
    } else {
      ownWrites.record({
        owner,
        objectKey: objectKeyString(keyOf(created.right)),
        written: created.right,
      });
    }
  }
  for (const slice of plan.update) {
    const updated = await client.update(EndpointSlices, slice);
    if (isLeft(updated)) {
      note('update', slice, updated.left.message);
    } else {
      ownWrites.record({
        owner,
        objectKey: objectKeyString(keyOf(updated.right)),
        written: updated.right,
      });
    }
  }
  for (const slice of plan.delete) {
    const deleted = await client.delete(EndpointSlices, keyOf(slice));
    if (isLeft(deleted) && deleted.left.code !== 404) {
      note('delete', slice, deleted.left.message);
    } else {
      ownWrites.record({ owner, objectKey: objectKeyString(keyOf(slice)), written: undefined });
    }
  }
  if (failures.length > 0) {
    throw new Error(`syncing the EndpointSlices of Service ${owner}: ${failures.join('; ')}`);
  }
}

/** `namespace/service` of a slice, from its `kubernetes.io/service-name` label. */
function serviceKeyOfSlice(slice: EndpointSlice): string {
  return `${slice.metadata?.namespace ?? ''}/${slice.metadata?.labels?.[SERVICE_NAME_LABEL] ?? ''}`;
}

function parseKey(key: string): ObjectKey {
  const slash = key.indexOf('/');
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
