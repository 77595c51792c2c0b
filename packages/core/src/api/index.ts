/**
 * The Kubernetes API's building blocks: codecs (io-ts, with OpenAPI v3 schemas and
 * field-path decoding errors), object and list metadata, `Status` errors with the
 * apiserver's reasons, codes and messages, resource quantities, and label and field
 * selectors; the first built-in kinds, and the resource registry (GVK ↔ GVR, names,
 * scope, subresources, selectable fields) that discovery is generated from.
 *
 * @module
 */
export * from './codec/index.js';
export * from './kinds/index.js';
export * from './meta/index.js';
export * from './quantity/index.js';
export * from './registry/index.js';
export * from './selectors/index.js';
export * from './status/index.js';
export * from './scheduling/index.js';
