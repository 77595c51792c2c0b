/**
 * The scheduling framework's types: plugins and their extension points, the cycle
 * state, and the scheduler's view of nodes and pods.
 *
 * @module
 */
export * from './cycle-state.js';
export * from './node-info.js';
export * from './node-resource-columns.js';
export * from './plugin.js';
export * from './plugin-status.js';
