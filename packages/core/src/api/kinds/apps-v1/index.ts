/**
 * The `apps/v1` API group as codecs: {@link Deployment} ({@link DeploymentSpec},
 * {@link DeploymentStrategy}, {@link DeploymentStatus}) and {@link ReplicaSet}
 * ({@link ReplicaSetSpec}, {@link ReplicaSetStatus}), each with its `<Kind>List`.
 * (StatefulSet, DaemonSet and ControllerRevision are not modelled yet.)
 *
 * @module
 */
export {
  Deployment,
  DeploymentCondition,
  DeploymentList,
  DeploymentSpec,
  DeploymentStatus,
  DeploymentStrategy,
  RollingUpdateDeployment,
} from './deployment.js';
export {
  ReplicaSet,
  ReplicaSetCondition,
  ReplicaSetList,
  ReplicaSetSpec,
  ReplicaSetStatus,
} from './replica-set.js';
