/**
 * The resource registry: which resources the apiserver serves, with their names,
 * scope, verbs, subresources and selectable fields; resolved from kinds, resources and
 * names typed on the command line, listed for discovery, and observable as CRDs add and
 * remove resources at run time.
 *
 * - {@link defineResource}: a {@link ResourceDefinition} with upstream's defaults.
 * - {@link ResourceRegistry}: register, look up, resolve, list, watch `changes$`.
 * - {@link createBuiltInRegistry}: the registry of {@link builtInResources}.
 * - {@link apiVersionOf} and {@link parseApiVersion}: `apps/v1` to and from parts.
 *
 * @module
 */
export { builtInResources, createBuiltInRegistry } from './built-in-resources.js';
export type {
  DiscoveryResource,
  GroupVersionForDiscovery,
  RegisteredGroup,
} from './discovery-entries.js';
export type { GroupVersion, GroupVersionKind, GroupVersionResource } from './group-version.js';
export { apiVersionOf, parseApiVersion } from './group-version.js';
export type {
  DuplicateKind,
  DuplicateResource,
  MalformedApiVersion,
  RegistrationError,
  RegistryError,
  ShortNameTaken,
  UnknownResourceType,
} from './registry-error.js';
export { isRegistryError } from './registry-error.js';
export type {
  OtherSubresource,
  ResourceDefinition,
  ResourceDefinitionInput,
  ResourceVerb,
  ScaleSubresource,
  Subresources,
} from './resource-definition.js';
export {
  DEFAULT_RESOURCE_VERBS,
  SUBRESOURCE_VERBS,
  defineResource,
} from './resource-definition.js';
export type { ResourceChange } from './resource-registry.js';
export { ResourceRegistry } from './resource-registry.js';
export type { FieldGetter } from './selectable-field-getters.js';
export {
  booleanFieldGetter,
  integerFieldGetter,
  stringFieldGetter,
  valueAtPath,
} from './selectable-field-getters.js';
