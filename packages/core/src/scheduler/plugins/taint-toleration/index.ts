/**
 * The TaintToleration scheduler plugin.
 *
 * @module
 */
export * from './taint-toleration.js';
