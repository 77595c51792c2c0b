/**
 * Where a test environment starts the cluster's components: controllers are traced
 * like the test's own (their reconciles in the trace under their names), and every
 * component's activity keeps `settle` waiting.
 *
 * @module
 */
import type { Subscription } from 'rxjs';
import type { ClusterComponent, ComponentHost, StartedComponent } from '@drydock/core';
import type { ActivityTracker } from './activity-tracker.js';
import { runController, type RunningController } from './running-controller.js';
import type { TraceRecorder } from './trace.js';

/** A component started by the harness, with its failure, if it failed. */
export interface RunningComponent extends StartedComponent {
  /** Why it stopped on its own (a bug: components do not fail for API errors). */
  readonly failure: Error | undefined;
}

/**
 * A host that records what it starts: controllers go to `controllers` (as
 * {@link runController} runs them), other components to `agents`.
 */
export function harnessHost(options: {
  readonly trace: TraceRecorder;
  readonly tracker: ActivityTracker;
  readonly controllers: RunningController[];
  readonly agents: RunningComponent[];
}): ComponentHost {
  const { trace, tracker, controllers, agents } = options;
  return {
    start: (component: ClusterComponent): StartedComponent => {
      if (component.kind === 'controller') {
        const running = runController({
          controller: component.controller,
          name: component.name,
          trace,
          tracker,
        });
        controllers.push(running);
        return running;
      }
      let failure: Error | undefined;
      const subscription: Subscription = component.run().subscribe({
        next: () => tracker.touch(),
        error: (error: unknown) => {
          failure = error instanceof Error ? error : new Error(String(error));
          tracker.touch();
        },
      });
      const running: RunningComponent = {
        name: component.name,
        get failure() {
          return failure;
        },
        stop: () => subscription.unsubscribe(),
      };
      agents.push(running);
      return running;
    },
  };
}
