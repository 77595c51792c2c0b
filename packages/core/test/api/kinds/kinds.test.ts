import { describe, expect, it } from '@jest/globals';
import * as t from 'io-ts';
import { toOpenAPISchema } from '../../../src/api/codec/index.js';
import * as kinds from '../../../src/api/kinds/index.js';

describe('kinds', () => {
  // Every exported codec (the module also exports helpers such as listOf).
  const codecs = Object.entries(kinds as Record<string, unknown>).filter(
    (entry): entry is [string, t.Mixed] => entry[1] instanceof t.Type,
  );

  it.each(codecs)('%s has an object schema with a description', (_, codec) => {
    const schema = toOpenAPISchema(codec);
    expect(schema.type).toBe('object');
    expect(schema.description).toStrictEqual(expect.any(String));
  });

  it('exports every kind and list of the brief', () => {
    expect(codecs.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'Namespace',
        'NamespaceList',
        'ConfigMap',
        'ConfigMapList',
        'Secret',
        'SecretList',
        'ServiceAccount',
        'ServiceAccountList',
        'Event',
        'EventList',
        'Binding',
        'ObjectReference',
        'Lease',
        'LeaseList',
        'Scale',
        'SubjectAccessReview',
        'SelfSubjectAccessReview',
        'Pod',
        'PodList',
        'Node',
        'NodeList',
        'Service',
        'ServiceList',
        'Endpoints',
        'EndpointsList',
        'Deployment',
        'DeploymentList',
        'ReplicaSet',
        'ReplicaSetList',
        'EndpointSlice',
        'EndpointSliceList',
        'Role',
        'RoleList',
        'ClusterRole',
        'ClusterRoleList',
        'RoleBinding',
        'RoleBindingList',
        'ClusterRoleBinding',
        'ClusterRoleBindingList',
        'CustomResourceDefinition',
        'CustomResourceDefinitionList',
      ]),
    );
  });
});
