/**
 * Where a kubelet learns of the pods bound to its node: a per-node watch, or one
 * watch shared by every kubelet of a simulated cluster.
 *
 * @module
 */
import { Observable, type Subscriber, type Subscription } from 'rxjs';
import type { Pod } from '../api/kinds/index.js';
import { Pods, type Client } from '../client/index.js';
import type { Clock } from '../clock/index.js';
import { watcher } from '../reconcile/watcher/index.js';
import type { WatcherEvent } from '../reconcile/watcher/index.js';

/**
 * The pods bound to the node `nodeName` (`spec.nodeName`), as {@link WatcherEvent}s:
 * `init`, an `initApply` per pod, `initDone`, then `apply` / `delete` as pods change,
 * arrive or leave; a relist starts again with `init`.
 *
 * Guarantees expected of an implementation: events follow the watcher's grammar; a
 * pod leaving the node (or deleted) is a `delete`; unsubscribing stops the events.
 */
export type PodSource = (nodeName: string) => Observable<WatcherEvent<Pod>>;

/** What a pod source needs. */
export interface PodSourceOptions {
  readonly client: Client;
  /** The clock of the watch's back-off. */
  readonly clock: Clock;
}

/**
 * A {@link PodSource} with one watch per node: a `watcher` over pods with the field
 * selector `spec.nodeName=<node>` (what a real kubelet does).
 *
 * Caveat: each watch is one more watcher in the apiserver; with thousands of nodes,
 * every pod event is filtered once per node. Prefer {@link sharedPodSource} there.
 */
export function watchPodsOfNode(options: PodSourceOptions): PodSource {
  return (nodeName) =>
    watcher(options.client, Pods, {
      clock: options.clock,
      fieldSelector: `spec.nodeName=${nodeName}`,
    });
}

/** A subscriber of {@link sharedPodSource} and whether it has had the current list. */
interface NodeSubscriber {
  readonly subscriber: Subscriber<WatcherEvent<Pod>>;
  /** `false` until it has had an `init ... initDone` of the current list. */
  synced: boolean;
}

/**
 * A {@link PodSource} over ONE `watcher` of all pods, dispatched by `spec.nodeName` to
 * the subscribers of each node.
 *
 * - The watch starts with the first subscriber and stops when the last one leaves.
 * - `init` and `initDone` go to every subscriber, `initApply` / `apply` / `delete` to
 *   those of the pod's node. A pod whose `spec.nodeName` changes is a `delete` for
 *   its old node and an `apply` for its new one; pods bound to no node go nowhere.
 * - A subscriber that arrives after a list gets one of its own at once
 *   (`init`, its node's pods, `initDone`), built from what the watch has seen; one that
 *   arrives during a list gets it when the list is done.
 *
 * Guarantees: each subscriber sees the watcher's grammar; its objects are the
 * watcher's, by reference.
 *
 * Caveats: the pods bound to nodes are held in memory (by reference) while anyone
 * subscribes; a late subscriber's list is a pass over all of them.
 */
export function sharedPodSource(options: PodSourceOptions): PodSource {
  const subscribers = new Map<string, Set<NodeSubscriber>>();
  let subscriberCount = 0;
  // The pods bound to a node, by identity (one map, one lookup per event: every pod
  // event of the cluster passes here). A pod's node is its `spec.nodeName`.
  let bound = new Map<string, Pod>();
  // The list being received (between init and initDone), or undefined.
  let listing: Map<string, Pod> | undefined;
  let listed = false;
  let watch: Subscription | undefined;

  const each = (nodeName: string, event: WatcherEvent<Pod>): void => {
    const entries = subscribers.get(nodeName);
    if (entries === undefined) {
      return;
    }
    for (const entry of entries) {
      if (entry.synced) {
        entry.subscriber.next(event);
      }
    }
  };
  const replay = (nodeName: string, entry: NodeSubscriber): void => {
    entry.subscriber.next({ type: 'init' });
    for (const object of bound.values()) {
      if (object.spec?.nodeName === nodeName) {
        entry.subscriber.next({ type: 'initApply', object });
      }
    }
    entry.subscriber.next({ type: 'initDone' });
    entry.synced = true;
  };

  const onEvent = (event: WatcherEvent<Pod>): void => {
    switch (event.type) {
      case 'init':
        listing = new Map();
        for (const entries of subscribers.values()) {
          for (const entry of entries) {
            if (entry.synced) {
              entry.subscriber.next(event);
            }
          }
        }
        return;
      case 'initApply': {
        const nodeName = event.object.spec?.nodeName;
        if (listing !== undefined && nodeName !== undefined && nodeName !== '') {
          listing.set(podIdentity(event.object), event.object);
          each(nodeName, event);
        }
        return;
      }
      case 'initDone':
        if (listing !== undefined) {
          bound = listing;
          listing = undefined;
        }
        listed = true;
        for (const [nodeName, entries] of subscribers) {
          for (const entry of entries) {
            if (entry.synced) {
              entry.subscriber.next(event);
            } else {
              replay(nodeName, entry);
            }
          }
        }
        return;
      case 'apply': {
        const id = podIdentity(event.object);
        const nodeName = event.object.spec?.nodeName;
        const onNode = nodeName !== undefined && nodeName !== '';
        const previous = bound.get(id);
        const previousNode = previous?.spec?.nodeName;
        if (previous !== undefined && previousNode !== nodeName) {
          if (!onNode) {
            bound.delete(id);
          }
          each(previousNode ?? '', { type: 'delete', object: previous });
        }
        if (onNode) {
          bound.set(id, event.object);
          each(nodeName, event);
        }
        return;
      }
      case 'delete': {
        const id = podIdentity(event.object);
        const previous = bound.get(id);
        if (previous !== undefined) {
          bound.delete(id);
          each(previous.spec?.nodeName ?? '', event);
        }
        return;
      }
    }
  };

  const stop = (): void => {
    watch?.unsubscribe();
    watch = undefined;
    bound = new Map();
    listing = undefined;
    listed = false;
  };

  return (nodeName) =>
    new Observable<WatcherEvent<Pod>>((subscriber) => {
      const entry: NodeSubscriber = { subscriber, synced: false };
      let entries = subscribers.get(nodeName);
      if (entries === undefined) {
        entries = new Set();
        subscribers.set(nodeName, entries);
      }
      entries.add(entry);
      subscriberCount++;
      if (watch === undefined) {
        watch = watcher(options.client, Pods, { clock: options.clock }).subscribe(onEvent);
      } else if (listed && listing === undefined) {
        replay(nodeName, entry);
      }
      return () => {
        const current = subscribers.get(nodeName);
        current?.delete(entry);
        if (current?.size === 0) {
          subscribers.delete(nodeName);
        }
        subscriberCount--;
        if (subscriberCount === 0) {
          stop();
        }
      };
    });
}

/**
 * What identifies a pod for the life of the object: its `metadata.uid` (a string the
 * apiserver made once, cheap as a map key), or its `namespace/name` when it has none.
 */
export function podIdentity(pod: Pod): string {
  return pod.metadata?.uid ?? podKey(pod);
}

/** A pod's `namespace/name`. */
export function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}
