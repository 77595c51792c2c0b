/**
 * The NodeUnschedulable scheduler plugin.
 *
 * @module
 */
export {
  NODE_UNSCHEDULABLE,
  NODE_WAS_UNSCHEDULABLE,
  nodeUnschedulable,
} from './node-unschedulable.js';
