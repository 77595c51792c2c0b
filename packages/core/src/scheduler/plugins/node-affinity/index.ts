/**
 * The NodeAffinity scheduler plugin.
 *
 * @module
 */
export * from './node-affinity.js';
