/** Small objects for watcher and cache tests. */
import type { ApiObject } from '../../../src/apiserver/index.js';
import { resourceType, type ResourceType } from '../../../src/client/resource-type.js';

/** The resource type the tests watch. */
export const CONFIG_MAPS: ResourceType = resourceType({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
});

/** A ConfigMap `namespace/name` at `resourceVersion`, with optional labels and owners. */
export function configMap(
  name: string,
  options: {
    readonly resourceVersion?: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly ownerUids?: readonly string[];
    readonly data?: Record<string, string>;
  } = {},
): ApiObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      resourceVersion: options.resourceVersion ?? '1',
      ...(options.labels === undefined ? {} : { labels: options.labels }),
      ...(options.ownerUids === undefined
        ? {}
        : {
            ownerReferences: options.ownerUids.map((uid) => ({
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: `owner-${uid}`,
              uid,
            })),
          }),
    },
    ...(options.data === undefined ? {} : { data: options.data }),
  };
}
