/**
 * The garbage collector's view of the cluster: one watcher and cache per served
 * resource that supports list and watch, kept in step with the resource registry, and
 * the owner → dependents graph read from their `metadata.ownerReferences`.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Subject, type Observable, type Subscription } from 'rxjs';
import type { OwnerReference } from '../../api/meta/owner-reference.js';
import {
  parseApiVersion,
  type ResourceDefinition,
  type ResourceRegistry,
} from '../../api/registry/index.js';
import type { ApiObject } from '../../apiserver/index.js';
import type { Client } from '../../client/client.js';
import { resourceType, type ResourceType } from '../../client/resource-type.js';
import type { Clock } from '../../clock/index.js';
import { OWNER_UID_INDEX, type CacheReader } from '../../reconcile/cache/index.js';
import {
  sharedInformers,
  type InformerEvent,
  type SharedInformers,
} from '../../reconcile/informer/index.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** An object as a cache holds it, with the resource type it belongs to. */
export interface MonitoredObject {
  readonly type: ResourceType;
  readonly object: ApiObject;
}

/**
 * One change of one monitored resource, emitted once its cache holds it (an `apply`
 * or `delete` carries the object the cache held before as `old`, so that owners a
 * change removed are known).
 */
export interface MonitorEvent {
  readonly type: ResourceType;
  readonly change: InformerEvent<ApiObject>;
}

/** What {@link ResourceMonitors} needs. */
export interface ResourceMonitorsOptions {
  readonly client: Client;
  readonly clock: Clock;
  /** The served resources: monitored as they come and go. */
  readonly registry: ResourceRegistry;
  /** The informers to share (its own when absent). */
  readonly informers?: SharedInformers;
}

interface Monitor {
  readonly type: ResourceType;
  readonly cache: CacheReader<ApiObject>;
  readonly subscription: Subscription;
}

// ---------------------------------------------------------------------------
// monitors
// ---------------------------------------------------------------------------

/**
 * Follows every served resource that supports `list` and `watch` (in the preferred
 * version of its group, once per group and resource), each through its informer.
 *
 * Guarantees: after {@link ResourceMonitors.start}, a resource registered later (a CRD
 * established) is monitored at once and one unregistered stops being monitored;
 * {@link ResourceMonitors.events$} emits every change after its cache holds it, so
 * readers already see it. Lookups answer from memory.
 *
 * Caveats: caches lag behind the apiserver, so what they say is a hint to verify with
 * a live read before acting; a resource is monitored in one version only.
 */
export class ResourceMonitors {
  /** Every change of every monitored resource, once its cache holds it. */
  readonly events$: Observable<MonitorEvent>;

  private readonly events = new Subject<MonitorEvent>();
  private readonly monitors = new Map<string, Monitor>();
  private registryChanges: Subscription | undefined;

  private readonly informers: SharedInformers;
  // Every monitored object by uid, kept with the changes (one lookup, not one per resource).
  private readonly uids = new Map<string, MonitoredObject>();

  /** Monitors of `options.registry`'s resources, not started. */
  constructor(private readonly options: ResourceMonitorsOptions) {
    this.events$ = this.events.asObservable();
    this.informers =
      options.informers ?? sharedInformers({ client: options.client, clock: options.clock });
  }

  /** Starts monitoring the served resources, and follows the registry's changes. */
  start(): void {
    this.registryChanges ??= this.options.registry.changes$.subscribe(() => this.sync());
    this.sync();
  }

  /** Stops every watcher and forgets every cache. */
  stop(): void {
    this.registryChanges?.unsubscribe();
    this.registryChanges = undefined;
    for (const monitor of this.monitors.values()) {
      monitor.subscription.unsubscribe();
    }
    this.monitors.clear();
    this.uids.clear();
  }

  /** The object with this `metadata.uid`, in any cache. */
  byUid(uid: string): MonitoredObject | undefined {
    return this.uids.get(uid);
  }

  /** Every cached object with an owner reference to `uid`. */
  dependentsOf(uid: string): readonly MonitoredObject[] {
    const dependents: MonitoredObject[] = [];
    for (const { type, cache } of this.monitors.values()) {
      for (const object of cache.byIndex(OWNER_UID_INDEX, uid)) {
        dependents.push({ type, object });
      }
    }
    return dependents;
  }

  /**
   * The resource type an owner reference points at: its `apiVersion` and `kind` if
   * served, else its group and kind in any served version; `undefined` if neither.
   */
  typeOfOwner(reference: OwnerReference): ResourceType | undefined {
    const parsed = parseApiVersion(reference.apiVersion);
    if (isLeft(parsed)) {
      return undefined;
    }
    const { group, version } = parsed.right;
    const { registry } = this.options;
    const definition =
      registry.byGroupVersionKind({ group, version, kind: reference.kind }) ??
      registry
        .resources()
        .find((candidate) => candidate.group === group && candidate.kind === reference.kind);
    return definition === undefined ? undefined : typeOfDefinition(definition);
  }

  /** Starts the monitors the registry now calls for, and stops those it no longer does. */
  private sync(): void {
    const wanted = new Map<string, ResourceDefinition>();
    for (const definition of this.options.registry.resources()) {
      const id = monitorId(definition);
      if (!wanted.has(id) && isMonitorable(definition)) {
        const preferred =
          this.options.registry.byGroupResource({
            group: definition.group,
            resource: definition.plural,
          }) ?? definition;
        wanted.set(id, isMonitorable(preferred) ? preferred : definition);
      }
    }
    for (const [id, monitor] of this.monitors) {
      const definition = wanted.get(id);
      if (definition === undefined || definition.version !== monitor.type.version) {
        monitor.subscription.unsubscribe();
        this.monitors.delete(id);
        this.forgetType(monitor.type);
      }
    }
    for (const [id, definition] of wanted) {
      if (!this.monitors.has(id)) {
        this.monitors.set(id, this.monitor(typeOfDefinition(definition)));
      }
    }
  }

  private monitor(type: ResourceType): Monitor {
    const informer = this.informers.forType(type);
    const subscription = informer.events$.subscribe((change) => {
      this.track(type, change);
      this.events.next({ type, change });
    });
    return { type, cache: informer.cache, subscription };
  }

  /** Keeps the objects by uid in step with a change of `type`. */
  private track(type: ResourceType, change: InformerEvent<ApiObject>): void {
    switch (change.type) {
      case 'synced':
        this.forgetType(type);
        for (const object of change.objects) {
          this.uids.set(object.metadata?.uid ?? '', { type, object });
        }
        return;
      case 'apply': {
        const oldUid = change.old?.metadata?.uid;
        const uid = change.object.metadata?.uid ?? '';
        if (oldUid !== undefined && oldUid !== uid) {
          this.uids.delete(oldUid);
        }
        this.uids.set(uid, { type, object: change.object });
        return;
      }
      case 'delete':
        this.uids.delete(change.object.metadata?.uid ?? '');
        return;
    }
  }

  /** Drops the objects of `type` from the objects by uid. */
  private forgetType(type: ResourceType): void {
    for (const [uid, monitored] of this.uids) {
      if (monitored.type === type) {
        this.uids.delete(uid);
      }
    }
  }
}

/** The resource type of a served resource (untyped: the collector reads only metadata). */
export function typeOfDefinition(definition: ResourceDefinition): ResourceType {
  return resourceType({
    group: definition.group,
    version: definition.version,
    kind: definition.kind,
    plural: definition.plural,
    namespaced: definition.namespaced,
  });
}

function isMonitorable(definition: ResourceDefinition): boolean {
  return definition.verbs.includes('list') && definition.verbs.includes('watch');
}

function monitorId(definition: ResourceDefinition): string {
  return `${definition.plural}.${definition.group}`;
}
