/**
 * The client: how reconcilers read and write objects. One small interface,
 * {@link Client}, with typed resource types ({@link ResourceType}) and answers as data
 * (`right(object)` or `left(status)` with the apiserver's `Status`).
 *
 * - {@link InProcessClient}: the client over an `ApiServer` in the same process, as
 *   one user (`asUser` for another);
 * - resource types: the built-in ones ({@link Pods}, {@link Deployments},
 *   {@link ConfigMaps}, ...), {@link resourceType} for any other, and
 *   {@link customResourceType} for one from `defineCustomResource`;
 * - {@link retryOnConflict}: reruns a read-modify-write that lost a race (409).
 *
 * @example
 * ```ts
 * const { server } = await startApiServer({ store, clock, authorization: 'RBAC' });
 * const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
 * await client.create(ConfigMaps, { metadata: { name: 'settings', namespace: 'default' }, data: { color: 'blue' } });
 * const updated = await retryOnConflict(async () => {
 *   const current = await client.get(ConfigMaps, { namespace: 'default', name: 'settings' });
 *   return isLeft(current) ? current : client.update(ConfigMaps, { ...current.right, data: { color: 'green' } });
 * });
 * // right({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { ..., resourceVersion: '...' }, data: { color: 'green' } })
 * client.watch(ConfigMaps, { namespace: 'default' }).subscribe((event) => console.log(event.type));
 * // ADDED (the current objects first), then MODIFIED, DELETED, ... as they happen
 * ```
 *
 * @module
 */
export type {
  Client,
  ClientResult,
  ClientWatchEvent,
  ClientDeleteOptions,
  GetOptions,
  ListOptions,
  ObjectList,
  Patch,
  ClientWatchOptions,
  WriteOptions,
} from './client.js';
export {
  apiVersionOfType,
  keyOf,
  objectKeyString,
  resourceType,
  type ObjectKey,
  type ResourceType,
} from './resource-type.js';
export {
  InProcessClient,
  type ApiEndpoint,
  type InProcessClientOptions,
} from './in-process-client.js';
export * from './built-in-types.js';
export { customResourceType } from './custom-resource-type.js';
export {
  DEFAULT_CONFLICT_ATTEMPTS,
  retryOnConflict,
  type RetryOnConflictOptions,
} from './retry-on-conflict.js';
