import { describe, expect, it } from '@jest/globals';
import { decodeObject, toOpenAPISchema } from '../../../src/api/codec/index.js';
import { Condition } from '../../../src/api/meta/condition.js';
import { expectLeft, expectRight } from '../../support/either.js';

/** A service's load balancer condition, as a cloud controller writes it. */
const LOAD_BALANCER_READY = {
  type: 'LoadBalancerPortsError',
  status: 'False',
  observedGeneration: 3,
  lastTransitionTime: '2024-05-01T12:00:00Z',
  reason: 'LoadBalancerPortsOK',
  message: '',
};

describe('Condition', () => {
  it('decodes a condition, with or without observedGeneration, to an equal value', () => {
    expect(
      expectRight(decodeObject(Condition, LOAD_BALANCER_READY, { strictFields: true })),
    ).toStrictEqual(LOAD_BALANCER_READY);
    const { observedGeneration: _, ...withoutGeneration } = LOAD_BALANCER_READY;
    expect(expectRight(decodeObject(Condition, withoutGeneration))).toStrictEqual(
      withoutGeneration,
    );
  });

  it('requires type, status, lastTransitionTime, reason and message', () => {
    expect(expectLeft(decodeObject(Condition, {}))).toStrictEqual(
      ['type', 'status', 'lastTransitionTime', 'reason', 'message'].map((field) => ({
        reason: 'FieldValueRequired',
        field,
        message: 'Required value',
      })),
    );
  });

  it('rejects a status other than True, False or Unknown, and a malformed time', () => {
    const input = { ...LOAD_BALANCER_READY, status: 'Yes', lastTransitionTime: '2024-05-01' };
    expect(expectLeft(decodeObject(Condition, input))).toStrictEqual([
      {
        reason: 'FieldValueNotSupported',
        field: 'status',
        message: 'Unsupported value: "Yes": supported values: "True", "False", "Unknown"',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'lastTransitionTime',
        message:
          'Invalid value: "2024-05-01": must be an RFC 3339 date-time such as "2024-05-01T12:00:00Z"',
      },
    ]);
  });

  it('reports an unknown field when strict, and drops it otherwise', () => {
    const input = { ...LOAD_BALANCER_READY, lastProbeTime: null };
    expect(expectLeft(decodeObject(Condition, input, { strictFields: true }))).toStrictEqual([
      {
        reason: 'FieldValueUnknown',
        field: 'lastProbeTime',
        message: 'unknown field "lastProbeTime"',
      },
    ]);
    expect(expectRight(decodeObject(Condition, input))).toStrictEqual(LOAD_BALANCER_READY);
  });

  it("has upstream's schema: five required fields, an int64 generation, a date-time", () => {
    const schema = toOpenAPISchema(Condition);
    expect(schema.type).toBe('object');
    expect(schema.description).toMatch(/^Condition contains details/);
    expect(schema.required).toStrictEqual([
      'type',
      'status',
      'lastTransitionTime',
      'reason',
      'message',
    ]);
    expect(schema.properties?.['status']?.enum).toStrictEqual(['True', 'False', 'Unknown']);
    expect(schema.properties?.['observedGeneration']).toMatchObject({
      type: 'integer',
      format: 'int64',
    });
    expect(schema.properties?.['lastTransitionTime']).toMatchObject({
      type: 'string',
      format: 'date-time',
    });
  });
});
