import { describe, expect, it } from '@jest/globals';
import { evaluateJsonPath, parseJsonPath } from '../../../src/apiserver/crd/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

const OBJECT = {
  metadata: {
    name: 'web',
    creationTimestamp: '2024-05-01T12:00:00Z',
    labels: { 'app.kubernetes.io/name': 'web' },
  },
  spec: { replicas: 3, items: [{ name: 'a' }, { name: 'b' }], ratio: 0.5 },
  status: {
    conditions: [
      { type: 'Progressing', status: 'True' },
      { type: 'Ready', status: 'False', observed: true },
    ],
  },
};

describe('evaluateJsonPath', () => {
  it.each([
    ['.spec.replicas', 3],
    ['.metadata.creationTimestamp', '2024-05-01T12:00:00Z'],
    ['.spec.items[0].name', 'a'],
    ['.spec.items[-1].name', 'b'],
    ['.spec.items[*].name', 'a'],
    ['.status.conditions[?(@.type=="Ready")].status', 'False'],
    [".status.conditions[?(@.type == 'Ready')].status", 'False'],
    ['.status.conditions[?(@.type!="Progressing")].type', 'Ready'],
    ['.status.conditions[?(@.observed)].type', 'Ready'],
    ['.status.conditions[?(@.observed==true)].type', 'Ready'],
    [".metadata.labels['app.kubernetes.io/name']", 'web'],
    ['.metadata.labels.app\\.kubernetes\\.io/name', 'web'],
    ['.spec', OBJECT.spec],
    ['.', OBJECT],
  ])('finds %s', (path, expected) => {
    expect(expectRight(evaluateJsonPath(OBJECT, path))).toStrictEqual(expected);
  });

  it.each([
    '.spec.missing',
    '.spec.items[5].name',
    '.spec.replicas.deeper',
    '.status.conditions[?(@.type=="Unknown")].status',
    '.spec.constructor',
    '.metadata.name[0]',
  ])('finds nothing at %s', (path) => {
    expect(expectRight(evaluateJsonPath(OBJECT, path))).toBeUndefined();
  });

  it.each([
    ['spec.replicas', 0, 'must start with a single "."'],
    ['..spec', 0, 'must start with a single "."'],
    ['.spec..replicas', 6, 'expected a field name after "."'],
    ['.spec.items[', 12, 'expected an index, "*", a quoted name or a filter in brackets'],
    ['.spec.items[0', 13, 'expected "]"'],
    [".metadata.labels['app", 17, 'unclosed quote'],
    ['.status.conditions[?(type=="Ready")]', 21, 'a filter must start with "@"'],
    ['.status.conditions[?(@.type=~"R")]', 27, 'expected "==", "!=" or ")" in a filter'],
    [
      '.status.conditions[?(@.type==Ready)]',
      29,
      'expected a quoted string, a number, true or false',
    ],
    ['.status.conditions[?(@.type=="Ready"]', 36, 'expected ")]" to close the filter'],
    ['{.spec.replicas}', 0, 'must start with a single "."'],
  ])('reports %s as a parse error', (path, position, message) => {
    expect(expectLeft(evaluateJsonPath(OBJECT, path))).toStrictEqual({
      _tag: 'JsonPathError',
      jsonPath: path,
      position,
      message,
    });
  });

  it('evaluates a path parsed once, many times', () => {
    const path = expectRight(parseJsonPath('.spec.items[1].name'));
    expect(path.steps).toStrictEqual([
      { kind: 'field', name: 'spec' },
      { kind: 'field', name: 'items' },
      { kind: 'index', index: 1 },
      { kind: 'field', name: 'name' },
    ]);
    expect(expectRight(evaluateJsonPath(OBJECT, path))).toBe('b');
    expect(expectRight(evaluateJsonPath({}, path))).toBeUndefined();
  });
});
