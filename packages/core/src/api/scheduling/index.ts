/**
 * Scheduling helpers over the API's types: node selectors, node affinity, taints and
 * tolerations, read exactly as upstream's component-helpers do, so the scheduler and
 * the controllers agree.
 *
 * @module
 */
export * from './node-affinity.js';
export * from './tolerations.js';
