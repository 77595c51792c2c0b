/**
 * The Kubernetes API's building blocks: codecs (io-ts, with OpenAPI v3 schemas and
 * field-path decoding errors), resource quantities, and label and field selectors.
 * (Typed kinds, the resource registry and `Status` errors join them.)
 *
 * @module
 */
export * from './codec/index.js';
export * from './quantity/index.js';
export * from './selectors/index.js';
