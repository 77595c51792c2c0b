/**
 * The Kubernetes API's building blocks: resource quantities, and label and field
 * selectors. (Typed kinds, the resource registry and `Status` errors join them.)
 *
 * @module
 */
export * from './quantity/index.js';
export * from './selectors/index.js';
