import { describe, expect, it } from '@jest/globals';
import { deepFreeze, type ApiObject } from '../../../src/apiserver/index.js';
import {
  parseResourceVersion,
  servedObject,
  withResourceVersion,
} from '../../../src/apiserver/storage/served-object.js';
import type { KeyValue } from '../../../src/store/index.js';

const kvOf = (value: ApiObject, modRevision: number): KeyValue<ApiObject> => ({
  key: '/registry/core/configmaps/default/cfg',
  value,
  createRevision: 1,
  modRevision,
  version: 1,
  lease: 0,
});

describe('servedObject', () => {
  it('sets metadata.resourceVersion to the write revision, leaving the stored value alone', () => {
    const stored = deepFreeze({
      kind: 'ConfigMap',
      metadata: { name: 'cfg', labels: { a: 'b' } },
      data: { k: 'v' },
    });
    const served = servedObject(kvOf(stored, 7));
    expect(served).toEqual({
      kind: 'ConfigMap',
      metadata: { name: 'cfg', labels: { a: 'b' }, resourceVersion: '7' },
      data: { k: 'v' },
    });
    expect(stored.metadata).not.toHaveProperty('resourceVersion');
    expect(served['data']).toBe(stored.data);
    expect(served.metadata?.labels).toBe(stored.metadata.labels);
  });

  it('answers the same frozen object for the same stored value', () => {
    const stored = deepFreeze({ metadata: { name: 'cfg' } });
    const first = servedObject(kvOf(stored, 3));
    expect(servedObject(kvOf(stored, 3))).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.metadata)).toBe(true);
  });

  it('answers each stored value its own object, however the reads interleave', () => {
    const values = [1, 2, 3, 4].map((n) => deepFreeze({ metadata: { name: `cfg-${n}` } }));
    const first = values.map((value, i) => servedObject(kvOf(value, i + 10)));
    for (const order of [
      [0, 1, 0, 1],
      [1, 0, 2, 0],
      [3, 2, 1, 0],
      [2, 2, 3, 1],
    ]) {
      for (const i of order) {
        const served = servedObject(kvOf(values[i]!, i + 10));
        expect(served).toBe(first[i]);
        expect(served.metadata).toEqual({ name: `cfg-${i + 1}`, resourceVersion: String(i + 10) });
      }
    }
  });

  it('serves an object without metadata', () => {
    expect(servedObject(kvOf(deepFreeze({ kind: 'X' }), 2)).metadata).toEqual({
      resourceVersion: '2',
    });
  });
});

describe('withResourceVersion', () => {
  it('answers a new frozen object at another revision', () => {
    const stored = deepFreeze({ metadata: { name: 'cfg' } });
    const deleted = withResourceVersion(stored, 9);
    expect(deleted).toEqual({ metadata: { name: 'cfg', resourceVersion: '9' } });
    expect(Object.isFrozen(deleted)).toBe(true);
  });
});

describe('parseResourceVersion', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['42', 42],
    ['9007199254740991', 9007199254740991],
  ])('reads %j as %d', (text, revision) => {
    expect(parseResourceVersion(text)).toBe(revision);
  });

  it.each(['', 'abc', '-1', '1.5', '01', ' 1', '1e3', '99999999999999999'])(
    'refuses %j',
    (text) => {
      expect(parseResourceVersion(text)).toBeUndefined();
    },
  );
});
