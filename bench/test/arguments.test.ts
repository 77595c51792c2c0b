import { describe, expect, it } from '@jest/globals';
import { parseArguments, UsageError } from '../src/arguments.js';

describe('parseArguments', () => {
  it('runs everything when given nothing', () => {
    expect(parseArguments([])).toEqual({ kind: 'run', prefixes: [] });
  });

  it('takes every other argument as a prefix', () => {
    expect(parseArguments(['store', 'clock.now'])).toEqual({
      kind: 'run',
      prefixes: ['store', 'clock.now'],
    });
  });

  it('lists instead of running with --list or -l, anywhere on the line', () => {
    expect(parseArguments(['store', '--list'])).toEqual({ kind: 'list', prefixes: ['store'] });
    expect(parseArguments(['-l'])).toEqual({ kind: 'list', prefixes: [] });
  });

  it('asks for help with --help or -h, whatever else is given', () => {
    expect(parseArguments(['store', '--help'])).toEqual({ kind: 'help' });
    expect(parseArguments(['-h', '--list'])).toEqual({ kind: 'help' });
  });

  it('takes everything after -- as a prefix', () => {
    expect(parseArguments(['--', '--list'])).toEqual({ kind: 'run', prefixes: ['--list'] });
  });

  it('rejects an unknown option, naming it', () => {
    expect(() => parseArguments(['--lst'])).toThrow(new UsageError('unknown option "--lst"'));
  });
});
