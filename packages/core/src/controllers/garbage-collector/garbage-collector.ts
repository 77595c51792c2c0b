/**
 * The garbage collector: deletes objects whose owners are gone, and carries out the
 * `orphan` and `foregroundDeletion` finalizers the apiserver sets for a delete's
 * `propagationPolicy`.
 *
 * @module
 */
import { merge, Observable, Subject } from 'rxjs';
import type { ResourceRegistry } from '../../api/registry/index.js';
import { jsonEqual, type ApiObject } from '../../apiserver/index.js';
import type { Client } from '../../client/client.js';
import type { ObjectKey } from '../../client/resource-type.js';
import type { Clock } from '../../clock/index.js';
import { applier, type ReconcileOutcome } from '../../reconcile/controller/index.js';
import {
  examineObject,
  isDeletingDependents,
  type GarbageCollectorContext,
  ownersLookSolid,
} from './examine-object.js';
import type { SharedInformers } from '../../reconcile/informer/index.js';
import { ResourceMonitors, type MonitorEvent } from './resource-monitors.js';
import { flatMapSync } from '../../reconcile/operators/index.js';

/** What {@link garbageCollector} needs. */
export interface GarbageCollectorOptions {
  /** Reads and deletes objects of every resource: it needs `list`, `watch`, `get`, `patch` and `delete` everywhere. */
  readonly client: Client;
  readonly clock: Clock;
  /** The served resources (`server.registry`): every one with `list` and `watch` is watched. */
  readonly registry: ResourceRegistry;
  /** How many objects are examined at once. Default 1. */
  readonly concurrency?: number;
  /** The informers to share (its own when absent). */
  readonly informers?: SharedInformers;
}

/** A garbage collector, ready to run. */
export interface GarbageCollector {
  /**
   * Watches every served resource and examines objects as they change, until
   * unsubscribed. Emits the outcome of every examination, keyed by the object's uid
   * (`request.name`). Never errors: failures are outcomes, retried with backoff.
   */
  run(): Observable<ReconcileOutcome>;
}

/**
 * A garbage collector over the apiserver `registry` serves, acting through `client`.
 *
 * Guarantees (as upstream's garbage collector):
 * - background: an object whose owners (matched by uid, in its namespace or
 *   cluster-scoped) are all gone is deleted, after a live read confirms each absence;
 *   an object left with some owners loses the references to the absent ones;
 * - foreground: an owner being deleted with the `foregroundDeletion` finalizer has its
 *   dependents deleted (in the foreground too); the finalizer is removed once no
 *   dependent with `blockOwnerDeletion: true` remains;
 * - orphan: an owner being deleted with the `orphan` finalizer has the references to it
 *   removed from its dependents, then the finalizer;
 * - every write is conditional (a delete precondition on uid, `test` operations in
 *   JSON patches), so it never acts on an object that changed since it was read.
 *
 * Caveats: dependents are found in caches, which lag; an owner whose kind is not
 * served keeps its dependent retried with backoff; reference cycles between owners
 * waiting on their dependents are not broken (upstream unblocks them).
 */
export function garbageCollector(options: GarbageCollectorOptions): GarbageCollector {
  return {
    run: () =>
      new Observable<ReconcileOutcome>((subscriber) => {
        const monitors = new ResourceMonitors(options);
        const queued = new Subject<ObjectKey>();
        const context: GarbageCollectorContext = {
          client: options.client,
          monitors,
          enqueue: (uid) => queued.next({ name: uid }),
        };
        const triggers = merge(
          queued,
          monitors.events$.pipe(flatMapSync((event) => keysToExamine(event, monitors))),
        );
        const outcomes = applier({
          reconcile: examineObject,
          context,
          triggers,
          clock: options.clock,
          ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
        }).subscribe(subscriber);
        monitors.start();
        return () => {
          outcomes.unsubscribe();
          monitors.stop();
        };
      }),
  };
}

/**
 * The objects a change may concern, as uid keys: a listed object; a changed object
 * itself when it is being deleted, or is new or has new owner references and an owner
 * does not look solid (upstream's graph builder enqueues no more: a change of status
 * leaves the collector alone); for a deleted one, its dependents (their owner may be
 * gone); and, either way, its owners (before and after the change) that wait on their
 * dependents (one fewer may block them).
 */
function keysToExamine({ change }: MonitorEvent, monitors: ResourceMonitors): readonly ObjectKey[] {
  const uids: string[] = [];
  if (change.type === 'synced') {
    for (const object of change.objects) {
      uids.push(object.metadata?.uid ?? '', ...ownersDeletingDependents(object, monitors));
    }
  } else {
    const uid = change.object.metadata?.uid ?? '';
    if (change.type === 'delete') {
      uids.push(...monitors.dependentsOf(uid).map(({ object }) => object.metadata?.uid ?? ''));
    } else if (needsExamination(change.object, change.old, monitors)) {
      uids.push(uid);
    }
    uids.push(...ownersDeletingDependents(change.object, monitors));
    if (change.old !== undefined) {
      uids.push(...ownersDeletingDependents(change.old, monitors));
    }
  }
  return uids.filter((key) => key !== '').map((key) => ({ name: key }));
}

function needsExamination(
  object: ApiObject,
  old: ApiObject | undefined,
  monitors: ResourceMonitors,
): boolean {
  if (object.metadata?.deletionTimestamp !== undefined) {
    return true;
  }
  const references = object.metadata?.ownerReferences;
  if (
    old !== undefined &&
    old.metadata?.deletionTimestamp === undefined &&
    jsonEqual(old.metadata?.ownerReferences, references)
  ) {
    return false;
  }
  return !ownersLookSolid(object, monitors);
}

function ownersDeletingDependents(object: ApiObject, monitors: ResourceMonitors): string[] {
  return (object.metadata?.ownerReferences ?? [])
    .filter((reference) => {
      const owner = monitors.byUid(reference.uid);
      return owner !== undefined && isDeletingDependents(owner.object);
    })
    .map((reference) => reference.uid);
}
