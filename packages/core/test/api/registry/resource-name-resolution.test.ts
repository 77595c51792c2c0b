import { describe, expect, it } from '@jest/globals';
import { createBuiltInRegistry } from '../../../src/api/registry/built-in-resources.js';
import { defineResource } from '../../../src/api/registry/resource-definition.js';
import { resolveResourceName } from '../../../src/api/registry/resource-name-resolution.js';
import { expectLeft, expectRight } from '../../support/either.js';

describe('resolving a name as kubectl does', () => {
  const registry = createBuiltInRegistry();
  const resolved = (name: string) => {
    const { group, version, plural } = expectRight(registry.resolve(name));
    return `${plural}.${version}.${group}`;
  };

  it.each([
    ['po', 'pods.v1.'],
    ['pod', 'pods.v1.'],
    ['pods', 'pods.v1.'],
    ['Pod', 'pods.v1.'],
    ['PODS', 'pods.v1.'],
    ['deploy', 'deployments.v1.apps'],
    ['deployment', 'deployments.v1.apps'],
    ['deployments.apps', 'deployments.v1.apps'],
    ['deployments.v1.apps', 'deployments.v1.apps'],
    ['deploy.apps', 'deployments.v1.apps'],
    ['Deployment.apps', 'deployments.v1.apps'],
    ['crd', 'customresourcedefinitions.v1.apiextensions.k8s.io'],
    ['crds', 'customresourcedefinitions.v1.apiextensions.k8s.io'],
    ['CustomResourceDefinition', 'customresourcedefinitions.v1.apiextensions.k8s.io'],
    ['ep', 'endpoints.v1.'],
    ['endpoints', 'endpoints.v1.'],
    ['ns', 'namespaces.v1.'],
    ['roles.rbac.authorization.k8s.io', 'roles.v1.rbac.authorization.k8s.io'],
    ['leases.coordination.k8s.io', 'leases.v1.coordination.k8s.io'],
    ['sa', 'serviceaccounts.v1.'],
  ])('%p is %p', (name, expected) => {
    expect(resolved(name)).toBe(expected);
  });

  it.each([
    'foo',
    'deployments.core',
    'pods.apps',
    'deployments.v2.apps',
    '',
    'scale',
    'pods/status',
  ])('does not know %p', (name) => {
    expect(expectLeft(registry.resolve(name))).toEqual({
      _tag: 'UnknownResourceType',
      name,
      message: `the server doesn't have a resource type ${JSON.stringify(name)}`,
    });
  });
});

describe('resolveResourceName precedence', () => {
  const define = (
    group: string,
    version: string,
    kind: string,
    plural: string,
    shortNames: string[] = [],
  ) => defineResource({ group, version, kind, plural, shortNames, namespaced: true });

  it('prefers a plural over another resource’s short name', () => {
    const widgets = define('a.io', 'v1', 'Widget', 'widgets');
    const gizmos = define('b.io', 'v1', 'Gizmo', 'gizmos', ['widgets']);
    expect(expectRight(resolveResourceName([gizmos, widgets], 'widgets'))).toBe(widgets);
  });

  it('prefers the core group, then the group registered first', () => {
    const eventsK8sIo = define('events.k8s.io', 'v1', 'Event', 'events');
    const coreEvents = define('', 'v1', 'Event', 'events');
    const otherEvents = define('other.io', 'v1', 'Event', 'events');
    expect(expectRight(resolveResourceName([eventsK8sIo, otherEvents, coreEvents], 'events'))).toBe(
      coreEvents,
    );
    expect(expectRight(resolveResourceName([eventsK8sIo, otherEvents], 'events'))).toBe(
      eventsK8sIo,
    );
  });

  it('ranks groups by their first resource, not by the matching one', () => {
    const first = define('a.io', 'v1', 'Anchor', 'anchors');
    const laterInB = define('b.io', 'v1', 'Thing', 'things');
    const laterInA = define('a.io', 'v1', 'Thing', 'things');
    expect(expectRight(resolveResourceName([first, laterInB, laterInA], 'things'))).toBe(laterInA);
  });

  it("prefers the group's preferred version", () => {
    const v1 = define('a.io', 'v1', 'Thing', 'things');
    const v2 = define('a.io', 'v2', 'Thing', 'things');
    expect(expectRight(resolveResourceName([v1, v2], 'things'))).toBe(v1);
    expect(expectRight(resolveResourceName([v1, v2], 'things.v2.a.io'))).toBe(v2);
  });
});
