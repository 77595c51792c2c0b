/**
 * Property tests of label selectors: random requirements, written with random
 * whitespace and operator spellings, must parse, match as apimachinery's
 * `Requirement.Matches` does (a direct reference model below), and write a canonical
 * string that parses back to an equivalent selector.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isLeft, isRight, type Either } from 'fp-ts/lib/Either.js';
import type {
  LabelOperator,
  LabelRequirement,
} from '../../../src/api/selectors/label-requirement.js';
import type { Labels } from '../../../src/api/selectors/label-selector.js';
import { parseLabelSelector } from '../../../src/api/selectors/label-selector-parser.js';
import { parseFieldSelector } from '../../../src/api/selectors/field-selector.js';
import type { SelectorSyntaxError } from '../../../src/api/selectors/selector-error.js';
import { expectRight } from '../../support/either.js';

// --- the label space: few keys and values, so that requirements collide ----------

const KEYS = ['a', 'b', 'app.kubernetes.io/name', 'in', 'notin', 'x-1'] as const;
const VALUES = ['', 'v', 'w', 'in', '0', '5', '10', '007', '-3', '99999999999999999999'] as const;
const BOUNDS = ['0', '5', '10', '007', '9223372036854775807'] as const;

const key = fc.constantFrom(...KEYS);
/** Valid in a selector (a label value); '-3' and the huge number are only ever labels. */
const selectorValue = fc.constantFrom(...VALUES.filter((v) => v === '' || /^[a-z0-9]/.test(v)));
const labels: fc.Arbitrary<Labels | undefined> = fc.option(
  fc.dictionary(key, fc.oneof(fc.constantFrom(...VALUES), fc.integer().map(String))),
  { nil: undefined },
);

const requirement: fc.Arbitrary<LabelRequirement> = fc.oneof(
  fc.record({
    key,
    operator: fc.constantFrom<LabelOperator>('exists', '!'),
    values: fc.constant([]),
  }),
  fc.record({
    key,
    operator: fc.constantFrom<LabelOperator>('=', '==', '!='),
    values: fc.tuple(selectorValue),
  }),
  fc.record({
    key,
    operator: fc.constantFrom<LabelOperator>('in', 'notin'),
    values: fc.array(selectorValue, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    key,
    operator: fc.constantFrom<LabelOperator>('gt', 'lt'),
    values: fc.tuple(fc.constantFrom(...BOUNDS)),
  }),
);

// --- writing requirements the way people do ---------------------------------------

const space = fc.constantFrom('', ' ', '  ', '\t', '\n', '\r');
const someSpace = fc.constantFrom(' ', '\t', ' \n ');

/** A requirement written with random whitespace, as a string to join with `,`. */
const written = (r: LabelRequirement): fc.Arbitrary<string> =>
  fc.tuple(space, space, space, someSpace, space).map(([s1, s2, s3, gap, s4]) => {
    switch (r.operator) {
      case 'exists':
        return `${s1}${r.key}${s2}`;
      case '!':
        return `${s1}!${s2}${r.key}${s3}`;
      case '=':
      case '==':
      case '!=':
        return `${s1}${r.key}${s2}${r.operator}${s3}${r.values[0] ?? ''}${s4}`;
      case 'gt':
      case 'lt':
        return `${s1}${r.key}${s2}${r.operator === 'gt' ? '>' : '<'}${s3}${r.values[0] ?? ''}${s4}`;
      case 'in':
      case 'notin':
        return `${s1}${r.key}${gap}${r.operator}${s2}(${s3}${r.values.join(`${s4},${s3}`)}${s4})${s2}`;
    }
  });

const writtenSelector = fc
  .array(requirement, { maxLength: 5 })
  .chain((requirements) =>
    fc
      .tuple(...requirements.map(written))
      .map((parts) => ({ requirements, text: parts.join(',') })),
  );

// --- the reference model: apimachinery's Requirement.Matches, literally -------------

function parseGoInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) {
    return undefined;
  }
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? value : undefined;
}

function referenceMatches(requirements: readonly LabelRequirement[], set: Labels | undefined) {
  const own = set ?? {};
  return requirements.every(({ key: k, operator, values }) => {
    const has = Object.hasOwn(own, k);
    const value = own[k] ?? '';
    switch (operator) {
      case 'in':
      case '=':
      case '==':
        return has && values.includes(value);
      case 'notin':
      case '!=':
        return !has || !values.includes(value);
      case 'exists':
        return has;
      case '!':
        return !has;
      case 'gt':
      case 'lt': {
        const actual = has ? parseGoInt64(value) : undefined;
        const bound = parseGoInt64(values[0] ?? '');
        if (actual === undefined || bound === undefined) {
          return false;
        }
        return operator === 'gt' ? actual > bound : actual < bound;
      }
    }
  });
}

// --- properties -----------------------------------------------------------------

describe('label selectors, on random requirements', () => {
  it('parse whatever way they are written, and match as apimachinery does', () => {
    fc.assert(
      fc.property(writtenSelector, fc.array(labels, { maxLength: 10 }), (written, sets) => {
        const selector = expectRight(parseLabelSelector(written.text));
        expect(selector.requirements).toHaveLength(written.requirements.length);
        for (const set of sets) {
          expect(selector.matches(set)).toBe(referenceMatches(written.requirements, set));
        }
      }),
    );
  });

  it('write a canonical string that parses back to an equivalent selector', () => {
    fc.assert(
      fc.property(writtenSelector, fc.array(labels, { maxLength: 10 }), (written, sets) => {
        const selector = expectRight(parseLabelSelector(written.text));
        const again = expectRight(parseLabelSelector(selector.toString()));
        expect(again.toString()).toBe(selector.toString());
        expect(again.requirements).toEqual(selector.requirements);
        for (const set of sets) {
          expect(again.matches(set)).toBe(selector.matches(set));
        }
      }),
    );
  });

  it('write the same string for requirements on distinct keys in any order', () => {
    const requirementsAndShuffle = fc
      .uniqueArray(requirement, { selector: (r) => r.key, maxLength: 5 })
      .chain((requirements) =>
        fc.tuple(
          fc.constant(requirements),
          fc.shuffledSubarray(requirements, { minLength: requirements.length }),
        ),
      );
    fc.assert(
      fc.property(requirementsAndShuffle, ([requirements, shuffled]) => {
        const write = (rs: readonly LabelRequirement[]) =>
          expectRight(parseLabelSelector(rs.map(writtenPlainly).join(','))).toString();
        expect(write(shuffled)).toBe(write(requirements));
      }),
    );
  });
});

describe('the parsers, on arbitrary input', () => {
  const grammar = fc.string({
    unit: fc.constantFrom(
      'a',
      'b',
      '1',
      '-',
      '.',
      '/',
      ' ',
      '=',
      '!',
      '(',
      ')',
      ',',
      '<',
      '>',
      'in',
      'notin',
      '\\',
    ),
    maxLength: 24,
  });

  it('never throw, and point inside the input when they fail', () => {
    fc.assert(
      fc.property(grammar, (input) => {
        const failures = [
          ...failureOf(parseLabelSelector(input)),
          ...failureOf(parseFieldSelector(input)),
        ];
        for (const failure of failures) {
          expect(failure.input).toBe(input);
          expect(failure.position).toBeGreaterThanOrEqual(0);
          expect(failure.position).toBeLessThanOrEqual(input.length);
          expect(failure.message).toContain(JSON.stringify(input));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accept what they wrote: every parsed selector’s string parses back to itself', () => {
    fc.assert(
      fc.property(grammar, (input) => {
        const label = parseLabelSelector(input);
        const labelText = isRight(label) ? label.right.toString() : '';
        expect(expectRight(parseLabelSelector(labelText)).toString()).toBe(labelText);
        const field = parseFieldSelector(input);
        const fieldText = isRight(field) ? field.right.toString() : '';
        expect(expectRight(parseFieldSelector(fieldText)).toString()).toBe(fieldText);
      }),
      { numRuns: 2000 },
    );
  });
});

function failureOf(parsed: Either<SelectorSyntaxError, unknown>): SelectorSyntaxError[] {
  return isLeft(parsed) ? [parsed.left] : [];
}

/** A requirement written without extra whitespace, for the ordering property. */
function writtenPlainly(r: LabelRequirement): string {
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'gt':
      return `${r.key}>${r.values[0] ?? ''}`;
    case 'lt':
      return `${r.key}<${r.values[0] ?? ''}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.operator} (${r.values.join(',')})`;
    case '=':
    case '==':
    case '!=':
      return `${r.key}${r.operator}${r.values[0] ?? ''}`;
  }
}
