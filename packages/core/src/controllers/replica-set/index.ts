/**
 * The ReplicaSet controller: keeps `spec.replicas` pods of each ReplicaSet running
 * (creating, deleting, adopting and releasing pods) and reports them in its status.
 *
 * @module
 */
export {
  DEFAULT_REPLICA_SET_CONCURRENCY,
  replicaSetController,
  type ReplicaSetControllerOptions,
} from './replica-set-controller.js';
export {
  manageReplicas,
  SLOW_START_INITIAL_BATCH,
  type WriteExpectations,
} from './manage-replicas.js';
export { compareForDeletion, podsToDelete } from './pods-to-delete.js';
export { EXPECTATIONS_TIMEOUT_MS, ReplicaSetExpectations } from './expectations.js';
