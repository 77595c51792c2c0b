import { describe, expect, it } from '@jest/globals';
import { compileProfile } from '../../../src/scheduler/cycle/compiled-profile.js';
import type { SchedulerPlugin } from '../../../src/scheduler/framework/plugin.js';

const binder: SchedulerPlugin = { name: 'Binder', bind: () => Promise.resolve(undefined) };

describe('compileProfile', () => {
  it('sorts plugins by extension point, weighs scorers (1 by default) and adds the binder', () => {
    const compiled = compileProfile(
      {
        schedulerName: 's',
        plugins: [
          { name: 'F', filter: () => undefined },
          { name: 'S', score: () => 0 },
          { name: 'T', score: () => 0 },
        ],
        weights: { S: 4 },
      },
      binder,
    );
    expect(compiled.filter.map((plugin) => plugin.name)).toEqual(['F']);
    expect(compiled.score.map(({ plugin, weight }) => [plugin.name, weight])).toEqual([
      ['S', 4],
      ['T', 1],
    ]);
    expect(compiled.bind).toEqual([binder]);
  });

  it('keeps a profile’s own binder', () => {
    const own: SchedulerPlugin = { name: 'Own', bind: () => Promise.resolve(undefined) };
    expect(compileProfile({ schedulerName: 's', plugins: [own] }, binder).bind).toEqual([own]);
  });

  it('rejects two plugins of one name and weights that are not numbers', () => {
    expect(() =>
      compileProfile({ schedulerName: 's', plugins: [{ name: 'A' }, { name: 'A' }] }, binder),
    ).toThrow('scheduler profile "s": two plugins are named "A"');
    expect(() =>
      compileProfile({ schedulerName: 's', plugins: [], weights: { A: Number.NaN } }, binder),
    ).toThrow(RangeError);
  });
});
