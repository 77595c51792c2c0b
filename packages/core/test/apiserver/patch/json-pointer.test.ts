import { describe, expect, it } from '@jest/globals';
import { parseArrayIndex, parseJsonPointer } from '../../../src/apiserver/patch/json-pointer.js';

describe('parseJsonPointer', () => {
  it.each([
    ['', []],
    ['/', ['']],
    ['/spec/containers/0', ['spec', 'containers', '0']],
    ['/a~1b/m~0n/~01', ['a/b', 'm~n', '~1']],
  ])('reads %j as its unescaped tokens', (pointer, tokens) => {
    expect(parseJsonPointer(pointer)).toEqual(tokens);
  });

  it.each(['spec', '/a~2', '/a~'])('rejects %j', (pointer) => {
    expect(parseJsonPointer(pointer)).toBeUndefined();
  });
});

describe('parseArrayIndex', () => {
  it('reads 0 and digits without a leading zero, and nothing else', () => {
    expect(['0', '7', '10'].map(parseArrayIndex)).toEqual([0, 7, 10]);
    expect(['01', '-', '-1', '1e2', '', ' 1'].map(parseArrayIndex)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
