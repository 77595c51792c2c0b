/**
 * The components a local cluster runs by default, by name, each built from the
 * cluster's client and clock: kube-controller-manager's controllers, the scheduler and
 * kube-proxy. Kubelets are per node (see `create-cluster.ts`).
 *
 * @module
 */
import type { ApiServer } from '../apiserver/index.js';
import type { Clock } from '../clock/index.js';
import type { Client } from '../client/index.js';
import {
  clusterRoleAggregationController,
  deploymentController,
  endpointSliceController,
  endpointsController,
  garbageCollector,
  namespaceController,
  nodeLifecycleController,
  podGarbageCollector,
  replicaSetController,
  taintEvictionController,
} from '../controllers/index.js';
import type { KubeProxy } from '../proxy/index.js';
import type { SharedInformers } from '../reconcile/informer/index.js';
import type { Scheduler } from '../scheduler/index.js';
import { controllerComponent, type ClusterComponent } from './cluster-component.js';

/** What a component is built from. */
export interface ClusterContext {
  /** A client as `system:admin` (through the cluster's client endpoint). */
  readonly client: Client;
  readonly clock: Clock;
  readonly server: ApiServer;
  /** The cluster's seeded randomness (the scheduler's ties, kube-proxy's random balancing). */
  readonly random: () => number;
  /**
   * The controllers' shared informers (one watch and cache per resource type, as in
   * kube-controller-manager); a custom controller given them shares their watches.
   */
  readonly informers: SharedInformers;
}

/** Builds a component from the cluster's context. */
export type ComponentFactory = (context: ClusterContext) => ClusterComponent;

/** The names of the components a cluster runs by default, in the order they start. */
export const BUILT_IN_COMPONENT_NAMES = Object.freeze([
  'garbage-collector',
  'namespace',
  'deployment',
  'replicaset',
  'node-lifecycle',
  'taint-eviction',
  'pod-gc',
  'endpoints',
  'endpointslice',
  'clusterrole-aggregation',
  'scheduler',
  'kube-proxy',
] as const);

/** A component a cluster runs by default. */
export type BuiltInComponentName = (typeof BUILT_IN_COMPONENT_NAMES)[number];

/** The scheduler as a component. */
export function schedulerComponent(built: Scheduler, name = 'scheduler'): ClusterComponent {
  return { kind: 'agent', name, run: () => built.run() };
}

/** kube-proxy as a component. */
export function proxyComponent(built: KubeProxy, name = 'kube-proxy'): ClusterComponent {
  return { kind: 'agent', name, run: () => built.run() };
}

/**
 * The default factory of each built-in component. The scheduler and kube-proxy are
 * not here: the cluster builds them itself, so that it can hand them out
 * (`cluster.scheduler`, `cluster.proxy`).
 */
export const BUILT_IN_CONTROLLERS: Readonly<
  Record<Exclude<BuiltInComponentName, 'scheduler' | 'kube-proxy'>, ComponentFactory>
> = Object.freeze({
  'garbage-collector': ({ client, clock, server, informers }) =>
    controllerComponent(
      'garbage-collector',
      garbageCollector({ client, clock, registry: server.registry, informers }),
    ),
  namespace: ({ client, clock, server }) =>
    controllerComponent('namespace', namespaceController({ client, clock, server })),
  deployment: ({ client, clock, informers }) =>
    controllerComponent('deployment', deploymentController({ client, clock, informers })),
  replicaset: ({ client, clock, informers }) =>
    controllerComponent('replicaset', replicaSetController({ client, clock, informers })),
  'node-lifecycle': ({ client, clock, informers }) => ({
    kind: 'agent',
    name: 'node-lifecycle',
    run: () => nodeLifecycleController({ client, clock, informers }).run(),
  }),
  'taint-eviction': ({ client, clock, informers }) => ({
    kind: 'agent',
    name: 'taint-eviction',
    run: () => taintEvictionController({ client, clock, informers }).run(),
  }),
  'pod-gc': ({ client, clock, informers }) => ({
    kind: 'agent',
    name: 'pod-gc',
    run: () => podGarbageCollector({ client, clock, informers }).run(),
  }),
  endpoints: ({ client, clock, informers }) =>
    controllerComponent('endpoints', endpointsController({ client, clock, informers })),
  endpointslice: ({ client, clock, informers }) =>
    controllerComponent('endpointslice', endpointSliceController({ client, clock, informers })),
  'clusterrole-aggregation': ({ client, clock }) =>
    controllerComponent(
      'clusterrole-aggregation',
      clusterRoleAggregationController({ client, clock }),
    ),
});
