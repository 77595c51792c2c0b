/**
 * The NodeResourcesBalancedAllocation scheduler plugin.
 *
 * @module
 */
export * from './node-resources-balanced-allocation.js';
