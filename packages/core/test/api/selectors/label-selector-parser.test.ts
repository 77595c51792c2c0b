import { describe, expect, it } from '@jest/globals';
import type { LabelRequirement } from '../../../src/api/selectors/label-requirement.js';
import { parseLabelSelector } from '../../../src/api/selectors/label-selector-parser.js';
import { expectLeft, expectRight } from '../../support/either.js';

function requirementsOf(input: string): readonly LabelRequirement[] {
  return expectRight(parseLabelSelector(input)).requirements;
}

const exists = (key: string): LabelRequirement => ({ key, operator: 'exists', values: [] });
const absent = (key: string): LabelRequirement => ({ key, operator: '!', values: [] });
const req = (key: string, operator: LabelRequirement['operator'], ...values: string[]) => ({
  key,
  operator,
  values,
});

describe('parseLabelSelector', () => {
  // apimachinery's TestSelectorParse: good strings restring to themselves, minus spaces.
  it.each([
    'x=a,y=b,z=c',
    '',
    'x!=a,y=b',
    'x=',
    'x= ',
    'x=,z= ',
    'x= ,z= ',
    '!x',
    'x>1',
    'x>1,z<5',
  ])('parses %p and writes it back without spaces', (input) => {
    expect(expectRight(parseLabelSelector(input)).toString()).toBe(input.replaceAll(' ', ''));
  });

  it.each(['x=a||y=b', 'x==a==b', '!x=a', 'x<a'])('rejects %p (TestSelectorParse)', (input) => {
    expectLeft(parseLabelSelector(input));
  });

  it('parses the same requirements in any order to the same selector', () => {
    const a = expectRight(parseLabelSelector('x=a,a=x'));
    const b = expectRight(parseLabelSelector('a=x,x=a'));
    expect(a.toString()).toBe(b.toString());
    expect(a.requirements).toEqual(b.requirements);
  });

  // apimachinery's TestSetSelectorParser: the valid cases and their requirements.
  it.each<[string, LabelRequirement[]]>([
    ['', []],
    ['\rx', [exists('x')]],
    ['this-is-a-dns.domain.com/key-with-dash', [exists('this-is-a-dns.domain.com/key-with-dash')]],
    [
      'this-is-another-dns.domain.com/key-with-dash in (so,what)',
      [req('this-is-another-dns.domain.com/key-with-dash', 'in', 'so', 'what')],
    ],
    [
      '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)',
      [req('0.1.2.domain/99', 'notin', '10.10.100.1', 'tick.tack.clock')],
    ],
    ['foo  in\t (abc)', [req('foo', 'in', 'abc')]],
    ['x notin\n (abc)', [req('x', 'notin', 'abc')]],
    ['x  notin\t\t\t(abc,def)', [req('x', 'notin', 'abc', 'def')]],
    ['x in (abc,def)', [req('x', 'in', 'abc', 'def')]],
    ['x in (abc,)', [req('x', 'in', '', 'abc')]],
    ['x in ()', [req('x', 'in', '')]],
    [
      'x notin (abc,,def),bar,z in (),w',
      [exists('bar'), exists('w'), req('x', 'notin', '', 'abc', 'def'), req('z', 'in', '')],
    ],
    ['x,y in (a)', [exists('x'), req('y', 'in', 'a')]],
    ['x=a', [req('x', '=', 'a')]],
    ['x>1', [req('x', 'gt', '1')]],
    ['x<7', [req('x', 'lt', '7')]],
    ['x=a,y!=b', [req('x', '=', 'a'), req('y', '!=', 'b')]],
    [
      'x=a,y!=b,z in (h,i,j)',
      [req('x', '=', 'a'), req('y', '!=', 'b'), req('z', 'in', 'h', 'i', 'j')],
    ],
    ['x notin ( )', [req('x', 'notin', '')]],
    ['x notin (, a)', [req('x', 'notin', '', 'a')]],
    ['a ', [exists('a')]],
    ['a in (x,y,notin, z,in)', [req('a', 'in', 'in', 'notin', 'x', 'y', 'z')]],
  ])('parses %p', (input, expected) => {
    expect(requirementsOf(input)).toEqual(expected);
  });

  // apimachinery's TestSetSelectorParser: the invalid cases.
  it.each([
    'x=a||y=b',
    'x,,y',
    ',x,y',
    'x nott in (y)',
    'a in (xyz),',
    'a in (xyz)b notin ()',
    'a in (xyz abc)',
    'a notin(',
    'a (',
    '(',
    '== != (), = notin',
  ])('rejects %p (TestSetSelectorParser)', (input) => {
    expect(expectLeft(parseLabelSelector(input))._tag).toBe('SelectorSyntaxError');
  });

  it('reads every operator, with or without whitespace around it', () => {
    expect(requirementsOf(' a = 1 , b == 2 , c != 3 , d > 4 , e < 5 , ! f , g ')).toEqual([
      req('a', '=', '1'),
      req('b', '==', '2'),
      req('c', '!=', '3'),
      req('d', 'gt', '4'),
      req('e', 'lt', '5'),
      absent('f'),
      exists('g'),
    ]);
    expect(requirementsOf('h in(x),i notin(y)')).toEqual([
      req('h', 'in', 'x'),
      req('i', 'notin', 'y'),
    ]);
  });

  it('reads in and notin as keys and values wherever an operator is not expected', () => {
    expect(requirementsOf('notin=in')).toEqual([req('notin', '=', 'in')]);
    expect(requirementsOf('in in (notin)')).toEqual([req('in', 'in', 'notin')]);
    expect(requirementsOf('!in,notin')).toEqual([absent('in'), exists('notin')]);
  });

  it('sorts set values and drops duplicates', () => {
    expect(requirementsOf('x in (b,a,b,,)')).toEqual([req('x', 'in', '', 'a', 'b')]);
  });

  it('sorts requirements by key, keeping the written order among equal keys', () => {
    expect(requirementsOf('b=2,a,b!=3,a=1')).toEqual([
      exists('a'),
      req('a', '=', '1'),
      req('b', '=', '2'),
      req('b', '!=', '3'),
    ]);
  });

  it('accepts 64-bit integer bounds and leading zeros for > and <', () => {
    expect(requirementsOf('x>9223372036854775807,y<007')).toEqual([
      req('x', 'gt', '9223372036854775807'),
      req('y', 'lt', '007'),
    ]);
  });

  describe('errors', () => {
    it.each<[string, number, string]>([
      ['app=(', 4, "found '(', expected: identifier"],
      ['x,', 2, "found end of string, expected: identifier after ','"],
      [',x', 0, "found ',', expected: !, identifier, or 'end of string'"],
      ['x==a==b', 4, "found '==', expected: ',' or 'end of string'"],
      ['!x=a', 2, "found '=', expected: ',' or 'end of string'"],
      ['x (', 2, "found '(', expected: in, notin, =, ==, !=, gt, lt"],
      ['env IN (a)', 4, "found 'IN', expected: in, notin, =, ==, !=, gt, lt"],
      ['x in a', 5, "found 'a', expected: '('"],
      ['x in (a b)', 8, "found 'b', expected: ',' or ')'"],
      ['x in (a', 7, "found end of string, expected: ',' or ')'"],
      ['x in (a,', 8, "found end of string, expected: ',', or identifier"],
      ['a notin(', 8, "found end of string, expected: ',', ')' or identifier"],
      ['label0 in (=)', 11, "found '=', expected: ',', ')' or identifier"],
      ['x in (a)y', 8, "found 'y', expected: ',' or 'end of string'"],
      ['!', 1, 'found end of string, expected: identifier'],
      ['!!x', 1, "found '!', expected: identifier"],
      ['x=(a)', 2, "found '(', expected: identifier"],
      ['x<a', 2, "invalid value 'a': for 'gt', 'lt' operators, the value must be an integer"],
      ['x>', 2, "invalid value '': for 'gt', 'lt' operators, the value must be an integer"],
      [
        'x>9223372036854775808',
        2,
        "invalid value '9223372036854775808': for 'gt', 'lt' operators, the value must be an integer",
      ],
      ['x>1.5', 2, "invalid value '1.5': for 'gt', 'lt' operators, the value must be an integer"],
    ])('reports %p at position %p: %s', (input, position, detail) => {
      const error = expectLeft(parseLabelSelector(input));
      expect(error).toEqual({
        _tag: 'SelectorSyntaxError',
        selectorKind: 'label',
        input,
        position,
        detail,
        message: `unable to parse label selector ${JSON.stringify(input)} at position ${position}: ${detail}`,
      });
    });

    it('names an invalid key and why it is invalid', () => {
      const error = expectLeft(parseLabelSelector('a=b, x/ =c'));
      expect(error.position).toBe(5);
      expect(error.detail).toMatch(/^invalid label key 'x\/': name part must be non-empty; /);
    });

    it('names an invalid value and where it is', () => {
      const inSet = expectLeft(parseLabelSelector('x in (a,-b)'));
      expect(inSet.position).toBe(8);
      expect(inSet.detail).toMatch(/^invalid label value '-b': a valid label must be/);
      const tooLong = expectLeft(parseLabelSelector(`x=${'v'.repeat(64)}`));
      expect(tooLong.position).toBe(2);
      expect(tooLong.detail).toContain('must be no more than 63 bytes');
    });

    it('rejects a > or < bound that is an integer but not a label value', () => {
      expect(expectLeft(parseLabelSelector('x>-1')).detail).toMatch(/^invalid label value '-1'/);
    });

    it('rejects characters outside the label alphabet, NUL included', () => {
      expect(expectLeft(parseLabelSelector('a\u0000')).detail).toMatch(/^invalid label key/);
      expect(expectLeft(parseLabelSelector('a|b')).detail).toMatch(/^invalid label key 'a\|b'/);
    });
  });
});
