import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { applyJsonPatch } from '../../../src/apiserver/patch/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

type Example = readonly [name: string, document: unknown, patch: unknown, expected: unknown];

// RFC 6902 Appendix A, the examples that succeed.
const RFC_6902_SUCCESSES: readonly Example[] = [
  [
    'A.1 adds an object member',
    { foo: 'bar' },
    [{ op: 'add', path: '/baz', value: 'qux' }],
    { baz: 'qux', foo: 'bar' },
  ],
  [
    'A.2 adds an array element',
    { foo: ['bar', 'baz'] },
    [{ op: 'add', path: '/foo/1', value: 'qux' }],
    { foo: ['bar', 'qux', 'baz'] },
  ],
  [
    'A.3 removes an object member',
    { baz: 'qux', foo: 'bar' },
    [{ op: 'remove', path: '/baz' }],
    { foo: 'bar' },
  ],
  [
    'A.4 removes an array element',
    { foo: ['bar', 'qux', 'baz'] },
    [{ op: 'remove', path: '/foo/1' }],
    { foo: ['bar', 'baz'] },
  ],
  [
    'A.5 replaces a value',
    { baz: 'qux', foo: 'bar' },
    [{ op: 'replace', path: '/baz', value: 'boo' }],
    { baz: 'boo', foo: 'bar' },
  ],
  [
    'A.6 moves a value',
    { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
    [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
    { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
  ],
  [
    'A.7 moves an array element',
    { foo: ['all', 'grass', 'cows', 'eat'] },
    [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
    { foo: ['all', 'cows', 'eat', 'grass'] },
  ],
  [
    'A.8 tests a value successfully',
    { baz: 'qux', foo: ['a', 2, 'c'] },
    [
      { op: 'test', path: '/baz', value: 'qux' },
      { op: 'test', path: '/foo/1', value: 2 },
    ],
    { baz: 'qux', foo: ['a', 2, 'c'] },
  ],
  [
    'A.10 adds a nested member object',
    { foo: 'bar' },
    [{ op: 'add', path: '/child', value: { grandchild: {} } }],
    { foo: 'bar', child: { grandchild: {} } },
  ],
  [
    'A.11 ignores unrecognized elements of an operation',
    { foo: 'bar' },
    [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }],
    { foo: 'bar', baz: 'qux' },
  ],
  [
    'A.14 unescapes ~01 to ~1, not /',
    { '/': 9, '~1': 10 },
    [{ op: 'test', path: '/~01', value: 10 }],
    { '/': 9, '~1': 10 },
  ],
  [
    'A.16 appends an array value with -',
    { foo: ['bar'] },
    [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
    { foo: ['bar', ['abc', 'def']] },
  ],
];

// RFC 6902 Appendix A, the examples that fail, with evanphx/json-patch's wording.
const RFC_6902_FAILURES: readonly Example[] = [
  [
    'A.9 fails a test',
    { baz: 'qux' },
    [{ op: 'test', path: '/baz', value: 'bar' }],
    'testing value /baz failed: test failed',
  ],
  [
    'A.12 fails to add to a nonexistent target',
    { foo: 'bar' },
    [{ op: 'add', path: '/baz/bat', value: 'qux' }],
    'add operation does not apply: doc is missing path: "/baz/bat": missing value',
  ],
  [
    'A.15 fails to compare a string with a number',
    { '/': 9, '~1': 10 },
    [{ op: 'test', path: '/~01', value: '10' }],
    'testing value /~01 failed: test failed',
  ],
];

describe('applyJsonPatch', () => {
  it.each(RFC_6902_SUCCESSES)('RFC 6902 %s', (_name, document, patch, expected) => {
    expect(expectRight(applyJsonPatch(document, patch))).toEqual(expected);
  });

  it.each(RFC_6902_FAILURES)('RFC 6902 %s', (_name, document, patch, message) => {
    expect(expectLeft(applyJsonPatch(document, patch))).toEqual({ _tag: 'PatchFailed', message });
  });

  it('fails a test of the replicas as the apiserver words it', () => {
    const deployment = { spec: { replicas: 1 } };
    const patch = [{ op: 'test', path: '/spec/replicas', value: 2 }];
    expect(expectLeft(applyJsonPatch(deployment, patch)).message).toBe(
      'testing value /spec/replicas failed: test failed',
    );
  });

  it('is atomic: a failing operation leaves no earlier change behind', () => {
    const document = { a: 1 };
    const patch = [
      { op: 'replace', path: '/a', value: 2 },
      { op: 'remove', path: '/missing' },
    ];
    expect(expectLeft(applyJsonPatch(document, patch))._tag).toBe('PatchFailed');
    expect(document).toEqual({ a: 1 });
  });

  it('never changes its inputs and shares untouched subtrees', () => {
    const document = { spec: { replicas: 1 }, metadata: { labels: { app: 'web' } } };
    const patch = [{ op: 'replace', path: '/spec/replicas', value: 3 }];
    const frozen = JSON.stringify(document);
    const result = expectRight(applyJsonPatch(document, patch)) as typeof document;
    expect(JSON.stringify(document)).toBe(frozen);
    expect(result.metadata).toBe(document.metadata);
    expect(result.spec).toEqual({ replicas: 3 });
  });

  it('adds, replaces and removes the whole document at the empty pointer', () => {
    expect(expectRight(applyJsonPatch({ a: 1 }, [{ op: 'add', path: '', value: [1] }]))).toEqual([
      1,
    ]);
    expect(expectRight(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: 'x' }]))).toBe(
      'x',
    );
    expect(expectLeft(applyJsonPatch({ a: 1 }, [{ op: 'remove', path: '' }]))._tag).toBe(
      'PatchFailed',
    );
  });

  it('copies a value and moves one to where it already is', () => {
    const document = { a: { b: [1] }, c: 2 };
    expect(
      expectRight(applyJsonPatch(document, [{ op: 'copy', from: '/a/b', path: '/d' }])),
    ).toEqual({
      ...document,
      d: [1],
    });
    expect(expectRight(applyJsonPatch(document, [{ op: 'move', from: '/c', path: '/c' }]))).toBe(
      document,
    );
  });

  it('reads keys holding / and ~ through their escapes', () => {
    const result = applyJsonPatch({ 'a/b': 1, 'm~n': 2 }, [
      { op: 'replace', path: '/a~1b', value: 10 },
      { op: 'remove', path: '/m~0n' },
    ]);
    expect(expectRight(result)).toEqual({ 'a/b': 10 });
  });

  it('treats a null patch as no operations, as upstream decodes it', () => {
    expect(expectRight(applyJsonPatch({ a: 1 }, null))).toEqual({ a: 1 });
  });

  it.each([
    [
      'an object',
      { op: 'add' },
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    ],
    ['a string', 'add', 'json: cannot unmarshal string into Go value of type jsonpatch.Patch'],
    [
      'an array of numbers',
      [1],
      'json: cannot unmarshal number into Go value of type jsonpatch.Operation',
    ],
  ])('rejects a patch that is %s as a bad request', (_name, patch, message) => {
    expect(expectLeft(applyJsonPatch({}, patch))).toEqual({ _tag: 'BadPatch', message });
  });

  it.each([
    ['an unknown op', { op: 'increment', path: '/a' }, 'Unexpected kind: increment'],
    ['no op', { path: '/a' }, 'Unexpected kind: unknown'],
    ['no path', { op: 'remove' }, 'remove operation failed to decode path: missing value'],
    ['no value', { op: 'add', path: '/b' }, 'add operation failed to decode value: missing value'],
    ['no from', { op: 'move', path: '/b' }, 'move operation failed to decode from: missing value'],
    [
      'a pointer without a leading slash',
      { op: 'replace', path: 'a', value: 1 },
      'replace operation does not apply: doc is missing path: a: missing value',
    ],
    [
      'a bad ~ escape',
      { op: 'remove', path: '/a~2' },
      'remove operation does not apply: doc is missing path: "/a~2": missing value',
    ],
    [
      'a missing key to replace',
      { op: 'replace', path: '/x', value: 1 },
      'replace operation does not apply: doc is missing key: /x: missing value',
    ],
    [
      'a missing key to remove',
      { op: 'remove', path: '/x' },
      "error in remove for path: '/x': Unable to remove nonexistent key: x: missing value",
    ],
    [
      'a move into its own child',
      { op: 'move', from: '/a', path: '/a/child' },
      'move operation does not apply: path /a/child is a child of from path /a',
    ],
    [
      'a move from nowhere',
      { op: 'move', from: '/x', path: '/y' },
      'move operation does not apply: doc is missing from path: /x: missing value',
    ],
    [
      'a copy from nowhere',
      { op: 'copy', from: '/x', path: '/y' },
      'copy operation does not apply: doc is missing from path: /x: missing value',
    ],
  ])('fails an operation with %s', (_name, operation, message) => {
    expect(expectLeft(applyJsonPatch({ a: { b: 1 }, list: [1, 2] }, [operation]))).toEqual({
      _tag: 'PatchFailed',
      message,
    });
  });

  it.each([
    [
      'add past the end',
      { op: 'add', path: '/list/3', value: 0 },
      "error in add for path: '/list/3'",
    ],
    [
      'add at a leading-zero index',
      { op: 'add', path: '/list/01', value: 0 },
      "error in add for path: '/list/01'",
    ],
    ['remove at the end', { op: 'remove', path: '/list/2' }, "error in remove for path: '/list/2'"],
    [
      'replace at -',
      { op: 'replace', path: '/list/-', value: 0 },
      "error in replace for path: '/list/-'",
    ],
    [
      'remove at a negative index',
      { op: 'remove', path: '/list/-1' },
      "error in remove for path: '/list/-1'",
    ],
  ])('rejects an array index out of the rules: %s', (_name, operation, prefix) => {
    const error = expectLeft(applyJsonPatch({ list: [1, 2] }, [operation]));
    expect(error._tag).toBe('PatchFailed');
    expect(error.message).toMatch(
      new RegExp(`^${prefix.replace(/[-[\]/]/g, '\\$&')}: Unable to access invalid index`),
    );
  });

  it('accepts add at the array length, which appends', () => {
    expect(
      expectRight(applyJsonPatch({ list: [1, 2] }, [{ op: 'add', path: '/list/2', value: 3 }])),
    ).toEqual({
      list: [1, 2, 3],
    });
  });

  it('replaces exactly the paths a patch of replace operations names', () => {
    fc.assert(
      fc.property(documentWithReplacements(), ({ document, replacements }) => {
        const before = JSON.stringify(document);
        const patch = replacements.map(({ tokens, value }) => ({
          op: 'replace',
          path: toPointer(tokens),
          value,
        }));
        const result = expectRight(applyJsonPatch(document, patch));
        const expected: Record<string, unknown> = structuredClone(document);
        for (const { tokens, value } of replacements) setAt(expected, tokens, value);
        expect(result).toEqual(expected);
        expect(JSON.stringify(document)).toBe(before);
      }),
    );
  });
});

interface Replacement {
  readonly tokens: readonly string[];
  readonly value: unknown;
}

/** A random object, and new values for some of its leaves (none inside another). */
function documentWithReplacements(): fc.Arbitrary<{
  readonly document: Record<string, unknown>;
  readonly replacements: readonly Replacement[];
}> {
  const key = fc.string({ maxLength: 4 }).filter((k) => k !== '__proto__');
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(key, tie('value'), { maxKeys: 3 }),
    ),
  })).value;
  return fc.dictionary(key, json, { maxKeys: 5 }).chain((document) =>
    fc.subarray(leaves(document, [])).chain((paths) =>
      fc
        .array(fc.jsonValue({ maxDepth: 2 }), { minLength: paths.length, maxLength: paths.length })
        .map((values) => ({
          document,
          replacements: paths.map((tokens, i) => ({ tokens, value: values[i] })),
        })),
    ),
  );
}

function leaves(value: unknown, prefix: readonly string[]): (readonly string[])[] {
  const children: [string, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [String(i), item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  if (children.length === 0) return prefix.length === 0 ? [] : [prefix];
  return children.flatMap(([token, child]) => leaves(child, [...prefix, token]));
}

function toPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function setAt(root: Record<string, unknown>, tokens: readonly string[], value: unknown): void {
  let node: Record<string, unknown> = root;
  for (const token of tokens.slice(0, -1)) node = node[token] as Record<string, unknown>;
  node[tokens[tokens.length - 1] ?? ''] = value;
}

describe('applyJsonPatch test of a missing member', () => {
  it('passes against null when the parent object exists, as upstream does', () => {
    const document = { metadata: { name: 'x' } };
    expect(
      expectRight(
        applyJsonPatch(document, [{ op: 'test', path: '/metadata/finalizers', value: null }]),
      ),
    ).toBe(document);
  });

  it('fails against any other value, and when the parent is missing', () => {
    const document = { metadata: { name: 'x' } };
    expect(
      applyJsonPatch(document, [{ op: 'test', path: '/metadata/finalizers', value: [] }])._tag,
    ).toBe('Left');
    expect(
      applyJsonPatch(document, [{ op: 'test', path: '/spec/finalizers', value: null }])._tag,
    ).toBe('Left');
  });
});
