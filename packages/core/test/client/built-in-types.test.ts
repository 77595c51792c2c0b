import { describe, expect, it } from '@jest/globals';
import { createBuiltInRegistry } from '../../src/api/registry/index.js';
import * as builtInTypes from '../../src/client/built-in-types.js';

const types = Object.entries(builtInTypes);

describe('built-in resource types', () => {
  it('has one type per stored built-in resource', () => {
    expect(types.map(([, type]) => type.kind).sort()).toEqual([
      'ClusterRole',
      'ClusterRoleBinding',
      'ConfigMap',
      'CustomResourceDefinition',
      'Deployment',
      'EndpointSlice',
      'Endpoints',
      'Event',
      'Lease',
      'Namespace',
      'Node',
      'Pod',
      'ReplicaSet',
      'Role',
      'RoleBinding',
      'Secret',
      'Service',
      'ServiceAccount',
    ]);
  });

  it.each(types)('%s names the resource the server serves, with its scope and kind', (_, type) => {
    const definition = createBuiltInRegistry().byGroupVersionResource({
      group: type.group,
      version: type.version,
      resource: type.plural,
    });
    expect(definition).toMatchObject({ kind: type.kind, namespaced: type.namespaced });
  });

  it.each(types)('%s is frozen and typed by its codec', (_, type) => {
    expect(Object.isFrozen(type)).toBe(true);
    expect(type.codec?.name).toBe(type.kind);
  });
});
