import { describe, expect, it } from '@jest/globals';
import * as t from 'io-ts';
import {
  DEFAULT_RESOURCE_VERBS,
  defineResource,
} from '../../../src/api/registry/resource-definition.js';

describe('defineResource', () => {
  const widgets = defineResource({
    group: 'example.com',
    version: 'v1',
    kind: 'Widget',
    plural: 'widgets',
    namespaced: true,
  });

  it('fills in upstream defaults', () => {
    expect(widgets).toEqual({
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      singular: 'widget',
      shortNames: [],
      categories: [],
      namespaced: true,
      listKind: 'WidgetList',
      subresources: {},
      verbs: DEFAULT_RESOURCE_VERBS,
      selectableFields: expect.any(Object) as unknown,
    });
    expect(DEFAULT_RESOURCE_VERBS).toEqual([
      'create',
      'delete',
      'deletecollection',
      'get',
      'list',
      'patch',
      'update',
      'watch',
    ]);
  });

  it('adds metadata.name and metadata.namespace for a namespaced resource', () => {
    expect(Object.keys(widgets.selectableFields).sort()).toEqual([
      'metadata.name',
      'metadata.namespace',
    ]);
    const object = { metadata: { name: 'w', namespace: 'default' } };
    expect(widgets.selectableFields['metadata.name']?.(object)).toBe('w');
    expect(widgets.selectableFields['metadata.namespace']?.(object)).toBe('default');
    expect(widgets.selectableFields['metadata.namespace']?.({})).toBeUndefined();
  });

  it('adds only metadata.name for a cluster-scoped resource, beside its own fields', () => {
    const gadgets = defineResource({
      group: 'example.com',
      version: 'v1',
      kind: 'Gadget',
      plural: 'gadgets',
      namespaced: false,
      selectableFields: { 'spec.color': () => 'blue', 'metadata.name': () => 'overridden' },
    });
    expect(Object.keys(gadgets.selectableFields).sort()).toEqual(['metadata.name', 'spec.color']);
    expect(gadgets.selectableFields['metadata.name']?.({ metadata: { name: 'g' } })).toBe('g');
  });

  it('keeps a codec, and leaves the property out without one', () => {
    const Widget = t.type({ metadata: t.type({ name: t.string }) });
    const typed = defineResource({
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      namespaced: true,
      codec: Widget,
      selectableFields: { 'spec.name': (widget) => widget.metadata.name },
    });
    expect(typed.codec).toBe(Widget);
    expect('codec' in widgets).toBe(false);
  });

  it('freezes the definition', () => {
    expect(Object.isFrozen(widgets)).toBe(true);
    expect(Object.isFrozen(widgets.selectableFields)).toBe(true);
    expect(Object.isFrozen(widgets.shortNames)).toBe(true);
  });
});
