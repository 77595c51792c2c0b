import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import { parseFieldSelector } from '../../../src/api/selectors/field-selector.js';
import {
  builtInResources,
  createBuiltInRegistry,
} from '../../../src/api/registry/built-in-resources.js';
import type { ResourceDefinition } from '../../../src/api/registry/resource-definition.js';
import { expectRight } from '../../support/either.js';

const registry = createBuiltInRegistry();

function builtIn(group: string, plural: string): ResourceDefinition {
  const definition = registry.byGroupResource({ group, resource: plural });
  if (definition === undefined) {
    throw new Error(`no built-in ${plural}.${group}`);
  }
  return definition;
}

function fieldsOf(
  definition: ResourceDefinition,
  object: unknown,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(definition.selectableFields).map(([field, get]) => [field, get(object)]),
  );
}

describe('builtInResources', () => {
  it('registers every built-in resource, in order', () => {
    expect(registry.resources()).toEqual(builtInResources);
    expect(builtInResources.map((r) => `${r.plural}.${r.group}`)).toEqual([
      'namespaces.',
      'pods.',
      'nodes.',
      'services.',
      'endpoints.',
      'configmaps.',
      'secrets.',
      'events.',
      'serviceaccounts.',
      'deployments.apps',
      'replicasets.apps',
      'endpointslices.discovery.k8s.io',
      'leases.coordination.k8s.io',
      'roles.rbac.authorization.k8s.io',
      'clusterroles.rbac.authorization.k8s.io',
      'rolebindings.rbac.authorization.k8s.io',
      'clusterrolebindings.rbac.authorization.k8s.io',
      'customresourcedefinitions.apiextensions.k8s.io',
      'subjectaccessreviews.authorization.k8s.io',
      'selfsubjectaccessreviews.authorization.k8s.io',
    ]);
  });

  it('has no Scale resource: Scale is the kind of scale subresources', () => {
    expect(
      registry.byGroupVersionKind({ group: 'autoscaling', version: 'v1', kind: 'Scale' }),
    ).toBeUndefined();
  });

  it('gives upstream short names, categories and scope', () => {
    const summary = builtInResources.map((r) => [
      r.plural,
      r.shortNames.join(','),
      r.categories.join(','),
      r.namespaced ? 'Namespaced' : 'Cluster',
    ]);
    expect(summary).toEqual([
      ['namespaces', 'ns', '', 'Cluster'],
      ['pods', 'po', 'all', 'Namespaced'],
      ['nodes', 'no', '', 'Cluster'],
      ['services', 'svc', 'all', 'Namespaced'],
      ['endpoints', 'ep', '', 'Namespaced'],
      ['configmaps', 'cm', '', 'Namespaced'],
      ['secrets', '', '', 'Namespaced'],
      ['events', 'ev', '', 'Namespaced'],
      ['serviceaccounts', 'sa', '', 'Namespaced'],
      ['deployments', 'deploy', 'all', 'Namespaced'],
      ['replicasets', 'rs', 'all', 'Namespaced'],
      ['endpointslices', '', '', 'Namespaced'],
      ['leases', '', '', 'Namespaced'],
      ['roles', '', '', 'Namespaced'],
      ['clusterroles', '', '', 'Cluster'],
      ['rolebindings', '', '', 'Namespaced'],
      ['clusterrolebindings', '', '', 'Cluster'],
      ['customresourcedefinitions', 'crd,crds', 'api-extensions', 'Cluster'],
      ['subjectaccessreviews', '', '', 'Cluster'],
      ['selfsubjectaccessreviews', '', '', 'Cluster'],
    ]);
  });

  it('names singulars and list kinds as upstream', () => {
    expect(builtIn('', 'endpoints').singular).toBe('endpoints');
    expect(builtIn('', 'configmaps').singular).toBe('configmap');
    expect(builtIn('apps', 'deployments').listKind).toBe('DeploymentList');
  });

  it('serves access reviews for create only', () => {
    expect(builtIn('authorization.k8s.io', 'subjectaccessreviews').verbs).toEqual(['create']);
    expect(builtIn('authorization.k8s.io', 'selfsubjectaccessreviews').verbs).toEqual(['create']);
    expect(builtIn('', 'namespaces').verbs).not.toContain('deletecollection');
  });

  it('gives deployments and replica sets a scale subresource on their replicas', () => {
    for (const plural of ['deployments', 'replicasets']) {
      expect(builtIn('apps', plural).subresources).toEqual({
        status: true,
        scale: {
          specReplicasPath: '.spec.replicas',
          statusReplicasPath: '.status.replicas',
          labelSelectorPath: '.spec.selector',
        },
      });
    }
  });

  it('lists apps/v1 with the scale entries as autoscaling/v1 Scale, after the resources', () => {
    expect(
      registry.discoveryResources({ group: 'apps', version: 'v1' }).map((r) => r.name),
    ).toEqual([
      'deployments',
      'replicasets',
      'deployments/status',
      'deployments/scale',
      'replicasets/status',
      'replicasets/scale',
    ]);
    expect(registry.discoveryResources({ group: 'apps', version: 'v1' })[3]).toEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
  });

  it('lists pods/binding as create-only, of kind Binding', () => {
    const core = registry.discoveryResources({ group: '', version: 'v1' });
    expect(core.find((r) => r.name === 'pods/binding')).toEqual({
      name: 'pods/binding',
      singularName: '',
      namespaced: true,
      kind: 'Binding',
      verbs: ['create'],
    });
    expect(core.findIndex((r) => r.name.includes('/'))).toBe(9);
  });

  it('lists the core group first and every group with v1 preferred', () => {
    expect(registry.groups().map((g) => [g.name, g.preferredVersion.groupVersion])).toEqual([
      ['', 'v1'],
      ['apps', 'apps/v1'],
      ['discovery.k8s.io', 'discovery.k8s.io/v1'],
      ['coordination.k8s.io', 'coordination.k8s.io/v1'],
      ['rbac.authorization.k8s.io', 'rbac.authorization.k8s.io/v1'],
      ['apiextensions.k8s.io', 'apiextensions.k8s.io/v1'],
      ['authorization.k8s.io', 'authorization.k8s.io/v1'],
    ]);
  });

  it('gives each registry its own state', () => {
    const other = createBuiltInRegistry();
    other.unregister({ group: '', version: 'v1', resource: 'pods' });
    expect(registry.byGroupResource({ resource: 'pods' })).toBeDefined();
  });
});

describe('built-in selectable fields', () => {
  it('reads a pod as PodToSelectableFields does', () => {
    const pod = {
      metadata: { name: 'web-0', namespace: 'shop' },
      spec: {
        nodeName: 'node-1',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        serviceAccountName: 'web',
        hostNetwork: true,
      },
      status: {
        phase: 'Running',
        podIP: '10.0.0.9',
        podIPs: [{ ip: '10.0.0.7' }, { ip: 'fd00::7' }],
        nominatedNodeName: 'node-2',
      },
    };
    expect(fieldsOf(builtIn('', 'pods'), pod)).toEqual({
      'metadata.name': 'web-0',
      'metadata.namespace': 'shop',
      'spec.nodeName': 'node-1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': 'web',
      'spec.hostNetwork': 'true',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.7',
      'status.nominatedNodeName': 'node-2',
    });
  });

  it('reads missing pod fields as absent, and a missing hostNetwork as false', () => {
    expect(fieldsOf(builtIn('', 'pods'), { metadata: { name: 'p' } })).toEqual({
      'metadata.name': 'p',
      'metadata.namespace': undefined,
      'spec.nodeName': undefined,
      'spec.restartPolicy': undefined,
      'spec.schedulerName': undefined,
      'spec.serviceAccountName': undefined,
      'spec.hostNetwork': 'false',
      'status.phase': undefined,
      'status.podIP': undefined,
      'status.nominatedNodeName': undefined,
    });
  });

  it('falls back to status.podIP without podIPs', () => {
    expect(
      builtIn('', 'pods').selectableFields['status.podIP']?.({ status: { podIP: '10.1.1.1' } }),
    ).toBe('10.1.1.1');
    expect(
      builtIn('', 'pods').selectableFields['status.podIP']?.({ status: { podIPs: [] } }),
    ).toBeUndefined();
  });

  it('reads nodes, namespaces, secrets and replica sets', () => {
    expect(
      fieldsOf(builtIn('', 'nodes'), { metadata: { name: 'n1' }, spec: { unschedulable: true } }),
    ).toEqual({
      'metadata.name': 'n1',
      'spec.unschedulable': 'true',
    });
    expect(fieldsOf(builtIn('', 'nodes'), { metadata: { name: 'n2' } })['spec.unschedulable']).toBe(
      'false',
    );
    expect(
      fieldsOf(builtIn('', 'namespaces'), {
        metadata: { name: 'ns' },
        status: { phase: 'Active' },
      }),
    ).toEqual({ 'metadata.name': 'ns', 'status.phase': 'Active' });
    expect(fieldsOf(builtIn('', 'secrets'), { type: 'kubernetes.io/tls' })['type']).toBe(
      'kubernetes.io/tls',
    );
    expect(fieldsOf(builtIn('', 'secrets'), {})['type']).toBeUndefined();
    expect(
      fieldsOf(builtIn('apps', 'replicasets'), { status: { replicas: 2 } })['status.replicas'],
    ).toBe('2');
  });

  it('selects only on metadata for resources without their own fields', () => {
    expect(Object.keys(builtIn('apps', 'deployments').selectableFields).sort()).toEqual([
      'metadata.name',
      'metadata.namespace',
    ]);
    expect(
      Object.keys(builtIn('rbac.authorization.k8s.io', 'clusterroles').selectableFields),
    ).toEqual(['metadata.name']);
  });

  it('reads an event as its ToSelectableFields does', () => {
    const event = {
      metadata: { name: 'web-0.17', namespace: 'shop' },
      involvedObject: {
        kind: 'Pod',
        namespace: 'shop',
        name: 'web-0',
        uid: 'u-1',
        apiVersion: 'v1',
        resourceVersion: '42',
        fieldPath: 'spec.containers{web}',
      },
      reason: 'Scheduled',
      reportingComponent: 'default-scheduler',
      source: { component: 'kubelet' },
      type: 'Normal',
    };
    expect(fieldsOf(builtIn('', 'events'), event)).toEqual({
      'metadata.name': 'web-0.17',
      'metadata.namespace': 'shop',
      'involvedObject.kind': 'Pod',
      'involvedObject.namespace': 'shop',
      'involvedObject.name': 'web-0',
      'involvedObject.uid': 'u-1',
      'involvedObject.apiVersion': 'v1',
      'involvedObject.resourceVersion': '42',
      'involvedObject.fieldPath': 'spec.containers{web}',
      reason: 'Scheduled',
      reportingComponent: 'default-scheduler',
      source: 'kubelet',
      type: 'Normal',
    });
  });

  it('reads an event without source.component as sourced from its reportingComponent', () => {
    const source = builtIn('', 'events').selectableFields['source'];
    expect(source?.({ reportingComponent: 'kubelet', source: {} })).toBe('kubelet');
    expect(source?.({ reportingComponent: 'kubelet', source: { component: '' } })).toBe('kubelet');
    expect(source?.({})).toBeUndefined();
  });

  it('binds a field selector to a built-in resource', () => {
    const pods = builtIn('', 'pods');
    const selector = expectRight(parseFieldSelector('spec.nodeName=,status.phase!=Succeeded'));
    const unscheduled = expectRight(selector.bind(pods.selectableFields));
    expect(unscheduled({ spec: {}, status: { phase: 'Pending' } })).toBe(true);
    expect(unscheduled({ spec: { nodeName: 'n1' }, status: { phase: 'Pending' } })).toBe(false);
    const unsupported = expectRight(parseFieldSelector('spec.replicas=1')).bind(
      pods.selectableFields,
    );
    expect(isRight(unsupported)).toBe(false);
  });
});
