/**
 * The node lifecycle controller: notices nodes whose kubelet went silent, marks them
 * `Unknown`, and keeps the node taints that say so.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Observable, type Subscriber } from 'rxjs';
import { NODE_LEASE_NAMESPACE, type Lease, type Node } from '../../api/kinds/index.js';
import type { Status } from '../../api/status/index.js';
import { formatTime } from '../../apiserver/index.js';
import { toMillis, type Clock, type Duration } from '../../clock/index.js';
import { Leases, Nodes, type Client } from '../../client/index.js';
import { createStore, type CacheReader } from '../../reconcile/cache/index.js';
import { createEventRecorder } from '../../reconcile/helpers/index.js';
import {
  sharedInformers,
  type InformerEvent,
  type SharedInformers,
} from '../../reconcile/informer/index.js';
import { watcher, type WatcherEvent } from '../../reconcile/watcher/index.js';
import { markPodsNotReady } from './mark-pods-not-ready.js';
import { conditionsOfLostNode } from './node-conditions.js';
import {
  newNodeHealth,
  observeNodeHealth,
  readyConditionOf,
  type GracePeriods,
  type NodeHealth,
} from './node-health.js';
import { taintsForNodeState } from './node-taints.js';

/** What {@link nodeLifecycleController} needs. */
export interface NodeLifecycleControllerOptions {
  /** Reads Nodes, Leases and Pods; writes node status and taints, pod status, Events. */
  readonly client: Client;
  /** The clock of its passes and of every timestamp it writes. */
  readonly clock: Clock;
  /** How often every node is checked. Default 5 s (`--node-monitor-period`). */
  readonly nodeMonitorPeriod?: Duration;
  /** How long a node that posted `Ready` may be silent. Default 50 s (`--node-monitor-grace-period`). */
  readonly nodeMonitorGracePeriod?: Duration;
  /** How long a node that never posted `Ready` may be silent. Default 60 s. */
  readonly nodeStartupGracePeriod?: Duration;
  /** The informers of nodes to share (its own when absent); leases have their own watch. */
  readonly informers?: SharedInformers;
}

/** What the controller did, as {@link NodeLifecycleController.run} reports it. */
export type NodeLifecycleEvent =
  | { readonly _tag: 'NodeStatusUnknown'; readonly node: string }
  | { readonly _tag: 'TaintsUpdated'; readonly node: string; readonly taints: readonly string[] }
  | { readonly _tag: 'PodsMarkedNotReady'; readonly node: string; readonly pods: readonly string[] }
  | {
      readonly _tag: 'WriteFailed';
      readonly node: string;
      readonly what: 'status' | 'taints' | 'pods';
      readonly status: Status;
    };

/** A node lifecycle controller, ready to run. */
export interface NodeLifecycleController {
  /**
   * Watches Nodes and node Leases and checks every node each monitor period, until
   * unsubscribed (which stops the watches and the clock timer). Emits what it did;
   * never errors: a failed write is a `WriteFailed` event, retried at a later pass.
   */
  run(): Observable<NodeLifecycleEvent>;
}

/**
 * The node lifecycle controller (upstream's `nodelifecycle`, its essentials):
 * - every `nodeMonitorPeriod`, for each node, the last probe is when the controller
 *   last saw a new `Ready` heartbeat or a renewed Lease (`kube-node-lease/<node>`);
 *   once it is older than the grace period (`nodeStartupGracePeriod` for a node that
 *   never posted `Ready`), `Ready`, `MemoryPressure`, `DiskPressure` and `PIDPressure`
 *   become `Unknown` (reason `NodeStatusUnknown`, message
 *   `Kubelet stopped posting node status.`), an Event `NodeNotReady` is recorded on the
 *   node, and its pods' `Ready` condition turns `False` (`MarkPodsNotReady`);
 * - keeps the node's taints in step with its state, as soon as the node changes:
 *   `Ready=Unknown` → `node.kubernetes.io/unreachable` NoSchedule and NoExecute
 *   (with `timeAdded`), `Ready=False` → `node.kubernetes.io/not-ready` likewise,
 *   `Ready=True` → neither; pressure conditions → their NoSchedule taints;
 *   `spec.unschedulable` → `node.kubernetes.io/unschedulable:NoSchedule`.
 *
 * Guarantees: nothing is written unless something changes; a pass over nodes that
 * are fine allocates nothing; one write at a time per node, each conditional on the
 * node's `resourceVersion` (a conflict is retried at the next pass or node change).
 * Evicting the pods is the taint eviction controller's work.
 *
 * Caveats: no zone disruption states and no eviction rate limits (upstream slows
 * NoExecute tainting when a zone is largely unhealthy); a (re)started controller gives
 * every node a full grace period, as upstream.
 *
 * Errors: throws `InvalidDurationError` (when called) for an invalid duration.
 */
export function nodeLifecycleController(
  options: NodeLifecycleControllerOptions,
): NodeLifecycleController {
  const { client, clock } = options;
  const monitorPeriod = toMillis(options.nodeMonitorPeriod ?? '5s');
  const grace: GracePeriods = {
    monitorGraceMillis: toMillis(options.nodeMonitorGracePeriod ?? '50s'),
    startupGraceMillis: toMillis(options.nodeStartupGracePeriod ?? '60s'),
  };
  return {
    run: () =>
      new Observable<NodeLifecycleEvent>((subscriber) => {
        const nodeInformer = (options.informers ?? sharedInformers({ client, clock })).forType(
          Nodes,
        );
        const session = new NodeLifecycleSession({
          client,
          clock,
          grace,
          subscriber,
          nodes: nodeInformer.cache,
        });
        const nodes = nodeInformer.events$.subscribe((event) => session.onNodeEvent(event));
        const leases = watcher(client, Leases, {
          clock,
          namespace: NODE_LEASE_NAMESPACE,
        }).subscribe((event) => session.onLeaseEvent(event));
        const timer = clock.setInterval(() => session.monitorNodeHealth(), monitorPeriod);
        return () => {
          session.stopped = true;
          timer.cancel();
          nodes.unsubscribe();
          leases.unsubscribe();
        };
      }),
  };
}

/** One run of the controller: its caches, its health records, its writes. */
class NodeLifecycleSession {
  stopped = false;
  readonly #client: Client;
  readonly #clock: Clock;
  readonly #grace: GracePeriods;
  readonly #subscriber: Subscriber<NodeLifecycleEvent>;
  readonly #nodes: CacheReader<Node>;
  readonly #leases = createStore<Lease>();
  readonly #health = new Map<string, NodeHealth>();
  readonly #recorder;

  constructor(options: {
    readonly client: Client;
    readonly clock: Clock;
    readonly grace: GracePeriods;
    readonly subscriber: Subscriber<NodeLifecycleEvent>;
    readonly nodes: CacheReader<Node>;
  }) {
    this.#nodes = options.nodes;
    this.#client = options.client;
    this.#clock = options.clock;
    this.#grace = options.grace;
    this.#subscriber = options.subscriber;
    this.#recorder = createEventRecorder({
      client: options.client,
      clock: options.clock,
      component: 'node-controller',
    });
  }

  onNodeEvent(event: InformerEvent<Node>): void {
    switch (event.type) {
      case 'apply': {
        const health = this.#healthOf(event.object);
        health.node = event.object;
        this.#syncTaints(health);
        return;
      }
      case 'delete':
        this.#health.delete(event.object.metadata?.name ?? '');
        return;
      case 'synced':
        for (const [name, health] of this.#health) {
          const node = this.#nodes.get(name);
          if (node === undefined) {
            this.#health.delete(name);
          } else {
            health.node = node;
          }
        }
        for (const node of event.objects) {
          this.#syncTaints(this.#healthOf(node));
        }
        return;
    }
  }

  onLeaseEvent(event: WatcherEvent<Lease>): void {
    this.#leases.writer.apply(event);
  }

  /** One pass over every node (upstream's `monitorNodeHealth`). */
  monitorNodeHealth(): void {
    if (this.stopped || !this.#nodes.isReady || !this.#leases.reader.isReady) {
      return;
    }
    const now = this.#clock.now();
    for (const health of this.#health.values()) {
      const lease = this.#leases.reader.get(health.leaseKey);
      const gracePeriod = observeNodeHealth({ health, lease, now, grace: this.#grace });
      if (health.writing) {
        continue;
      }
      if (now > health.probeTimestamp + gracePeriod) {
        const conditions = conditionsOfLostNode(health.node, formatTime(now));
        if (conditions !== undefined) {
          void this.#write(health, () => this.#markUnknown(health, conditions));
          continue;
        }
      }
      if (health.podsToMarkNotReady) {
        void this.#write(health, () => this.#markPodsNotReady(health));
      } else if (health.taintsCheckedFor !== health.node) {
        this.#syncTaints(health);
      }
    }
  }

  #healthOf(node: Node): NodeHealth {
    const name = node.metadata?.name ?? '';
    let health = this.#health.get(name);
    if (health === undefined) {
      health = newNodeHealth(node);
      this.#health.set(name, health);
    }
    return health;
  }

  #syncTaints(health: NodeHealth): void {
    if (this.stopped || health.writing || health.taintsCheckedFor === health.node) {
      return;
    }
    void this.#write(health, () => this.#writeTaints(health));
  }

  /** Runs one write for the node, never two at once; stray failures become events. */
  async #write(health: NodeHealth, write: () => Promise<void>): Promise<void> {
    health.writing = true;
    try {
      await write();
    } finally {
      health.writing = false;
    }
    if (
      !this.stopped &&
      health.taintsCheckedFor !== health.node &&
      this.#health.get(health.name) === health
    ) {
      this.#syncTaints(health);
    }
  }

  async #markUnknown(
    health: NodeHealth,
    conditions: ReturnType<typeof conditionsOfLostNode>,
  ): Promise<void> {
    const node = health.node;
    const wasReady = readyConditionOf(node)?.status === 'True';
    const written = await this.#client.patchStatus(
      Nodes,
      { name: health.name },
      {
        type: 'merge',
        body: {
          metadata: { resourceVersion: node.metadata?.resourceVersion },
          status: { conditions },
        },
      },
    );
    if (this.stopped) {
      return;
    }
    if (isLeft(written)) {
      this.#emit({ _tag: 'WriteFailed', node: health.name, what: 'status', status: written.left });
      return;
    }
    this.#adoptWritten(health, written.right);
    this.#emit({ _tag: 'NodeStatusUnknown', node: health.name });
    if (wasReady) {
      await this.#recorder.event(written.right, {
        type: 'Normal',
        reason: 'NodeNotReady',
        message: `Node ${health.name} status is now: NodeNotReady`,
      });
      health.podsToMarkNotReady = true;
    }
    await this.#writeTaints(health);
    if (health.podsToMarkNotReady) {
      await this.#markPodsNotReady(health);
    }
  }

  async #writeTaints(health: NodeHealth): Promise<void> {
    const node = health.node;
    const taints = taintsForNodeState(node, formatTime(this.#clock.now()));
    if (taints === undefined) {
      health.taintsCheckedFor = node;
      return;
    }
    const written = await this.#client.patch(
      Nodes,
      { name: health.name },
      {
        type: 'merge',
        body: { metadata: { resourceVersion: node.metadata?.resourceVersion }, spec: { taints } },
      },
    );
    if (this.stopped) {
      return;
    }
    if (isLeft(written)) {
      // A conflict means a newer node is on its way through the watch: it is checked then.
      if (written.left.code !== 409 && written.left.code !== 404) {
        this.#emit({
          _tag: 'WriteFailed',
          node: health.name,
          what: 'taints',
          status: written.left,
        });
      }
      return;
    }
    this.#adoptWritten(health, written.right);
    health.taintsCheckedFor = written.right;
    this.#emit({
      _tag: 'TaintsUpdated',
      node: health.name,
      taints: taints.map((taint) => `${taint.key}:${taint.effect}`),
    });
  }

  async #markPodsNotReady(health: NodeHealth): Promise<void> {
    const result = await markPodsNotReady({
      client: this.#client,
      recorder: this.#recorder,
      nodeName: health.name,
      now: formatTime(this.#clock.now()),
    });
    if (this.stopped) {
      return;
    }
    health.podsToMarkNotReady = result.failures.length > 0;
    if (result.marked.length > 0) {
      this.#emit({ _tag: 'PodsMarkedNotReady', node: health.name, pods: result.marked });
    }
    for (const failure of result.failures) {
      this.#emit({ _tag: 'WriteFailed', node: health.name, what: 'pods', status: failure.status });
    }
  }

  /** Takes a node the controller wrote as the latest, unless the watch brought a newer one. */
  #adoptWritten(health: NodeHealth, written: Node): void {
    const seen = Number(health.node.metadata?.resourceVersion ?? '0');
    const mine = Number(written.metadata?.resourceVersion ?? '0');
    if (!(seen > mine)) {
      health.node = written;
    }
  }

  #emit(event: NodeLifecycleEvent): void {
    if (!this.stopped) {
      this.#subscriber.next(event);
    }
  }
}
