/**
 * The NamespaceLifecycle admission plugin: nothing is created in a namespace that
 * does not exist or is being deleted, and the system namespaces cannot be deleted.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { failureStatus } from '../../api/status/failure-status.js';
import { internalError, notFound, type Status } from '../../api/status/index.js';
import type { KeyValueStore } from '../../store/index.js';
import type { ApiObject } from '../api-object.js';
import { objectKey } from '../storage/object-key.js';
import type { ValidatingAdmissionPlugin } from './admission-plugin.js';

/** The namespaces that always exist and cannot be deleted (upstream's immortal namespaces). */
export const IMMORTAL_NAMESPACES: readonly string[] = Object.freeze([
  'default',
  'kube-system',
  'kube-public',
]);

const NAMESPACES = { group: '', plural: 'namespaces' };

// Either values are never modified: one answer serves every request admitted.
const ADMITTED: Either<Status, void> = right(undefined);

/**
 * The NamespaceLifecycle plugin, reading namespaces from `store`:
 *
 * - creating an object in a namespace that does not exist is 404 `NotFound`
 *   (`namespaces "x" not found`);
 * - creating one in a namespace being deleted (with a `deletionTimestamp`, or phase
 *   `Terminating`) is 403 `Forbidden` (`unable to create new content in namespace x
 *   because it is being terminated`, cause `NamespaceTerminating`);
 * - deleting `default`, `kube-system` or `kube-public` is 403 `Forbidden`
 *   (`namespaces "default" is forbidden: this namespace may not be deleted`);
 * - a failed read of the namespace is 500 `InternalError`.
 *
 * Namespaces themselves, and cluster-scoped objects, are not checked on create.
 */
export function namespaceLifecycle(options: {
  readonly store: KeyValueStore<ApiObject>;
}): ValidatingAdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    match: { operations: ['CREATE', 'DELETE'] },
    validate: async (attributes) => {
      const isNamespace =
        attributes.resource.group === '' && attributes.resource.resource === 'namespaces';
      if (attributes.operation === 'DELETE') {
        if (
          isNamespace &&
          attributes.subresource === undefined &&
          IMMORTAL_NAMESPACES.includes(attributes.name)
        ) {
          return left(
            failureStatus({
              code: 403,
              reason: 'Forbidden',
              message: `namespaces ${JSON.stringify(attributes.name)} is forbidden: this namespace may not be deleted`,
              details: { name: attributes.name, kind: 'namespaces' },
            }),
          );
        }
        return ADMITTED;
      }
      const namespace = attributes.namespace;
      if (isNamespace || namespace === undefined || namespace === '') {
        return ADMITTED;
      }
      const read = await options.store.range({ key: objectKey(NAMESPACES, undefined, namespace) });
      if (read._tag === 'Left') {
        return left(internalError({ message: read.left.message }));
      }
      const stored = read.right.items[0]?.value;
      if (stored === undefined) {
        return left(notFound({ resource: 'namespaces', name: namespace }));
      }
      const phase = (stored['status'] as { phase?: string } | undefined)?.phase;
      if (stored.metadata?.deletionTimestamp !== undefined || phase === 'Terminating') {
        return left(
          failureStatus({
            code: 403,
            reason: 'Forbidden',
            message: `${attributes.resource.resource} ${JSON.stringify(attributes.name)} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
            details: {
              name: attributes.name,
              group: attributes.resource.group,
              kind: attributes.resource.resource,
              causes: [
                {
                  reason: 'NamespaceTerminating',
                  message: `namespace ${namespace} is being terminated`,
                  field: 'metadata.namespace',
                },
              ],
            },
          }),
        );
      }
      return ADMITTED;
    },
  };
}
