/**
 * The taint eviction controller: evicts pods from nodes whose NoExecute taints they
 * do not tolerate, at once or after their `tolerationSeconds`.
 *
 * @module
 */
export {
  taintEvictionController,
  type TaintEvictionController,
  type TaintEvictionControllerOptions,
  type TaintEvictionEvent,
} from './taint-eviction-controller.js';
export { evictionDecision, noExecuteTaintsOf, type EvictionDecision } from './eviction-deadline.js';
export { evictPod } from './evict-pod.js';
