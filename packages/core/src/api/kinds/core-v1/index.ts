/**
 * The simpler kinds of the core API group, version `v1` (`apiVersion: v1`), as codecs:
 * each is the TypeScript type (`t.TypeOf`), the decoder (`decodeObject`) and, with
 * `toOpenAPISchema`, the OpenAPI schema, with upstream's field names, optionality and
 * (shortened) descriptions.
 *
 * - {@link Namespace}, {@link ConfigMap}, {@link Secret}, {@link ServiceAccount} and
 *   {@link Event}, each with its `<Kind>List`;
 * - {@link Binding}, create-only, without a list;
 * - {@link ObjectReference} and {@link LocalObjectReference}, shared with other kinds.
 *
 * @module
 */
export { Binding } from './binding.js';
export { ConfigMap, ConfigMapList } from './config-map.js';
export { Event, EventList, EventSeries, EventSource } from './event.js';
export {
  Namespace,
  NamespaceCondition,
  NamespaceList,
  NamespaceSpec,
  NamespaceStatus,
} from './namespace.js';
export { LocalObjectReference, ObjectReference } from './object-reference.js';
export { Secret, SecretList } from './secret.js';
export { ServiceAccount, ServiceAccountList } from './service-account.js';
