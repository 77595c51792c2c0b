/**
 * The `metav1.LabelSelector` object form, found in `spec.selector` of workloads,
 * PodDisruptionBudgets, NetworkPolicies, affinity terms and webhooks, and its
 * conversion to a {@link LabelSelector} (apimachinery's `LabelSelectorAsSelector`,
 * with the checks of `ValidateLabelSelector`).
 *
 * Null versus empty: an empty object `{}` selects everything, while a null or absent
 * selector selects nothing at most call sites. Some fields document the opposite
 * (an absent webhook `objectSelector` means every object):
 * {@link labelSelectorAsSelector} and {@link labelSelectorAsSelectorOrEverything}
 * give the two readings.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { LabelOperator, LabelRequirement } from './label-requirement.js';
import {
  everythingLabelSelector,
  labelSelectorFromRequirements,
  nothingLabelSelector,
  type LabelSelector,
} from './label-selector.js';
import { validateLabelKey, validateLabelValue } from './label-syntax.js';
import {
  invalidLabelSelector,
  type InvalidLabelSelector,
  type SelectorFieldCause,
} from './selector-error.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** The operators of a {@link LabelSelectorRequirementObject}. */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/**
 * One entry of `matchExpressions`: `In` and `NotIn` need at least one value;
 * `Exists` and `DoesNotExist` take none.
 */
export interface LabelSelectorRequirementObject {
  readonly key: string;
  readonly operator: LabelSelectorOperator;
  readonly values?: readonly string[] | null;
}

/**
 * A `metav1.LabelSelector`: the AND of every `matchLabels` entry (`key=value`) and
 * every `matchExpressions` entry.
 */
export interface LabelSelectorObject {
  readonly matchLabels?: Readonly<Record<string, string>> | null;
  readonly matchExpressions?: readonly LabelSelectorRequirementObject[] | null;
}

/** Options of the conversion. */
export interface LabelSelectorConversionOptions {
  /**
   * The path of the selector in its object, prefixed to each cause's field
   * (`spec.selector` gives `spec.selector.matchExpressions[0].values`). Default: none.
   */
  readonly path?: string;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * Converts a `metav1.LabelSelector` into a matcher, reading null or absent as
 * "nothing", as `LabelSelectorAsSelector` does: the reading for workload, PDB and
 * Service-like selectors.
 *
 * Guarantees: `{}` (or empty `matchLabels` and `matchExpressions`) gives
 * `everythingLabelSelector`; `null` and `undefined` give `nothingLabelSelector`.
 * `matchLabels` entries become `=` requirements, then expressions `in`, `notin`,
 * `exists` and `!`, all sorted by key.
 *
 * Errors: `left(InvalidLabelSelector)` with every problem found, each with its field
 * path: an invalid key (`matchLabels`, `matchExpressions[i].key`) or value
 * (`matchLabels`, `matchExpressions[i].values[j]`), `In`/`NotIn` without values
 * (`matchExpressions[i].values`, FieldValueRequired), `Exists`/`DoesNotExist` with
 * values (FieldValueForbidden), or an unknown operator (`matchExpressions[i].operator`).
 */
export function labelSelectorAsSelector(
  selector: LabelSelectorObject | null | undefined,
  options: LabelSelectorConversionOptions = {},
): Either<InvalidLabelSelector, LabelSelector> {
  if (selector === null || selector === undefined) {
    return right(nothingLabelSelector);
  }
  const causes: SelectorFieldCause[] = [];
  const requirements: LabelRequirement[] = [];
  const path = options.path === undefined || options.path === '' ? '' : `${options.path}.`;

  const matchLabels = selector.matchLabels ?? {};
  for (const key of Object.keys(matchLabels)) {
    const value = matchLabels[key] as string;
    causes.push(...invalidKey(`${path}matchLabels`, key));
    causes.push(...invalidValue(`${path}matchLabels`, value));
    requirements.push({ key, operator: '=', values: [value] });
  }

  const expressions = selector.matchExpressions ?? [];
  expressions.forEach((expression, index) => {
    const field = `${path}matchExpressions[${index}]`;
    const values = expression.values ?? [];
    const operatorProblem = checkOperator(field, expression.operator, values.length);
    if (operatorProblem !== undefined) {
      causes.push(operatorProblem);
    }
    causes.push(...invalidKey(`${field}.key`, expression.key));
    values.forEach((value, valueIndex) => {
      causes.push(...invalidValue(`${field}.values[${valueIndex}]`, value));
    });
    const operator = requirementOperator(expression.operator);
    if (operator !== undefined) {
      requirements.push({ key: expression.key, operator, values: [...values] });
    }
  });

  const [first, ...rest] = causes;
  if (first !== undefined) {
    return left(invalidLabelSelector([first, ...rest]));
  }
  return right(
    requirements.length === 0
      ? everythingLabelSelector
      : labelSelectorFromRequirements(requirements),
  );
}

/**
 * Converts a `metav1.LabelSelector` into a matcher, reading null or absent as
 * "everything": for fields documented that way, such as admission webhooks'
 * `namespaceSelector` and `objectSelector`.
 *
 * Errors: as {@link labelSelectorAsSelector}.
 */
export function labelSelectorAsSelectorOrEverything(
  selector: LabelSelectorObject | null | undefined,
  options: LabelSelectorConversionOptions = {},
): Either<InvalidLabelSelector, LabelSelector> {
  return selector === null || selector === undefined
    ? right(everythingLabelSelector)
    : labelSelectorAsSelector(selector, options);
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

function requirementOperator(operator: string): LabelOperator | undefined {
  switch (operator) {
    case 'In':
      return 'in';
    case 'NotIn':
      return 'notin';
    case 'Exists':
      return 'exists';
    case 'DoesNotExist':
      return '!';
    default:
      return undefined;
  }
}

function checkOperator(
  field: string,
  operator: string,
  valueCount: number,
): SelectorFieldCause | undefined {
  switch (operator) {
    case 'In':
    case 'NotIn':
      return valueCount === 0
        ? {
            reason: 'FieldValueRequired',
            field: `${field}.values`,
            message: "Required value: must be specified when `operator` is 'In' or 'NotIn'",
          }
        : undefined;
    case 'Exists':
    case 'DoesNotExist':
      return valueCount > 0
        ? {
            reason: 'FieldValueForbidden',
            field: `${field}.values`,
            message:
              "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          }
        : undefined;
    default:
      return invalid(
        `${field}.operator`,
        operator,
        'not a valid selector operator (supported: In, NotIn, Exists, DoesNotExist)',
      );
  }
}

function invalidKey(field: string, key: string): SelectorFieldCause[] {
  return validateLabelKey(key).map((problem) => invalid(field, key, problem));
}

function invalidValue(field: string, value: string): SelectorFieldCause[] {
  return validateLabelValue(value).map((problem) => invalid(field, value, problem));
}

function invalid(field: string, value: unknown, detail: string): SelectorFieldCause {
  return {
    reason: 'FieldValueInvalid',
    field,
    message: `Invalid value: ${JSON.stringify(value) ?? String(value)}: ${detail}`,
  };
}
