import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { left } from 'fp-ts/lib/Either.js';
import type {
  FieldAccessors,
  FieldRequirement,
} from '../../../src/api/selectors/field-selector.js';
import {
  everythingFieldSelector,
  parseFieldSelector,
} from '../../../src/api/selectors/field-selector.js';
import { escapeFieldValue } from '../../../src/api/selectors/field-value-escaping.js';
import { expectLeft, expectRight } from '../../support/either.js';

function parse(input: string) {
  return expectRight(parseFieldSelector(input));
}

const eq = (field: string, value: string): FieldRequirement => ({ field, operator: '=', value });
const ne = (field: string, value: string): FieldRequirement => ({ field, operator: '!=', value });

describe('parseFieldSelector', () => {
  // apimachinery's TestSelectorParse: good strings restring to themselves.
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=a||y\\=b', 'x=a\\=\\=b'])(
    'parses %p and writes it back unchanged',
    (input) => {
      expect(parse(input).toString()).toBe(input);
    },
  );

  it.each(['x=a||y=b', 'x==a==b', 'x=a,b', 'x in (a)', 'x in (a,b,c)', 'x'])(
    'rejects %p (TestSelectorParse)',
    (input) => {
      expect(expectLeft(parseFieldSelector(input))._tag).toBe('SelectorSyntaxError');
    },
  );

  it('parses the same terms in any order to the same selector', () => {
    expect(parse('x=a,a=x').toString()).toBe(parse('a=x,x=a').toString());
    expect(parse('x=a,a=x').toString()).toBe('a=x,x=a');
  });

  // apimachinery's TestSplitTerms and TestSplitTerm, through the parser.
  it.each<[string, FieldRequirement[]]>([
    ['a=avalue', [eq('a', 'avalue')]],
    ['a=avalue,b=bvalue', [eq('a', 'avalue'), eq('b', 'bvalue')]],
    ['a=avalue,b==bvalue,c!=cvalue', [eq('a', 'avalue'), eq('b', 'bvalue'), ne('c', 'cvalue')]],
    ['a=a,', [eq('a', 'a')]],
    [',a=a', [eq('a', 'a')]],
    [',,', []],
    // Terms are sorted as written: '2' sorts before '='.
    ['k=\\,,k2=v2', [eq('k2', 'v2'), eq('k', ',')]],
    ['k=\\\\,k2=v2', [eq('k2', 'v2'), eq('k', '\\')]],
    ['k=\\\\\\,,k2=v2', [eq('k2', 'v2'), eq('k', '\\,')]],
    ['k=\\=', [eq('k', '=')]],
    ['함=수,목=록', [eq('목', '록'), eq('함', '수')]],
    ['status.phase!=Running', [ne('status.phase', 'Running')]],
    ['x=a!b', [eq('x', 'a!b')]],
    ['spec.nodeName=', [eq('spec.nodeName', '')]],
    ['=a', [eq('', 'a')]],
    [' metadata.name = web', [eq(' metadata.name ', ' web')]],
  ])('parses %p', (input, requirements) => {
    expect(parse(input).requirements).toEqual(requirements);
  });

  it('reads == as =', () => {
    const selector = parse('metadata.name==web');
    expect(selector.requirements).toEqual([eq('metadata.name', 'web')]);
    expect(selector.toString()).toBe('metadata.name=web');
  });

  it('drops a term with neither field nor value, as upstream does', () => {
    expect(parse('=')).toBe(everythingFieldSelector);
    expect(parse('!=,==')).toBe(everythingFieldSelector);
    expect(parse('=,a=b').requirements).toEqual([eq('a', 'b')]);
  });

  it('is everything for the empty string', () => {
    const selector = parse('');
    expect(selector).toBe(everythingFieldSelector);
    expect(selector.isEverything).toBe(true);
    expect(selector.requirements).toEqual([]);
    expect(selector.fieldNames).toEqual([]);
    expect(selector.matches({})).toBe(true);
    expect(selector.requiresExactMatch('metadata.name')).toBeUndefined();
    expect(parse('a=b').isEverything).toBe(false);
  });

  it('lists the distinct field names it uses, sorted', () => {
    expect(
      parse('status.phase!=Failed,spec.nodeName=n1,status.phase!=Succeeded').fieldNames,
    ).toEqual(['spec.nodeName', 'status.phase']);
  });

  it('writes values escaped', () => {
    const selector = parse('complex=\\=value\\\\\\,\\\\');
    expect(selector.requirements).toEqual([eq('complex', '=value\\,\\')]);
    expect(selector.toString()).toBe('complex=\\=value\\\\\\,\\\\');
  });

  describe('errors', () => {
    const expectedTerm = 'expected: <field>=<value>, <field>==<value> or <field>!=<value>';
    it.each<[string, number, string]>([
      ['x=a,b', 4, `found 'b', ${expectedTerm}`],
      ['x', 0, `found 'x', ${expectedTerm}`],
      ['x in (a)', 0, `found 'x in (a)', ${expectedTerm}`],
      // Terms are checked in sorted order: 'b' before 'c)' before 'x in (a'.
      ['x in (a,b,c)', 8, `found 'b', ${expectedTerm}`],
      ['x==a==b', 4, "found unescaped '=' in value, expected: '\\='"],
      ['x=a||y=b', 6, "found unescaped '=' in value, expected: '\\='"],
      ['a=b,x=\\a', 6, "invalid escape sequence '\\a', expected: '\\\\', '\\,' or '\\='"],
      ['x=\\', 2, "invalid escape sequence lone '\\' at the end, expected: '\\\\', '\\,' or '\\='"],
    ])('reports %p at position %p: %s', (input, position, detail) => {
      expect(expectLeft(parseFieldSelector(input))).toEqual({
        _tag: 'SelectorSyntaxError',
        selectorKind: 'field',
        input,
        position,
        detail,
        message: `unable to parse field selector ${JSON.stringify(input)} at position ${position}: ${detail}`,
      });
    });
  });
});

describe('FieldSelector.matches', () => {
  // apimachinery's TestSelectorMatches.
  const fields = { foo: 'bar', baz: 'blah', complex: '=value\\,\\' };
  it.each<[string, Record<string, string>, boolean]>([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['foo=bar', fields, true],
    ['baz=blah', fields, true],
    ['foo=bar,baz=blah', fields, true],
    ['foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\', fields, true],
    ['foo=blah', fields, false],
    ['baz=bar', fields, false],
    ['foo=bar,foobar=bar,baz=blah', fields, false],
  ])('%p on %p is %p', (selector, set, expected) => {
    expect(parse(selector).matches(set)).toBe(expected);
  });

  it('reads a missing field as the empty string', () => {
    expect(parse('spec.nodeName=').matches({})).toBe(true);
    expect(parse('spec.nodeName!=').matches({})).toBe(false);
    expect(parse('spec.nodeName!=n1').matches({})).toBe(true);
    expect(parse('spec.nodeName=n1').matches({ 'spec.nodeName': undefined })).toBe(false);
    expect(parse('constructor=').matches({})).toBe(true);
  });

  it('takes a lookup function as well as a record', () => {
    const calls: string[] = [];
    const lookup = (field: string) => {
      calls.push(field);
      return field === 'metadata.name' ? 'web' : undefined;
    };
    expect(parse('metadata.name=web,spec.nodeName=').matches(lookup)).toBe(true);
    expect(calls).toEqual(['metadata.name', 'spec.nodeName']);
    expect(parse('metadata.name!=web').matches(lookup)).toBe(false);
  });
});

describe('FieldSelector.bind', () => {
  interface Pod {
    readonly metadata: { readonly name: string; readonly namespace: string };
    readonly spec: { readonly nodeName?: string };
    readonly status: { readonly phase: string };
  }
  const podFields: FieldAccessors<Pod> = {
    'metadata.name': (pod) => pod.metadata.name,
    'metadata.namespace': (pod) => pod.metadata.namespace,
    'spec.nodeName': (pod) => pod.spec.nodeName,
    'status.phase': (pod) => pod.status.phase,
  };
  const pod = (name: string, nodeName: string | undefined, phase: string): Pod => ({
    metadata: { name, namespace: 'default' },
    spec: nodeName === undefined ? {} : { nodeName },
    status: { phase },
  });
  const pods = [
    pod('a', 'n1', 'Running'),
    pod('b', undefined, 'Pending'),
    pod('c', 'n2', 'Succeeded'),
    pod('d', 'n1', 'Failed'),
  ];

  it('filters objects with the kind’s accessors', () => {
    const onNode = expectRight(parse('spec.nodeName=n1,status.phase!=Failed').bind(podFields));
    expect(pods.filter(onNode).map((p) => p.metadata.name)).toEqual(['a']);
    const unscheduled = expectRight(parse('spec.nodeName=').bind(podFields));
    expect(pods.filter(unscheduled).map((p) => p.metadata.name)).toEqual(['b']);
  });

  it('agrees with matches on every object', () => {
    const selectors = [
      '',
      'metadata.name=a',
      'spec.nodeName!=n1',
      'status.phase=Running,metadata.namespace=default',
    ];
    for (const text of selectors) {
      const selector = parse(text);
      const bound = expectRight(selector.bind(podFields));
      for (const p of pods) {
        const record = Object.fromEntries(
          Object.entries(podFields).map(([field, get]) => [field, get(p)]),
        );
        expect(bound(p)).toBe(selector.matches(record));
      }
    }
  });

  it('fails for a field the kind does not support, with the apiserver’s message', () => {
    expect(parse('metadata.name=a,spec.restartPolicy=Always').bind(podFields)).toEqual(
      left({
        _tag: 'FieldLabelNotSupported',
        field: 'spec.restartPolicy',
        message: 'field label not supported: spec.restartPolicy',
      }),
    );
    expect(expectLeft(parse('toString=x').bind(podFields)).field).toBe('toString');
  });

  it('binds everything to a predicate that accepts anything', () => {
    expect(expectRight(everythingFieldSelector.bind(podFields))(pod('a', 'n1', 'Running'))).toBe(
      true,
    );
  });
});

describe('FieldSelector.requiresExactMatch', () => {
  it.each<[string, string, string | undefined]>([
    ['metadata.name=web', 'metadata.name', 'web'],
    ['metadata.name==web', 'metadata.name', 'web'],
    ['metadata.name=', 'metadata.name', ''],
    ['metadata.name!=web', 'metadata.name', undefined],
    ['metadata.name!=x,metadata.name=web', 'metadata.name', 'web'],
    ['metadata.namespace=default', 'metadata.name', undefined],
  ])('%p requires %p to be %p', (selector, field, value) => {
    expect(parse(selector).requiresExactMatch(field)).toBe(value);
  });
});

describe('FieldSelector.toString', () => {
  const field = fc.stringMatching(/^[a-z][a-z.]{0,8}$/);
  const value = fc.string({ unit: fc.constantFrom('a', 'b', ',', '=', '\\', '!', ' ') });
  const requirement = fc.record({
    field,
    operator: fc.constantFrom('=', '==', '!='),
    value,
  });

  it('parses back to the same requirements', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 5 }), (terms) => {
        const input = terms
          .map((term) => `${term.field}${term.operator}${escapeFieldValue(term.value)}`)
          .join(',');
        const selector = parse(input);
        const again = parse(selector.toString());
        expect(again.requirements).toEqual(selector.requirements);
        expect(again.toString()).toBe(selector.toString());
        expect(selector.requirements).toHaveLength(terms.length);
      }),
    );
  });
});
