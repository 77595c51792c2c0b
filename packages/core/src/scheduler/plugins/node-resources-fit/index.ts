/**
 * The NodeResourcesFit scheduler plugin and its resource scorers.
 *
 * @module
 */
export * from './node-resources-fit.js';
export * from './resource-scoring.js';
