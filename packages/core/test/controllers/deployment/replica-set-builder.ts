/**
 * ReplicaSets and rollout parameters for the pure tests of the Deployment controller.
 *
 * @module
 */
import type { ReplicaSet } from '../../../src/api/kinds/index.js';
import type { RolloutParameters } from '../../../src/controllers/deployment/rollout-parameters.js';

/** A ReplicaSet `name` of `replicas`, created `minute` minutes past midnight. */
export function replicaSet(
  name: string,
  options: {
    readonly replicas: number;
    readonly available?: number;
    readonly statusReplicas?: number;
    readonly minute?: number;
    readonly revision?: number;
    readonly desired?: number;
    readonly max?: number;
  },
): ReplicaSet {
  const annotations: Record<string, string> = {};
  if (options.revision !== undefined) {
    annotations['deployment.kubernetes.io/revision'] = String(options.revision);
  }
  if (options.desired !== undefined) {
    annotations['deployment.kubernetes.io/desired-replicas'] = String(options.desired);
  }
  if (options.max !== undefined) {
    annotations['deployment.kubernetes.io/max-replicas'] = String(options.max);
  }
  const minute = String(options.minute ?? 0).padStart(2, '0');
  return {
    metadata: {
      name,
      uid: `uid-${name}`,
      generation: 1,
      creationTimestamp: `2025-01-01T00:${minute}:00Z`,
      annotations,
    },
    spec: { replicas: options.replicas, selector: { matchLabels: { app: 'web' } } },
    status: {
      replicas: options.statusReplicas ?? options.replicas,
      availableReplicas: options.available ?? options.replicas,
      observedGeneration: 1,
    },
  };
}

/** Rollout parameters: a rolling update of `replicas` unless told otherwise. */
export function parameters(overrides: Partial<RolloutParameters> = {}): RolloutParameters {
  return {
    replicas: 10,
    strategy: 'RollingUpdate',
    maxSurge: 3,
    maxUnavailable: 2,
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    minReadySeconds: 0,
    paused: false,
    ...overrides,
  };
}
