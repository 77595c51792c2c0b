/**
 * The apiserver: typed admission pipeline in front of the store.
 *
 * A request ({@link ApiRequest}) passes authenticate → authorize → decode → mutate →
 * validate → admit → persist, each stage replaceable: an {@link Authenticator}, an
 * {@link Authorizer} (`RbacAuthorizer`, or {@link alwaysAllow}), per-resource
 * strategies ({@link ResourceStrategy}: decoding, defaulting, validation), and
 * mutating and validating admission plugins. Every failure is a Kubernetes `Status`.
 *
 * - verbs: get, list (resourceVersion semantics, selectors, `limit`/`continue`),
 *   watch (bookmarks, `sendInitialEvents`, 410 for compacted revisions), create,
 *   update, patch (JSON, merge, strategic merge, apply), delete (finalizers, grace
 *   periods, propagation policies, preconditions), deletecollection; the `status`,
 *   `scale` and `pods/binding` subresources; `dryRun`;
 * - the parts: `patch` (the patch formats), `rbac` (the authorizer), `crd` (schemas of
 *   custom resources), `validation` and `defaulting` (the built-in kinds').
 *
 * @example
 * ```ts
 * const store = new MemoryStore<ApiObject>({ clock });
 * const server = new ApiServer({ store, clock });
 * const created = await server.handle({
 *   verb: 'create',
 *   user: SYSTEM_ADMIN,
 *   resource: { group: '', version: 'v1', resource: 'configmaps' },
 *   namespace: 'default',
 *   body: { metadata: { name: 'cfg' }, data: { a: 'b' } },
 * });
 * // right({ code: 201, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { ..., resourceVersion: '2' }, ... } })
 * ```
 *
 * @module
 */
export type {
  AdmissionAttributes,
  AdmissionMatch,
  AdmissionOperation,
  AdmissionOutcome,
  MutatingAdmissionPlugin,
  ValidatingAdmissionPlugin,
} from './admission/admission-plugin.js';
export { admissionMatches } from './admission/admission-plugin.js';
export { IMMORTAL_NAMESPACES, namespaceLifecycle } from './admission/namespace-lifecycle.js';
export type { ApiObject } from './api-object.js';
export { deepFreeze, freezeForStorage, isPlainObject } from './api-object.js';
export type {
  ApiRequest,
  ApiVerb,
  Credentials,
  FieldValidation,
  PropagationPolicy,
  RequestOptions,
  ResourceVersionMatch,
} from './api-request.js';
export type {
  ApiResponse,
  ApiResult,
  ApiWatchEvent,
  ApiWatchEventType,
  ApiWatchResult,
} from './api-response.js';
export { ApiServer, alwaysAllow, type ApiServerOptions, type Authorizer } from './api-server.js';
export type { AuditEvent } from './audit-event.js';
export {
  ANONYMOUS_USER_INFO,
  SYSTEM_ADMIN,
  firstAuthenticator,
  serviceAccountUser,
  tokenAuthenticator,
  type Authenticator,
  type TokenAuthenticatorOptions,
} from './authentication/authenticator.js';
export { BOOTSTRAP_POLICY } from './authorization/bootstrap-policy.js';
export { startRbacSync, type RbacSync } from './authorization/rbac-sync.js';
export {
  CUSTOM_RESOURCE_CLEANUP_FINALIZER,
  startCustomResourceDefinitions,
  type CustomResourceDefinitions,
} from './customresources/custom-resource-definitions.js';
export { customResourceStrategy } from './customresources/custom-resource-strategy.js';
export { FOREGROUND_DELETION_FINALIZER, ORPHAN_FINALIZER } from './handlers/delete.js';
export { BOOKMARK_PERIOD_MS, INITIAL_EVENTS_END_ANNOTATION } from './handlers/watch.js';
export { formatTime } from './handlers/timestamps.js';
export { jsonEqual } from './json-equal.js';
export {
  SYSTEM_NAMESPACES,
  startApiServer,
  type RunningApiServer,
  type StartApiServerOptions,
} from './start-api-server.js';
export { objectKey, resourcePrefix, type ResourceKeySpace } from './storage/object-key.js';
export { codecStrategy, type CodecStrategyInput } from './strategy/codec-strategy.js';
export type {
  BeginWriteContext,
  BegunWrite,
  DecodeRequest,
  ResourceStrategy,
} from './strategy/resource-strategy.js';
export { humanDuration } from './table/human-duration.js';
export { podStatusReason, POD_COLUMNS } from './table/pod-columns.js';
export {
  AGE_COLUMN,
  ageCell,
  customResourceColumns,
  type PrinterColumn,
} from './table/printer-column.js';
export { toTable, type IncludeObject } from './table/table.js';
export * from './crd/index.js';
export * from './defaulting/index.js';
export * from './patch/index.js';
export * from './rbac/index.js';
export * from './service-allocation/index.js';
export {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidPathSegmentName,
  isValidPortName,
  POD_SPEC_UPDATE_FORBIDDEN_DETAIL,
  validateConfigMap,
  validateConfigMapUpdate,
  validateLease,
  validateNamespace,
  validateNamespaceUpdate,
  validateNode,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validatePod,
  validatePodSpec,
  validatePodStatusUpdate,
  validatePodUpdate,
  validateSecret,
  validateSecretUpdate,
  type NameRule,
  type ObjectMetaValidationOptions,
} from './validation/index.js';
