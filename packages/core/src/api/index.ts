/**
 * The Kubernetes API's building blocks: codecs (io-ts, with OpenAPI v3 schemas and
 * field-path decoding errors), object and list metadata, `Status` errors with the
 * apiserver's reasons, codes and messages, resource quantities, and label and field
 * selectors. (Typed kinds and the resource registry join them.)
 *
 * @module
 */
export * from './codec/index.js';
export * from './meta/index.js';
export * from './quantity/index.js';
export * from './selectors/index.js';
export * from './status/index.js';
