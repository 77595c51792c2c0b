/**
 * One node of a local cluster: its kubelet, its simulated container runtime, and
 * what a test does to a machine (stop the kubelet, cut it off the network, kill it).
 *
 * @module
 */
import { tap, type Observable } from 'rxjs';
import type { Taint } from '../api/kinds/index.js';
import type { Kubelet, KubeletEvent, SimulatedRuntime } from '../kubelet/index.js';
import type { ClusterComponent, ComponentHost, StartedComponent } from './cluster-component.js';

/** A node to create: every field has a default. */
export interface ClusterNodeSpec {
  /** Default `node-<n>`, counting the cluster's nodes from 1. */
  readonly name?: string;
  /** Default cpu 4, memory 16Gi, pods 110, ephemeral-storage 100Gi. */
  readonly capacity?: Readonly<Record<string, string>>;
  /** What pods may use; default: the capacity. */
  readonly allocatable?: Readonly<Record<string, string>>;
  /** Labels besides the kubelet's own (`kubernetes.io/hostname`, `os`, `arch`). */
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Taint[];
}

/** What a node's kubelet process is doing. */
export type ClusterNodeState = 'running' | 'stopped' | 'partitioned' | 'killed';

/**
 * A node of the cluster.
 *
 * Guarantees: `stop`, `partition` and `kill` take effect at once; the node lifecycle
 * controller notices on the clock (the lease stops being renewed).
 */
export interface ClusterNode {
  readonly name: string;
  readonly kubelet: Kubelet;
  readonly runtime: SimulatedRuntime;
  readonly state: ClusterNodeState;
  /** Stops the kubelet process: no more heartbeats or status; containers keep running. */
  stop(): void;
  /**
   * Starts the kubelet process again (a killed node's runtime comes back empty);
   * resolves once it has registered its Node.
   */
  start(): Promise<void>;
  /** Cuts the kubelet off from the apiserver; its containers keep running. */
  partition(): void;
  /** Ends a partition. */
  heal(): void;
  /** The machine dies: the kubelet stops and every container is gone. */
  kill(): void;
}

/** Builds the {@link ClusterNode} of a kubelet and its runtime, started on `host`. */
export function startClusterNode(options: {
  readonly kubelet: Kubelet;
  readonly runtime: SimulatedRuntime;
  readonly host: ComponentHost;
}): { readonly node: ClusterNode; readonly registered: Promise<void> } {
  const { kubelet, runtime, host } = options;
  let state: ClusterNodeState = 'stopped';
  let started: StartedComponent | undefined;
  const launch = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const component: ClusterComponent = {
        kind: 'agent',
        name: `kubelet/${kubelet.nodeName}`,
        run: (): Observable<KubeletEvent> =>
          kubelet.run().pipe(
            tap((event) => {
              if (event.type === 'NodeRegistered') {
                resolve();
              }
            }),
          ),
      };
      started = host.start(component);
      state = 'running';
    });
  const halt = (): void => {
    started?.stop();
    started = undefined;
  };
  const node: ClusterNode = {
    name: kubelet.nodeName,
    kubelet,
    runtime,
    get state() {
      return state;
    },
    stop: () => {
      halt();
      state = state === 'killed' ? 'killed' : 'stopped';
    },
    start: () => {
      if (started !== undefined) {
        return Promise.resolve();
      }
      if (state === 'killed') {
        runtime.revive();
      }
      return launch();
    },
    partition: () => {
      kubelet.partition();
      if (state === 'running') {
        state = 'partitioned';
      }
    },
    heal: () => {
      kubelet.heal();
      if (state === 'partitioned') {
        state = 'running';
      }
    },
    kill: () => {
      halt();
      runtime.kill();
      state = 'killed';
    },
  };
  return { node, registered: launch() };
}
