/**
 * The parts a local cluster runs, and where it runs them: every control-plane
 * component (a controller, the scheduler, a kubelet, kube-proxy) is a
 * {@link ClusterComponent}, started by a {@link ComponentHost}.
 *
 * @module
 */
import type { Observable, Subscription } from 'rxjs';
import type { ApiObject } from '../apiserver/index.js';
import type { Controller, ReconcileOutcome } from '../reconcile/index.js';

/**
 * A component of the cluster:
 * - `controller`: a reconciler built with the SDK, whose `run()` emits reconcile outcomes
 *   (the garbage collector, the ReplicaSet controller, yours);
 * - `agent`: anything else that runs until unsubscribed (the scheduler, a kubelet,
 *   kube-proxy); what its `run()` emits is its own.
 */
export type ClusterComponent =
  | {
      readonly kind: 'controller';
      /** Its name, unique in the cluster: `replicaset`, `garbage-collector`, ... */
      readonly name: string;
      readonly controller: Pick<Controller<ApiObject>, 'run'>;
    }
  | {
      readonly kind: 'agent';
      /** Its name, unique in the cluster: `scheduler`, `kubelet/node-1`, `kube-proxy`. */
      readonly name: string;
      run(): Observable<unknown>;
    };

/** A started component: stop it to unsubscribe. */
export interface StartedComponent {
  readonly name: string;
  stop(): void;
}

/**
 * Where the cluster starts its components. The default host subscribes to each one;
 * the test harness's host also traces controllers' reconciles and reports failures
 * from `settle`.
 */
export interface ComponentHost {
  start(component: ClusterComponent): StartedComponent;
}

/**
 * The default host: subscribes to each component's `run()`, and hands an error (a
 * component's own failure, a bug: components do not error for API failures) to
 * `onError`.
 */
export function subscribingHost(options: {
  readonly onError: (name: string, error: unknown) => void;
}): ComponentHost {
  return {
    start: (component) => {
      const run: Observable<unknown> =
        component.kind === 'controller' ? component.controller.run() : component.run();
      const subscription: Subscription = run.subscribe({
        error: (error: unknown) => options.onError(component.name, error),
      });
      return { name: component.name, stop: () => subscription.unsubscribe() };
    },
  };
}

/** A controller as a component. */
export function controllerComponent(
  name: string,
  controller: { run(): Observable<ReconcileOutcome> },
): ClusterComponent {
  return { kind: 'controller', name, controller };
}
