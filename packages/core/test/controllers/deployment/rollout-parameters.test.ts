import { describe, expect, it } from '@jest/globals';
import type { Deployment } from '../../../src/api/kinds/index.js';
import {
  resolveFenceposts,
  rolloutParametersOf,
  scaledValue,
} from '../../../src/controllers/deployment/rollout-parameters.js';
import { expectLeft, expectRight } from '../../support/either.js';

function deployment(spec: Partial<NonNullable<Deployment['spec']>>): Deployment {
  return {
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {},
      ...spec,
    },
  };
}

describe('scaledValue', () => {
  it('takes an integer as is and scales a percentage, rounding as asked', () => {
    expect(expectRight(scaledValue({ value: 2, total: 10, roundUp: true }))).toBe(2);
    expect(expectRight(scaledValue({ value: '25%', total: 3, roundUp: true }))).toBe(1);
    expect(expectRight(scaledValue({ value: '25%', total: 3, roundUp: false }))).toBe(0);
    expect(expectRight(scaledValue({ value: '50%', total: 10, roundUp: false }))).toBe(5);
  });

  it('refuses a string that is not a percentage, and negatives', () => {
    expect(expectLeft(scaledValue({ value: '25', total: 4, roundUp: true }))).toContain('"25"');
    expect(expectLeft(scaledValue({ value: 'x%', total: 4, roundUp: true }))).toContain('"x%"');
    expect(expectLeft(scaledValue({ value: -1, total: 4, roundUp: true }))).toContain('-1');
  });
});

describe('resolveFenceposts', () => {
  it('rounds surge up and unavailability down', () => {
    expect(
      expectRight(resolveFenceposts({ maxSurge: '25%', maxUnavailable: '25%', desired: 10 })),
    ).toEqual({ surge: 3, unavailable: 2 });
  });

  it('makes unavailability 1 when both come to 0', () => {
    expect(expectRight(resolveFenceposts({ maxSurge: 0, maxUnavailable: 0, desired: 3 }))).toEqual({
      surge: 0,
      unavailable: 1,
    });
    expect(
      expectRight(resolveFenceposts({ maxSurge: '10%', maxUnavailable: '10%', desired: 0 })),
    ).toEqual({ surge: 0, unavailable: 1 });
  });

  it('names the malformed field', () => {
    expect(expectLeft(resolveFenceposts({ maxSurge: 1, maxUnavailable: 'a', desired: 3 }))).toMatch(
      /^spec\.strategy\.rollingUpdate\.maxUnavailable: /,
    );
  });
});

describe('rolloutParametersOf', () => {
  it("applies upstream's defaults", () => {
    expect(expectRight(rolloutParametersOf(deployment({})))).toEqual({
      replicas: 1,
      strategy: 'RollingUpdate',
      maxSurge: 1,
      maxUnavailable: 0,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      minReadySeconds: 0,
      paused: false,
    });
  });

  it('bounds maxUnavailable by replicas, and by 0 for no replicas', () => {
    const bounds = {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 5 },
    } as const;
    expect(
      expectRight(rolloutParametersOf(deployment({ replicas: 2, strategy: bounds }))),
    ).toMatchObject({ maxUnavailable: 2 });
    expect(
      expectRight(rolloutParametersOf(deployment({ replicas: 0, strategy: bounds }))),
    ).toMatchObject({ maxUnavailable: 0 });
  });

  it('has no surge or unavailability for Recreate, and no deadline for MaxInt32', () => {
    const parameters = expectRight(
      rolloutParametersOf(
        deployment({ strategy: { type: 'Recreate' }, progressDeadlineSeconds: 2_147_483_647 }),
      ),
    );
    expect(parameters).toMatchObject({ maxSurge: 0, maxUnavailable: 0 });
    expect(parameters.progressDeadlineSeconds).toBeUndefined();
  });
});
