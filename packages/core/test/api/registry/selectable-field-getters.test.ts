import { describe, expect, it } from '@jest/globals';
import {
  booleanFieldGetter,
  integerFieldGetter,
  stringFieldGetter,
  valueAtPath,
} from '../../../src/api/registry/selectable-field-getters.js';

describe('valueAtPath', () => {
  it('reads nested own properties', () => {
    expect(valueAtPath({ spec: { nodeName: 'n1' } }, 'spec.nodeName')).toBe('n1');
  });

  it.each([
    ['null', null],
    ['a string', 'pod'],
    ['a missing parent', { metadata: {} }],
    ['a parent that is not an object', { spec: 'x' }],
    ['a parent that is an array', { spec: ['n1'] }],
    ['an inherited property', { spec: Object.create({ nodeName: 'n1' }) as object }],
  ])('reads %s as undefined', (_, object) => {
    expect(valueAtPath(object, 'spec.nodeName')).toBeUndefined();
  });
});

describe('stringFieldGetter', () => {
  const nodeName = stringFieldGetter('spec.nodeName');

  it('reads a string, and anything else as absent', () => {
    expect(nodeName({ spec: { nodeName: 'n1' } })).toBe('n1');
    expect(nodeName({ spec: { nodeName: 7 } })).toBeUndefined();
    expect(nodeName({})).toBeUndefined();
    expect(nodeName(undefined)).toBeUndefined();
  });
});

describe('booleanFieldGetter', () => {
  const unschedulable = booleanFieldGetter('spec.unschedulable');

  it("writes booleans as strconv.FormatBool does, missing as 'false'", () => {
    expect(unschedulable({ spec: { unschedulable: true } })).toBe('true');
    expect(unschedulable({ spec: { unschedulable: false } })).toBe('false');
    expect(unschedulable({ spec: {} })).toBe('false');
    expect(unschedulable({ spec: { unschedulable: 'true' } })).toBe('false');
  });
});

describe('integerFieldGetter', () => {
  const replicas = integerFieldGetter('status.replicas');

  it("writes integers in decimal, missing as '0'", () => {
    expect(replicas({ status: { replicas: 3 } })).toBe('3');
    expect(replicas({ status: {} })).toBe('0');
    expect(replicas({ status: { replicas: 1.5 } })).toBe('0');
  });
});
