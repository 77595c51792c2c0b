/**
 * One condition of a label selector: a key, an operator and its values
 * (apimachinery's `labels.Requirement`).
 *
 * @module
 */

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * A label selector operator, spelled as apimachinery's `selection.Operator`:
 *
 * - `exists` (`k`): the key is present; `!` (`!k`): it is absent.
 * - `=` and `==` (`k=v`, `k==v`): present with value `v`; `in` (`k in (a,b)`):
 *   present with one of the values.
 * - `!=` (`k!=v`) and `notin` (`k notin (a,b)`): absent, or present with a
 *   different value. Objects without the key match.
 * - `gt` and `lt` (`k>5`, `k<5`): present with a value that reads as an integer
 *   greater (smaller) than the bound.
 */
export type LabelOperator = 'exists' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

/**
 * A parsed requirement. Built only by the parser and the object-form conversion,
 * which validate it first.
 *
 * Guarantees: `key` is a valid label key; every value is a valid label value; `values`
 * is empty for `exists` and `!`, has exactly one element for `=`, `==`, `!=`, `gt` and
 * `lt` (a decimal integer for the last two), and at least one for `in` and `notin`.
 * Requirements parsed from a string have their values sorted and without duplicates;
 * those converted from an object keep the object's order.
 */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/**
 * A requirement in apimachinery's canonical form: `!k`, `k`, `k=v`, `k==v`, `k!=v`,
 * `k>v`, `k<v`, `k in (a,b)`, `k notin (a,b)`, with set values sorted (the requirement
 * itself is left as it is).
 */
export function formatLabelRequirement(requirement: LabelRequirement): string {
  const { key, operator, values } = requirement;
  switch (operator) {
    case 'exists':
      return key;
    case '!':
      return `!${key}`;
    case '=':
    case '==':
    case '!=':
      return `${key}${operator}${values[0] ?? ''}`;
    case 'gt':
      return `${key}>${values[0] ?? ''}`;
    case 'lt':
      return `${key}<${values[0] ?? ''}`;
    case 'in':
    case 'notin':
      return `${key} ${operator} (${sortedCopy(values).join(',')})`;
  }
}

/** Orders requirements by key, as apimachinery does, keeping the given order among equal keys. */
export function byKey(a: LabelRequirement, b: LabelRequirement): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function sortedCopy(values: readonly string[]): readonly string[] {
  for (let i = 1; i < values.length; i++) {
    if ((values[i - 1] as string) > (values[i] as string)) {
      return [...values].sort();
    }
  }
  return values;
}
