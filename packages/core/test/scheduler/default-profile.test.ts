import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_PLUGIN_WEIGHTS,
  defaultPlugins,
  defaultProfile,
} from '../../src/scheduler/default-profile.js';
import { nodeResourcesFit } from '../../src/scheduler/plugins/node-resources-fit/index.js';

describe('the default profile', () => {
  it("has upstream's plugins, scheduler name and weights", () => {
    const profile = defaultProfile();
    expect(profile.schedulerName).toBe('default-scheduler');
    expect(profile.plugins.map((plugin) => plugin.name)).toEqual(
      defaultPlugins().map((plugin) => plugin.name),
    );
    expect(profile.weights).toMatchObject({
      TaintToleration: 3,
      NodeAffinity: 2,
      NodeResourcesFit: 1,
    });
    expect(DEFAULT_PLUGIN_WEIGHTS).toMatchObject({ PodTopologySpread: 2, InterPodAffinity: 2 });
  });

  it('adds a plugin, replaces one of the same name in place, reweights and disables', () => {
    const packing = nodeResourcesFit({ scoringStrategy: 'MostAllocated' });
    const profile = defaultProfile({
      schedulerName: 'packer',
      plugins: [{ name: 'Custom' }, packing],
      weights: { NodeResourcesFit: 5 },
      disabled: ['NodeResourcesBalancedAllocation'],
    });
    const names = profile.plugins.map((plugin) => plugin.name);
    expect(names).toEqual([
      'NodeUnschedulable',
      'NodeName',
      'TaintToleration',
      'NodeAffinity',
      'NodeResourcesFit',
      'PodTopologySpread',
      'InterPodAffinity',
      'Custom',
    ]);
    expect(profile.plugins[4]).toBe(packing);
    expect(profile.weights?.['NodeResourcesFit']).toBe(5);
    expect(profile.schedulerName).toBe('packer');
  });
});
