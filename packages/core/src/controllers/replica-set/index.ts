/**
 * The ReplicaSet controller: keeps `spec.replicas` pods of each ReplicaSet running
 * (creating, deleting, adopting and releasing pods) and reports them in its status.
 *
 * @module
 */
export {
  replicaSetController,
  type ReplicaSetControllerOptions,
} from './replica-set-controller.js';
export { SLOW_START_INITIAL_BATCH } from './manage-replicas.js';
