import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import {
  defineResource,
  type ResourceDefinitionInput,
} from '../../../src/api/registry/resource-definition.js';
import {
  ResourceRegistry,
  type ResourceChange,
} from '../../../src/api/registry/resource-registry.js';
import { expectLeft, expectRight } from '../../support/either.js';

function resource(input: Partial<ResourceDefinitionInput> & Pick<ResourceDefinitionInput, 'kind'>) {
  return defineResource({
    group: 'example.com',
    version: 'v1',
    plural: `${input.kind.toLowerCase()}s`,
    namespaced: true,
    ...input,
  });
}

const widgetsV1 = resource({ kind: 'Widget', shortNames: ['wd'], subresources: { status: true } });
const widgetsV2 = resource({ kind: 'Widget', version: 'v2', shortNames: ['wd'] });
const gadgets = resource({
  kind: 'Gadget',
  namespaced: false,
  subresources: {
    scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' },
  },
});
const pods = resource({ group: '', kind: 'Pod', shortNames: ['po'], categories: ['all'] });

function registryOf(...definitions: ReturnType<typeof resource>[]): ResourceRegistry {
  const registry = new ResourceRegistry();
  for (const definition of definitions) {
    expectRight(registry.register(definition));
  }
  return registry;
}

describe('ResourceRegistry.register', () => {
  it('returns the definition it registered', () => {
    expect(expectRight(new ResourceRegistry().register(widgetsV1))).toBe(widgetsV1);
  });

  it('refuses the same group, version and plural twice', () => {
    const registry = registryOf(widgetsV1);
    expect(expectLeft(registry.register(resource({ kind: 'Other', plural: 'widgets' })))).toEqual({
      _tag: 'DuplicateResource',
      group: 'example.com',
      version: 'v1',
      resource: 'widgets',
      message: 'resource widgets in example.com/v1 is already registered',
    });
    expect(registry.resources()).toEqual([widgetsV1]);
  });

  it('refuses a kind another resource of the group version serves', () => {
    const registry = registryOf(widgetsV1);
    expect(expectLeft(registry.register(resource({ kind: 'Widget', plural: 'widgetz' })))).toEqual({
      _tag: 'DuplicateKind',
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      registeredResource: 'widgets',
      message: 'kind Widget in example.com/v1 is already served by resource widgets',
    });
  });

  it('refuses a short name another resource uses', () => {
    const registry = registryOf(pods);
    expect(
      expectLeft(registry.register(resource({ kind: 'Potato', shortNames: ['pt', 'po'] }))),
    ).toEqual({
      _tag: 'ShortNameTaken',
      shortName: 'po',
      registeredResource: 'pods',
      message: 'short name "po" is already used by pods',
    });
    expect(
      expectLeft(registryOf(widgetsV1).register(resource({ kind: 'Wand', shortNames: ['wd'] })))
        .message,
    ).toBe('short name "wd" is already used by widgets.example.com');
  });

  it('lets the versions of one resource share their kind and short names', () => {
    const registry = registryOf(widgetsV1);
    expect(isRight(registry.register(widgetsV2))).toBe(true);
  });

  it('accepts a kind of the same name in another group', () => {
    const registry = registryOf(widgetsV1);
    expect(isRight(registry.register(resource({ group: 'other.io', kind: 'Widget' })))).toBe(true);
  });
});

describe('ResourceRegistry lookups', () => {
  const registry = registryOf(widgetsV1, pods, widgetsV2, gadgets);

  it('finds a resource by group, version and kind', () => {
    expect(
      registry.byGroupVersionKind({ group: 'example.com', version: 'v2', kind: 'Widget' }),
    ).toBe(widgetsV2);
    expect(registry.byGroupVersionKind({ group: '', version: 'v1', kind: 'Pod' })).toBe(pods);
    expect(registry.byGroupVersionKind({ group: '', version: 'v2', kind: 'Pod' })).toBeUndefined();
  });

  it('finds a resource by group, version and plural', () => {
    expect(
      registry.byGroupVersionResource({ group: 'example.com', version: 'v1', resource: 'widgets' }),
    ).toBe(widgetsV1);
    expect(
      registry.byGroupVersionResource({ group: 'example.com', version: 'v1', resource: 'widget' }),
    ).toBeUndefined();
  });

  it("finds a resource by group and plural in the group's preferred version", () => {
    expect(registry.byGroupResource({ group: 'example.com', resource: 'widgets' })).toBe(widgetsV1);
    expect(registry.byGroupResource({ resource: 'pods' })).toBe(pods);
    expect(registry.byGroupResource({ group: '', resource: 'pods' })).toBe(pods);
    expect(registry.byGroupResource({ resource: 'widgets' })).toBeUndefined();
  });

  it('falls back to the first version a resource is served in', () => {
    const onlyLater = resource({ kind: 'Sprocket', version: 'v2' });
    expect(
      registryOf(widgetsV1, onlyLater).byGroupResource({
        group: 'example.com',
        resource: 'sprockets',
      }),
    ).toBe(onlyLater);
  });

  it('lists every resource in registration order', () => {
    expect(registry.resources()).toEqual([widgetsV1, pods, widgetsV2, gadgets]);
  });
});

describe('ResourceRegistry discovery', () => {
  const registry = registryOf(widgetsV1, pods, widgetsV2, gadgets);

  it('lists main resources in registration order, then their subresources', () => {
    expect(registry.discoveryResources({ group: 'example.com', version: 'v1' })).toEqual([
      {
        name: 'widgets',
        singularName: 'widget',
        namespaced: true,
        kind: 'Widget',
        verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
        shortNames: ['wd'],
      },
      {
        name: 'gadgets',
        singularName: 'gadget',
        namespaced: false,
        kind: 'Gadget',
        verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      },
      {
        name: 'widgets/status',
        singularName: '',
        namespaced: true,
        kind: 'Widget',
        verbs: ['get', 'patch', 'update'],
      },
      {
        name: 'gadgets/scale',
        singularName: '',
        namespaced: false,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: ['get', 'patch', 'update'],
      },
    ]);
  });

  it('lists nothing for a group version nothing is registered in', () => {
    expect(registry.discoveryResources({ group: 'example.com', version: 'v3' })).toEqual([]);
  });

  it('lists groups in registration order, with the first registered version preferred', () => {
    expect(registry.groups()).toEqual([
      {
        name: 'example.com',
        versions: [
          { groupVersion: 'example.com/v1', version: 'v1' },
          { groupVersion: 'example.com/v2', version: 'v2' },
        ],
        preferredVersion: { groupVersion: 'example.com/v1', version: 'v1' },
      },
      {
        name: '',
        versions: [{ groupVersion: 'v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'v1', version: 'v1' },
      },
    ]);
  });

  it('drops a group version, and then a group, with its last resource', () => {
    const shrinking = registryOf(widgetsV1, widgetsV2, pods);
    shrinking.unregister({ group: 'example.com', version: 'v1', resource: 'widgets' });
    expect(shrinking.groups()[0]).toEqual({
      name: 'example.com',
      versions: [{ groupVersion: 'example.com/v2', version: 'v2' }],
      preferredVersion: { groupVersion: 'example.com/v2', version: 'v2' },
    });
    shrinking.unregister({ group: 'example.com', version: 'v2', resource: 'widgets' });
    expect(shrinking.groups().map((group) => group.name)).toEqual(['']);
  });
});

describe('ResourceRegistry.changes$', () => {
  it('emits added and removed, after the registry has changed', () => {
    const registry = new ResourceRegistry();
    const seen: { change: ResourceChange; registered: number }[] = [];
    const subscription = registry.changes$.subscribe((change) => {
      seen.push({ change, registered: registry.resources().length });
    });

    expectRight(registry.register(widgetsV1));
    expectRight(registry.register(pods));
    expect(registry.unregister({ group: 'example.com', version: 'v1', resource: 'widgets' })).toBe(
      widgetsV1,
    );
    subscription.unsubscribe();

    expect(seen).toEqual([
      { change: { type: 'added', resource: widgetsV1 }, registered: 1 },
      { change: { type: 'added', resource: pods }, registered: 2 },
      { change: { type: 'removed', resource: widgetsV1 }, registered: 1 },
    ]);
  });

  it('emits nothing for a refused registration or an unknown unregistration', () => {
    const registry = registryOf(widgetsV1);
    const seen: ResourceChange[] = [];
    registry.changes$.subscribe((change) => seen.push(change));

    expectLeft(registry.register(widgetsV1));
    expect(
      registry.unregister({ group: 'example.com', version: 'v9', resource: 'widgets' }),
    ).toBeUndefined();

    expect(seen).toEqual([]);
  });

  it('does not replay earlier changes to a late subscriber', () => {
    const registry = registryOf(widgetsV1);
    const seen: ResourceChange[] = [];
    registry.changes$.subscribe((change) => seen.push(change));
    expectRight(registry.register(pods));
    expect(seen).toEqual([{ type: 'added', resource: pods }]);
  });

  it('lets a resource be registered again once unregistered', () => {
    const registry = registryOf(widgetsV1);
    registry.unregister({ group: 'example.com', version: 'v1', resource: 'widgets' });
    expect(isRight(registry.register(widgetsV1))).toBe(true);
  });
});
