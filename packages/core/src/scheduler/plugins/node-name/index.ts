/**
 * The NodeName scheduler plugin.
 *
 * @module
 */
export { NODE_NAME, NODE_NAME_MISMATCH, nodeName } from './node-name.js';
