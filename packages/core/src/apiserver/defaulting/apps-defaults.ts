/**
 * Defaults of the `apps/v1` workloads, as upstream's `SetDefaults_Deployment` and
 * `SetDefaults_ReplicaSet`.
 *
 * @module
 */
import type { Deployment, ReplicaSet } from '../../api/kinds/apps-v1/index.js';
import { defaultPodSpec } from './pod-defaults.js';

/**
 * A deployment with its defaults: `replicas: 1`, strategy `RollingUpdate` with
 * `maxUnavailable` and `maxSurge` `25%`, `revisionHistoryLimit: 10`,
 * `progressDeadlineSeconds: 600`, and the pod template's spec defaulted as upstream
 * defaults a template's (see `defaultPodSpec`: not the defaults only pods get, such as
 * tolerations, a service account or requests from limits).
 */
export function defaultDeployment(deployment: Deployment): Deployment {
  const spec = deployment.spec;
  if (spec === undefined) {
    return deployment;
  }
  const strategy = spec.strategy ?? {};
  const type = strategy.type ?? 'RollingUpdate';
  const rollingUpdate =
    type === 'RollingUpdate'
      ? {
          ...strategy.rollingUpdate,
          maxUnavailable: strategy.rollingUpdate?.maxUnavailable ?? '25%',
          maxSurge: strategy.rollingUpdate?.maxSurge ?? '25%',
        }
      : undefined;
  const templateSpec =
    spec.template.spec === undefined ? undefined : defaultPodSpec(spec.template.spec);
  return {
    ...deployment,
    spec: {
      ...spec,
      replicas: spec.replicas ?? 1,
      strategy: { ...strategy, type, ...(rollingUpdate === undefined ? {} : { rollingUpdate }) },
      revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: spec.progressDeadlineSeconds ?? 600,
      template:
        templateSpec === undefined ? spec.template : { ...spec.template, spec: templateSpec },
    },
  };
}

/**
 * A replica set with its defaults: `replicas: 1` and the template's pod spec defaulted
 * as a template's (see `defaultPodSpec`).
 */
export function defaultReplicaSet(replicaSet: ReplicaSet): ReplicaSet {
  const spec = replicaSet.spec;
  if (spec === undefined) {
    return replicaSet;
  }
  const template = spec.template;
  const templateSpec = template?.spec === undefined ? undefined : defaultPodSpec(template.spec);
  return {
    ...replicaSet,
    spec: {
      ...spec,
      replicas: spec.replicas ?? 1,
      ...(template === undefined || templateSpec === undefined
        ? {}
        : { template: { ...template, spec: templateSpec } }),
    },
  };
}
