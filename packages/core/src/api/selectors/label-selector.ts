/**
 * Label selectors, compiled once into matchers cheap enough to filter every object
 * of a large list (apimachinery's `labels.Selector`).
 *
 * Build one with `parseLabelSelector` (the `?labelSelector=` string form) or
 * `labelSelectorAsSelector` (the `metav1.LabelSelector` object form).
 *
 * @module
 */
import { compareInt64, parseInt64Bound, type Int64Bound } from './decimal-int64.js';
import { byKey, formatLabelRequirement, type LabelRequirement } from './label-requirement.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** An object's labels; `undefined` (no `metadata.labels`) is treated as no labels. */
export type Labels = Readonly<Record<string, string>>;

/**
 * A parsed label selector: the AND of its requirements.
 *
 * Guarantees: immutable, so one parsed selector can be shared by every list and
 * watch that uses the same string. `matches` allocates nothing and does not throw.
 */
export interface LabelSelector {
  /** The requirements, sorted by key (stably); empty for everything and for nothing. */
  readonly requirements: readonly LabelRequirement[];
  /** Whether the selector places no restriction (the empty string, or `{}`). */
  readonly isEverything: boolean;
  /** Whether the selector matches no object at all (a null `metav1.LabelSelector`). */
  readonly isNothing: boolean;
  /**
   * Whether an object with these labels is selected. Only own string-valued
   * properties count as labels, so a key such as `constructor` is not found on a
   * plain object's prototype.
   */
  matches(labels: Labels | undefined): boolean;
  /**
   * The one value the selector requires for `key`, when the first requirement on
   * `key` is `=`, `==`, or `in` with a single value (apimachinery's
   * `RequiresExactMatch`); otherwise `undefined`.
   */
  requiresExactMatch(key: string): string | undefined;
  /**
   * The canonical string: requirements by key, separated by `,`, set values sorted
   * (`a,b!=x,c in (x,y),!d`). It parses back to an equivalent selector, except that
   * the nothing selector writes as `''`, which reads as everything (as upstream).
   */
  toString(): string;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * Builds a selector from requirements that are already valid (see
 * {@link LabelRequirement}'s guarantees), sorting them by key.
 */
export function labelSelectorFromRequirements(
  requirements: readonly LabelRequirement[],
): LabelSelector {
  return requirements.length === 0
    ? everythingLabelSelector
    : new CompiledLabelSelector([...requirements].sort(byKey));
}

// ---------------------------------------------------------------------------
// compiled matcher
// ---------------------------------------------------------------------------

/** How a requirement is checked: its operator, with single-value sets simplified. */
const enum Check {
  Exists,
  Absent,
  Equals,
  NotEquals,
  In,
  NotIn,
  GreaterThan,
  LessThan,
}

/** Sets above this size are checked through a `Set` rather than an array scan. */
const SMALL_SET = 8;

/**
 * A requirement laid out for matching. Every instance has the same shape, so the
 * property loads in the match loop stay monomorphic.
 */
interface CompiledRequirement {
  readonly key: string;
  readonly check: Check;
  /** The value for `Equals` and `NotEquals`; otherwise `''`. */
  readonly value: string;
  /** The values for `In` and `NotIn` with few values; otherwise empty. */
  readonly values: readonly string[];
  /** The values for `In` and `NotIn` with many values. */
  readonly valueSet: ReadonlySet<string> | undefined;
  /** The bound for `GreaterThan` and `LessThan`. */
  readonly bound: Int64Bound | undefined;
}

class CompiledLabelSelector implements LabelSelector {
  readonly isEverything = false;
  readonly isNothing = false;
  readonly requirements: readonly LabelRequirement[];
  private readonly compiled: readonly CompiledRequirement[];
  private readonly text: string;

  constructor(requirements: readonly LabelRequirement[]) {
    this.requirements = Object.freeze(requirements.map(freezeRequirement));
    this.compiled = requirements.map(compile);
    this.text = requirements.map(formatLabelRequirement).join(',');
  }

  matches(labels: Labels | undefined): boolean {
    const compiled = this.compiled;
    for (let i = 0; i < compiled.length; i++) {
      if (!requirementMatches(compiled[i] as CompiledRequirement, labels)) {
        return false;
      }
    }
    return true;
  }

  requiresExactMatch(key: string): string | undefined {
    return requiresExactMatch(this.requirements, key);
  }

  toString(): string {
    return this.text;
  }
}

function requirementMatches(requirement: CompiledRequirement, labels: Labels | undefined): boolean {
  const found: unknown = labels === undefined ? undefined : labels[requirement.key];
  // Inherited properties (`constructor`, `toString`) are functions, never strings.
  const value = typeof found === 'string' ? found : undefined;
  switch (requirement.check) {
    case Check.Exists:
      return value !== undefined;
    case Check.Absent:
      return value === undefined;
    case Check.Equals:
      return value === requirement.value;
    case Check.NotEquals:
      return value !== requirement.value;
    case Check.In:
      return value !== undefined && contains(requirement, value);
    case Check.NotIn:
      return value === undefined || !contains(requirement, value);
    case Check.GreaterThan:
    case Check.LessThan: {
      if (value === undefined || requirement.bound === undefined) {
        return false;
      }
      const order = compareInt64(value, requirement.bound);
      return (
        order !== undefined && (requirement.check === Check.GreaterThan ? order > 0 : order < 0)
      );
    }
  }
}

function contains(requirement: CompiledRequirement, value: string): boolean {
  return requirement.valueSet === undefined
    ? requirement.values.includes(value)
    : requirement.valueSet.has(value);
}

function compile(requirement: LabelRequirement): CompiledRequirement {
  const { key, operator, values } = requirement;
  const base = { key, value: '', values: [], valueSet: undefined, bound: undefined };
  switch (operator) {
    case 'exists':
      return { ...base, check: Check.Exists };
    case '!':
      return { ...base, check: Check.Absent };
    case '=':
    case '==':
    case '!=':
      return {
        ...base,
        check: operator === '!=' ? Check.NotEquals : Check.Equals,
        value: values[0] ?? '',
      };
    case 'in':
    case 'notin': {
      const negated = operator === 'notin';
      const distinct = [...new Set(values)];
      if (distinct.length === 1) {
        return {
          ...base,
          check: negated ? Check.NotEquals : Check.Equals,
          value: distinct[0] ?? '',
        };
      }
      const large = distinct.length > SMALL_SET;
      return {
        ...base,
        check: negated ? Check.NotIn : Check.In,
        values: large ? [] : distinct,
        valueSet: large ? new Set(distinct) : undefined,
      };
    }
    case 'gt':
    case 'lt':
      return {
        ...base,
        check: operator === 'gt' ? Check.GreaterThan : Check.LessThan,
        bound: parseInt64Bound(values[0] ?? ''),
      };
  }
}

function freezeRequirement(requirement: LabelRequirement): LabelRequirement {
  return Object.freeze({
    key: requirement.key,
    operator: requirement.operator,
    values: Object.freeze([...requirement.values]),
  });
}

function requiresExactMatch(
  requirements: readonly LabelRequirement[],
  key: string,
): string | undefined {
  const first = requirements.find((requirement) => requirement.key === key);
  if (first === undefined || first.values.length !== 1) {
    return undefined;
  }
  const exact = first.operator === '=' || first.operator === '==' || first.operator === 'in';
  return exact ? first.values[0] : undefined;
}

// ---------------------------------------------------------------------------
// constants
// ---------------------------------------------------------------------------

/** The selector that matches every object, including one without labels (`''`, `{}`). */
export const everythingLabelSelector: LabelSelector = Object.freeze({
  requirements: Object.freeze([]),
  isEverything: true,
  isNothing: false,
  matches: () => true,
  requiresExactMatch: () => undefined,
  toString: () => '',
});

/**
 * The selector that matches no object: what a null `metav1.LabelSelector` means at
 * most call sites (apimachinery's `labels.Nothing()`).
 */
export const nothingLabelSelector: LabelSelector = Object.freeze({
  requirements: Object.freeze([]),
  isEverything: false,
  isNothing: true,
  matches: () => false,
  requiresExactMatch: () => undefined,
  toString: () => '',
});
