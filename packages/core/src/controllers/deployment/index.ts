/**
 * The Deployment controller: rolls each Deployment's pod template out through
 * ReplicaSets (RollingUpdate or Recreate), keeps its revision history, and reports
 * the rollout in its status.
 *
 * @module
 */
export { deploymentController, type DeploymentControllerOptions } from './deployment-controller.js';
export {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
} from './annotations.js';
export { DeploymentConditionType, DeploymentReason } from './deployment-conditions.js';
export { computePodTemplateHash } from './pod-template-hash.js';
