import { describe, expect, it } from '@jest/globals';
import {
  assertUniqueNames,
  DuplicateBenchmarkNameError,
  findByName,
  selectByPrefix,
  UnknownBenchmarkError,
  UnknownPrefixError,
} from '../src/select.js';

const all = [{ name: 'store.put' }, { name: 'store.get' }, { name: 'clock.now' }];

/** The error `run` throws; fails the test if it throws none. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected an error, but none was thrown');
}

describe('selectByPrefix', () => {
  it('selects everything when no prefix is given', () => {
    expect(selectByPrefix(all, [])).toEqual(all);
  });

  it('selects the names that start with a prefix', () => {
    expect(selectByPrefix(all, ['store.'])).toEqual([{ name: 'store.put' }, { name: 'store.get' }]);
  });

  it('accepts a whole name as a prefix', () => {
    expect(selectByPrefix(all, ['clock.now'])).toEqual([{ name: 'clock.now' }]);
  });

  it('keeps registry order, whatever the order of the prefixes', () => {
    expect(selectByPrefix(all, ['clock', 'store.get'])).toEqual([
      { name: 'store.get' },
      { name: 'clock.now' },
    ]);
  });

  it('selects a benchmark matched by several prefixes once', () => {
    expect(selectByPrefix(all, ['store', 'store.put'])).toEqual([
      { name: 'store.put' },
      { name: 'store.get' },
    ]);
  });

  it('matches case-sensitively', () => {
    expect(() => selectByPrefix(all, ['Store'])).toThrow(UnknownPrefixError);
  });

  it('rejects a prefix that matches nothing, naming it and listing the known names', () => {
    const error = thrownBy(() => selectByPrefix(all, ['nope']));
    expect(error).toBeInstanceOf(UnknownPrefixError);
    expect((error as UnknownPrefixError).message).toBe(
      'no benchmark name starts with "nope"\n' +
        'Known benchmarks:\n  store.put\n  store.get\n  clock.now',
    );
  });

  it('rejects the whole selection when only one prefix matches nothing', () => {
    const error = thrownBy(() => selectByPrefix(all, ['store', 'stroe', 'clok']));
    expect(error).toBeInstanceOf(UnknownPrefixError);
    expect((error as UnknownPrefixError).prefixes).toEqual(['stroe', 'clok']);
    expect((error as UnknownPrefixError).message).toMatch(
      /^no benchmark name starts with "stroe" or "clok"\n/,
    );
  });

  it('says that nothing is registered when a prefix is given to an empty registry', () => {
    expect(() => selectByPrefix([], ['store'])).toThrow(
      'no benchmark name starts with "store"\nNo benchmarks are registered (see bench/src/registry.ts).',
    );
  });
});

describe('findByName', () => {
  it('finds the entry with exactly that name', () => {
    expect(findByName(all, 'store.get')).toBe(all[1]);
  });

  it('does not treat the name as a prefix', () => {
    const error = thrownBy(() => findByName(all, 'store'));
    expect(error).toBeInstanceOf(UnknownBenchmarkError);
    expect((error as UnknownBenchmarkError).message).toMatch(
      /^no benchmark is named "store"\nKnown benchmarks:/,
    );
  });
});

describe('assertUniqueNames', () => {
  it('accepts distinct names', () => {
    expect(() => assertUniqueNames(all)).not.toThrow();
  });

  it('names every duplicated name once', () => {
    const duplicated = [
      ...all,
      { name: 'clock.now' },
      { name: 'clock.now' },
      { name: 'store.put' },
    ];
    const error = thrownBy(() => assertUniqueNames(duplicated));
    expect(error).toBeInstanceOf(DuplicateBenchmarkNameError);
    expect((error as DuplicateBenchmarkNameError).names).toEqual(['clock.now', 'store.put']);
    expect((error as DuplicateBenchmarkNameError).message).toBe(
      'benchmark names must be unique, but "clock.now", "store.put" are used more than once',
    );
  });
});
