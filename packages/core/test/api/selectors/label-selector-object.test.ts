import { describe, expect, it } from '@jest/globals';
import type {
  LabelSelectorObject,
  LabelSelectorRequirementObject,
} from '../../../src/api/selectors/label-selector-object.js';
import {
  labelSelectorAsSelector,
  labelSelectorAsSelectorOrEverything,
} from '../../../src/api/selectors/label-selector-object.js';
import {
  everythingLabelSelector,
  nothingLabelSelector,
} from '../../../src/api/selectors/label-selector.js';
import { parseLabelSelector } from '../../../src/api/selectors/label-selector-parser.js';
import { expectLeft, expectRight } from '../../support/either.js';

/** An expression with an operator the types do not allow, as decoded JSON may hold. */
function withOperator(operator: string, values?: string[]): LabelSelectorRequirementObject {
  return { key: 'k', operator, ...(values === undefined ? {} : { values }) } as never;
}

describe('labelSelectorAsSelector', () => {
  it('reads null and undefined as nothing, and {} as everything', () => {
    expect(expectRight(labelSelectorAsSelector(null))).toBe(nothingLabelSelector);
    expect(expectRight(labelSelectorAsSelector(undefined))).toBe(nothingLabelSelector);
    expect(expectRight(labelSelectorAsSelector({}))).toBe(everythingLabelSelector);
    expect(expectRight(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] }))).toBe(
      everythingLabelSelector,
    );
    expect(
      expectRight(labelSelectorAsSelector({ matchLabels: null, matchExpressions: null })),
    ).toBe(everythingLabelSelector);
  });

  it('turns matchLabels into = requirements and expressions into set requirements', () => {
    const selector = expectRight(
      labelSelectorAsSelector({
        matchLabels: { tier: 'front', app: 'web' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'track', operator: 'NotIn', values: ['canary'] },
          { key: 'owner', operator: 'Exists' },
          { key: 'legacy', operator: 'DoesNotExist', values: [] },
        ],
      }),
    );
    expect(selector.requirements).toEqual([
      { key: 'app', operator: '=', values: ['web'] },
      { key: 'env', operator: 'in', values: ['prod', 'dev'] },
      { key: 'legacy', operator: '!', values: [] },
      { key: 'owner', operator: 'exists', values: [] },
      { key: 'tier', operator: '=', values: ['front'] },
      { key: 'track', operator: 'notin', values: ['canary'] },
    ]);
    expect(selector.toString()).toBe(
      'app=web,env in (dev,prod),!legacy,owner,tier=front,track notin (canary)',
    );
  });

  it('matches exactly what the equivalent string selector matches', () => {
    const object: LabelSelectorObject = {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'track', operator: 'NotIn', values: ['canary'] },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    };
    const fromObject = expectRight(labelSelectorAsSelector(object));
    const fromString = expectRight(parseLabelSelector(fromObject.toString()));
    const cases: (Record<string, string> | undefined)[] = [
      undefined,
      {},
      { app: 'web', env: 'prod' },
      { app: 'web', env: 'dev', track: 'stable' },
      { app: 'web', env: 'prod', track: 'canary' },
      { app: 'web', env: 'prod', legacy: '' },
      { app: 'api', env: 'prod' },
    ];
    for (const labels of cases) {
      expect(fromObject.matches(labels)).toBe(fromString.matches(labels));
    }
    expect(cases.filter((labels) => fromObject.matches(labels))).toEqual([
      { app: 'web', env: 'prod' },
      { app: 'web', env: 'dev', track: 'stable' },
    ]);
  });

  it('keeps matchLabels before expressions on the same key', () => {
    const selector = expectRight(
      labelSelectorAsSelector({
        matchExpressions: [{ key: 'app', operator: 'Exists' }],
        matchLabels: { app: 'web' },
      }),
    );
    expect(selector.toString()).toBe('app=web,app');
  });

  describe('validation', () => {
    it('requires values for In and NotIn', () => {
      const error = expectLeft(
        labelSelectorAsSelector({
          matchExpressions: [
            { key: 'a', operator: 'Exists' },
            { key: 'b', operator: 'In', values: [] },
            { key: 'c', operator: 'NotIn' },
          ],
        }),
      );
      expect(error).toEqual({
        _tag: 'InvalidLabelSelector',
        causes: [
          {
            reason: 'FieldValueRequired',
            field: 'matchExpressions[1].values',
            message: "Required value: must be specified when `operator` is 'In' or 'NotIn'",
          },
          {
            reason: 'FieldValueRequired',
            field: 'matchExpressions[2].values',
            message: "Required value: must be specified when `operator` is 'In' or 'NotIn'",
          },
        ],
        message:
          "matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'; " +
          "matchExpressions[2].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      });
    });

    it('forbids values for Exists and DoesNotExist', () => {
      const error = expectLeft(
        labelSelectorAsSelector({
          matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: ['x'] }],
        }),
      );
      expect(error.causes).toEqual([
        {
          reason: 'FieldValueForbidden',
          field: 'matchExpressions[0].values',
          message: "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        },
      ]);
    });

    it.each(['Gt', 'in', 'Equals', '', 'constructor'])('rejects the operator %p', (operator) => {
      const error = expectLeft(
        labelSelectorAsSelector({ matchExpressions: [withOperator(operator, ['1'])] }),
      );
      expect(error.causes).toEqual([
        {
          reason: 'FieldValueInvalid',
          field: 'matchExpressions[0].operator',
          message: `Invalid value: ${JSON.stringify(operator)}: not a valid selector operator (supported: In, NotIn, Exists, DoesNotExist)`,
        },
      ]);
    });

    it('checks keys and values, naming each with its path', () => {
      const error = expectLeft(
        labelSelectorAsSelector({
          matchLabels: { 'bad key': 'ok', good: '-bad-value' },
          matchExpressions: [{ key: 'x', operator: 'In', values: ['ok', 'not ok'] }],
        }),
      );
      expect(error.causes.map((cause) => [cause.reason, cause.field])).toEqual([
        ['FieldValueInvalid', 'matchLabels'],
        ['FieldValueInvalid', 'matchLabels'],
        ['FieldValueInvalid', 'matchExpressions[0].values[1]'],
      ]);
      expect(error.causes.map((cause) => cause.message)).toEqual([
        expect.stringMatching(/^Invalid value: "bad key": name part must consist/),
        expect.stringMatching(/^Invalid value: "-bad-value": a valid label must/),
        expect.stringMatching(/^Invalid value: "not ok": a valid label must/),
      ]);
    });

    it('reports every problem of an expression, operator first, then key', () => {
      const error = expectLeft(
        labelSelectorAsSelector({
          matchExpressions: [{ key: 'a/b/c', operator: 'In', values: [] }],
        }),
      );
      expect(error.causes.map((cause) => cause.field)).toEqual([
        'matchExpressions[0].values',
        'matchExpressions[0].key',
      ]);
    });

    it('prefixes the paths with the selector’s own path', () => {
      const error = expectLeft(
        labelSelectorAsSelector(
          { matchExpressions: [{ key: 'a', operator: 'In' }] },
          { path: 'spec.selector' },
        ),
      );
      expect(error.causes[0].field).toBe('spec.selector.matchExpressions[0].values');
      expect(error.message).toMatch(/^spec\.selector\.matchExpressions\[0\]\.values: Required/);
    });
  });
});

describe('labelSelectorAsSelectorOrEverything', () => {
  it('reads null and undefined as everything', () => {
    expect(expectRight(labelSelectorAsSelectorOrEverything(null))).toBe(everythingLabelSelector);
    expect(expectRight(labelSelectorAsSelectorOrEverything(undefined))).toBe(
      everythingLabelSelector,
    );
  });

  it('converts and validates a present selector as labelSelectorAsSelector does', () => {
    expect(
      expectRight(labelSelectorAsSelectorOrEverything({ matchLabels: { a: 'b' } })).toString(),
    ).toBe('a=b');
    expect(
      expectLeft(
        labelSelectorAsSelectorOrEverything(
          { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
          { path: 'webhooks[0].objectSelector' },
        ),
      ).causes[0].field,
    ).toBe('webhooks[0].objectSelector.matchExpressions[0].values');
  });
});
