/**
 * The resource type of a custom resource defined from io-ts codecs.
 *
 * @module
 */
import type * as t from 'io-ts';
import type { ApiObject, CustomResource, DefinedCustomResource } from '../apiserver/index.js';
import { resourceType, type ResourceType } from './resource-type.js';

/**
 * The {@link ResourceType} of a custom resource from `defineCustomResource`: its group,
 * version, kind, plural and scope as its CRD names them, typed by its codec.
 *
 * Guarantees: frozen; `codec` is the definition's.
 *
 * Caveats: the objects are typed `CustomResource<Spec, Status> & ApiObject`, as every
 * resource type's objects must be an `ApiObject` (a JSON object with any fields), which
 * the `CustomResource` interface does not say. Object literals fit it as they are.
 *
 * @example
 * ```ts
 * const Backup = defineCustomResource({ group: 'ops.example.com', version: 'v1', kind: 'Backup',
 *   plural: 'backups', scope: 'Namespaced', spec: t.type({ schedule: t.string }) });
 * const Backups = customResourceType(Backup);
 * await client.create(Backups, { metadata: { name: 'nightly', namespace: 'default' }, spec: { schedule: '@daily' } });
 * ```
 */
export function customResourceType<Spec, Status>(
  defined: DefinedCustomResource<Spec, Status>,
): ResourceType<CustomResource<Spec, Status> & ApiObject> {
  const { group, names, scope } = defined.crd.spec;
  return resourceType({
    group,
    // `<group>/<version>`, as defineCustomResource builds it.
    version: defined.apiVersion.slice(group.length + 1),
    kind: defined.kind,
    plural: names.plural,
    namespaced: scope === 'Namespaced',
    // Every object the codec decodes is a JSON object: an ApiObject as well.
    codec: defined.codec as unknown as t.Type<
      CustomResource<Spec, Status> & ApiObject,
      unknown,
      unknown
    >,
  });
}
