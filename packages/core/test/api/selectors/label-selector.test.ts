import { describe, expect, it } from '@jest/globals';
import type { Labels } from '../../../src/api/selectors/label-selector.js';
import {
  everythingLabelSelector,
  labelSelectorFromRequirements,
  nothingLabelSelector,
} from '../../../src/api/selectors/label-selector.js';
import { parseLabelSelector } from '../../../src/api/selectors/label-selector-parser.js';
import { expectRight } from '../../support/either.js';

function matches(selector: string, labels: Labels | undefined): boolean {
  return expectRight(parseLabelSelector(selector)).matches(labels);
}

describe('LabelSelector.matches', () => {
  // apimachinery's TestSelectorMatches.
  it.each<[string, Labels]>([
    ['', { x: 'y' }],
    ['x=y', { x: 'y' }],
    ['x=y,z=w', { x: 'y', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'a' }],
    ['notin=in', { notin: 'in' }],
    ['x', { x: 'z' }],
    ['!x', { y: 'z' }],
    ['x>1', { x: '2' }],
    ['x<1', { x: '0' }],
    ['foo=bar', { foo: 'bar', baz: 'blah' }],
    ['baz=blah', { foo: 'bar', baz: 'blah' }],
    ['foo=bar,baz=blah', { foo: 'bar', baz: 'blah' }],
  ])('%p matches %p', (selector, labels) => {
    expect(matches(selector, labels)).toBe(true);
  });

  it.each<[string, Labels]>([
    ['x=z', {}],
    ['x=y', { x: 'z' }],
    ['x=y,z=w', { x: 'w', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'w' }],
    ['x', { y: 'z' }],
    ['!x', { x: 'z' }],
    ['x>1', { x: '0' }],
    ['x<1', { x: '2' }],
    ['foo=blah', { foo: 'bar', baz: 'blah' }],
    ['baz=bar', { foo: 'bar', baz: 'blah' }],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }],
  ])('%p does not match %p', (selector, labels) => {
    expect(matches(selector, labels)).toBe(false);
  });

  // apimachinery's TestRequirementSelectorMatching, written as strings.
  it.each<[string, Labels, boolean]>([
    ['x in (foo),y notin (alpha)', { x: 'foo', y: 'baz' }, true],
    ['x in (foo),y in (alpha)', { x: 'foo', y: 'baz' }, false],
    ['x notin (),y', { y: '' }, true],
    ['!x,y', { y: '' }, true],
    ['x notin (),!y', { y: '' }, false],
    ['x in ()', { y: 'baz' }, false],
    ['z>1', { z: '2' }, true],
    ['z>1', { z: 'v2' }, false],
  ])('%p on %p is %p', (selector, labels, expected) => {
    expect(matches(selector, labels)).toBe(expected);
  });

  describe('a missing key', () => {
    it.each(['x!=a', 'x notin (a,b)', '!x', 'x notin ()', 'x!='])('matches %p', (selector) => {
      expect(matches(selector, { y: 'a' })).toBe(true);
      expect(matches(selector, {})).toBe(true);
      expect(matches(selector, undefined)).toBe(true);
    });

    it.each(['x', 'x=a', 'x==a', 'x=', 'x in (a,b)', 'x in ()', 'x>0', 'x<0'])(
      'does not match %p',
      (selector) => {
        expect(matches(selector, { y: 'a' })).toBe(false);
        expect(matches(selector, undefined)).toBe(false);
      },
    );
  });

  it('tells the empty value from a missing key', () => {
    expect(matches('x=', { x: '' })).toBe(true);
    expect(matches('x in ()', { x: '' })).toBe(true);
    expect(matches('x!=', { x: '' })).toBe(false);
    expect(matches('x notin (,a)', { x: '' })).toBe(false);
    expect(matches('x notin (,a)', { x: 'b' })).toBe(true);
  });

  it('checks set membership for small and large sets alike', () => {
    const many = Array.from({ length: 20 }, (_, i) => `v${i}`);
    for (const values of [['a', 'b', 'c'], many]) {
      const inSet = expectRight(parseLabelSelector(`x in (${values.join(',')})`));
      const notInSet = expectRight(parseLabelSelector(`x notin (${values.join(',')})`));
      for (const value of values) {
        expect(inSet.matches({ x: value })).toBe(true);
        expect(notInSet.matches({ x: value })).toBe(false);
      }
      expect(inSet.matches({ x: 'other' })).toBe(false);
      expect(notInSet.matches({ x: 'other' })).toBe(true);
    }
  });

  describe('> and <', () => {
    it.each<[string, string, boolean]>([
      ['x>5', '6', true],
      ['x>5', '5', false],
      ['x<5', '4', true],
      ['x<5', '5', false],
      ['x>5', '+6', true],
      ['x<5', '-6', true],
      ['x>5', '006', true],
      ['x<1', '-0', true],
      ['x>5', '', false],
      ['x>5', '6a', false],
      ['x>5', ' 6', false],
      ['x>5', '6.0', false],
      ['x>5', '1e3', false],
      ['x>5', '-', false],
      ['x>5', '1_000', false],
      ['x>9007199254740992', '9007199254740993', true],
      ['x<9223372036854775807', '9223372036854775806', true],
      ['x>9223372036854775806', '9223372036854775807', true],
      ['x>0', '9223372036854775808', false],
      ['x<0', '-9223372036854775808', true],
      ['x<0', '-9223372036854775809', false],
      ['x>123456789012345', '1234567890123456', true],
    ])('%p on x=%p is %p, as Go ParseInt reads the value', (selector, value, expected) => {
      expect(matches(selector, { x: value })).toBe(expected);
    });
  });

  it('reads only own string properties as labels', () => {
    expect(matches('constructor', {})).toBe(false);
    expect(matches('!toString', {})).toBe(true);
    expect(matches('hasOwnProperty notin (a)', {})).toBe(true);
    expect(matches('constructor', { constructor: 'x' })).toBe(true);
    expect(matches('x', Object.create(null) as Labels)).toBe(false);
  });
});

describe('LabelSelector.toString', () => {
  // apimachinery's TestToString, written as strings (values sorted, keys sorted).
  it.each<[string, string]>([
    ['x in (abc,def),y notin (jkl),z', 'x in (abc,def),y notin (jkl),z'],
    ['x notin (def,abc),y!=jkl,!z', 'x notin (abc,def),y!=jkl,!z'],
    ['z notin (),y in (mno,jkl),x notin (abc)', 'x notin (abc),y in (jkl,mno),z notin ()'],
    ['x=abc,y==jkl,z!=a,z', 'x=abc,y==jkl,z!=a,z'],
    ['z, y<8 , x>2', 'x>2,y<8,z'],
    ['x in (b,,a)', 'x in (,a,b)'],
    ['  ', ''],
  ])('writes %p as %p', (input, canonical) => {
    expect(expectRight(parseLabelSelector(input)).toString()).toBe(canonical);
  });

  it('sorts set values for the string without reordering the requirement', () => {
    const selector = labelSelectorFromRequirements([
      { key: 'x', operator: 'in', values: ['b', 'a'] },
    ]);
    expect(selector.toString()).toBe('x in (a,b)');
    expect(selector.requirements[0]?.values).toEqual(['b', 'a']);
  });
});

describe('LabelSelector', () => {
  it('is everything for the empty string, and matches anything', () => {
    const selector = expectRight(parseLabelSelector(''));
    expect(selector).toBe(everythingLabelSelector);
    expect(selector.isEverything).toBe(true);
    expect(selector.isNothing).toBe(false);
    expect(selector.requirements).toEqual([]);
    expect(selector.matches({ x: 'y' })).toBe(true);
    expect(selector.matches(undefined)).toBe(true);
  });

  it('has a nothing selector that matches no object and writes as the empty string', () => {
    expect(nothingLabelSelector.isNothing).toBe(true);
    expect(nothingLabelSelector.isEverything).toBe(false);
    expect(nothingLabelSelector.matches({})).toBe(false);
    expect(nothingLabelSelector.matches({ x: 'y' })).toBe(false);
    expect(nothingLabelSelector.toString()).toBe('');
  });

  it('is neither everything nor nothing once it has a requirement', () => {
    const selector = expectRight(parseLabelSelector('x'));
    expect(selector.isEverything).toBe(false);
    expect(selector.isNothing).toBe(false);
  });

  it('cannot be changed through its requirements', () => {
    const selector = expectRight(parseLabelSelector('x in (a,b)'));
    expect(Object.isFrozen(selector.requirements)).toBe(true);
    expect(Object.isFrozen(selector.requirements[0])).toBe(true);
    expect(Object.isFrozen(selector.requirements[0]?.values)).toBe(true);
  });

  // apimachinery's RequiresExactMatch: the first requirement on the key decides.
  it.each<[string, string, string | undefined]>([
    ['x=a', 'x', 'a'],
    ['x==a', 'x', 'a'],
    ['x in (a)', 'x', 'a'],
    ['x=', 'x', ''],
    ['x in (a,b)', 'x', undefined],
    ['x!=a', 'x', undefined],
    ['x', 'x', undefined],
    ['y=a', 'x', undefined],
    ['x,x=a', 'x', undefined],
    ['x=a,x!=b', 'x', 'a'],
    ['', 'x', undefined],
  ])('%p requires %p to be %p', (selector, key, value) => {
    expect(expectRight(parseLabelSelector(selector)).requiresExactMatch(key)).toBe(value);
  });
});
