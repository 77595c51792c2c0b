/**
 * Field selectors, as in `?fieldSelector=metadata.name=web,status.phase!=Running`
 * (apimachinery's `fields.Selector`): `=`, `==` and `!=` on named fields, ANDed
 * with `,`.
 *
 * Which fields a kind can be selected on is the resource registry's business: a
 * parsed selector lists the names it uses ({@link FieldSelector.fieldNames}), and
 * {@link FieldSelector.bind} resolves them against a kind's accessors, failing with
 * `field label not supported: <field>` (the apiserver's 400) for any other.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { escapeFieldValue, unescapeAt } from './field-value-escaping.js';
import {
  fieldLabelNotSupported,
  selectorSyntaxError,
  type FieldLabelNotSupported,
  type SelectorSyntaxError,
} from './selector-error.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** A field selector operator; `==` is read as `=`, as upstream does. */
export type FieldOperator = '=' | '!=';

/** One term of a field selector: `field=value` or `field!=value`, the value unescaped. */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: FieldOperator;
  readonly value: string;
}

/**
 * An object's selectable fields, for {@link FieldSelector.matches}: a function or a
 * record from field name to value. A missing field (or `undefined`) reads as `''`,
 * as upstream's `fields.Set` does, so `spec.nodeName=` selects unscheduled pods.
 */
export type FieldLookup =
  ((field: string) => string | undefined) | Readonly<Record<string, string | undefined>>;

/**
 * A kind's selectable fields: for each field name, how to read it from an object
 * (`{ 'metadata.name': (pod) => pod.metadata.name, 'spec.nodeName': (pod) =>
 * pod.spec.nodeName }`). Non-string fields are written as strings, as upstream does
 * (`spec.hostNetwork` is `'true'` or `'false'`).
 */
export type FieldAccessors<T> = Readonly<Record<string, (object: T) => string | undefined>>;

/**
 * A parsed field selector: the AND of its requirements.
 *
 * Guarantees: immutable and shareable; `matches` and the bound predicates allocate
 * nothing and do not throw (as long as the lookup and accessors do not).
 */
export interface FieldSelector {
  /**
   * The requirements, in the order of their terms sorted as written (upstream's
   * deterministic order); empty for everything.
   */
  readonly requirements: readonly FieldRequirement[];
  /** The distinct field names used, sorted: what the registry must support. */
  readonly fieldNames: readonly string[];
  /** Whether the selector places no restriction (`''`). */
  readonly isEverything: boolean;
  /**
   * Whether an object with these fields is selected. Convenient for a one-off check;
   * to filter many objects of one kind, {@link FieldSelector.bind} once instead.
   */
  matches(fields: FieldLookup): boolean;
  /**
   * A predicate on objects of one kind, with each requirement's accessor looked up
   * once: the cheapest way to filter a list, since no field record is built per
   * object and no field name is looked up per object.
   *
   * Errors: `left(FieldLabelNotSupported)` for the first field (in
   * {@link FieldSelector.requirements} order) that `accessors` lacks.
   */
  bind<T>(accessors: FieldAccessors<T>): Either<FieldLabelNotSupported, (object: T) => boolean>;
  /**
   * The value the first `=` requirement on `field` demands, if any (apimachinery's
   * `RequiresExactMatch`): `metadata.name=web` lets a list become a get.
   */
  requiresExactMatch(field: string): string | undefined;
  /**
   * The canonical string: terms as `field=value` or `field!=value` with values
   * escaped, in {@link FieldSelector.requirements} order, separated by `,`.
   */
  toString(): string;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * Parses a field selector string. The empty string selects everything; empty terms
 * (`a=b,`, `,a=b`) are skipped.
 *
 * Each term is split at its first operator (`!=`, then `==`, then `=`), so the field
 * name cannot hold an operator, and is not trimmed or checked here. The value is
 * unescaped (see `unescapeFieldValue`). As upstream, a term with both an empty
 * field and an empty value (`=`, `!=`) is dropped.
 *
 * Errors: `left(SelectorSyntaxError)` at the position of a term without an operator
 * (`x`, `x in (a)`), an unescaped `,` or `=` in a value (`x==a==b`), or an unknown
 * escape sequence (`x=\a`), for example `unable to parse field selector "x=a,b" at
 * position 4: found 'b', expected: <field>=<value>, <field>==<value> or <field>!=<value>`.
 */
export function parseFieldSelector(input: string): Either<SelectorSyntaxError, FieldSelector> {
  const terms = splitTerms(input).sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const requirements: FieldRequirement[] = [];
  for (const term of terms) {
    if (term.text === '') {
      continue;
    }
    const requirement = parseTerm(term);
    if (isLeft(requirement)) {
      return left(selectorSyntaxError({ selectorKind: 'field', input, ...requirement.left }));
    }
    const { field, value } = requirement.right;
    if (field !== '' || value !== '') {
      requirements.push(requirement.right);
    }
  }
  return right(fieldSelectorFromRequirements(requirements));
}

/** The field selector that matches every object (`''`). */
export const everythingFieldSelector: FieldSelector = Object.freeze({
  requirements: Object.freeze([]),
  fieldNames: Object.freeze([]),
  isEverything: true,
  matches: () => true,
  bind: () => right(() => true),
  requiresExactMatch: () => undefined,
  toString: () => '',
});

function fieldSelectorFromRequirements(requirements: readonly FieldRequirement[]): FieldSelector {
  return requirements.length === 0
    ? everythingFieldSelector
    : new CompiledFieldSelector(requirements);
}

// ---------------------------------------------------------------------------
// parser
// ---------------------------------------------------------------------------

interface Term {
  readonly text: string;
  /** Offset of the term in the input. */
  readonly position: number;
}

interface Failure {
  readonly position: number;
  readonly detail: string;
}

/** Splits at each `,` not escaped by a `\`; the escapes stay in the terms. */
function splitTerms(input: string): Term[] {
  const terms: Term[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < input.length; i++) {
    const char = input.charAt(i);
    if (escaped) {
      escaped = false;
    } else if (char === '\\') {
      escaped = true;
    } else if (char === ',') {
      terms.push({ text: input.slice(start, i), position: start });
      start = i + 1;
    }
  }
  terms.push({ text: input.slice(start), position: start });
  return terms;
}

/** `!=` before `==` before `=`, so that `a==b` does not read as `a` = `=b`. */
const TERM_OPERATORS = ['!=', '==', '='] as const;

const EXPECTED_TERM = 'expected: <field>=<value>, <field>==<value> or <field>!=<value>';

function parseTerm(term: Term): Either<Failure, FieldRequirement> {
  const { text, position } = term;
  for (let i = 0; i < text.length; i++) {
    const operator = TERM_OPERATORS.find((candidate) => text.startsWith(candidate, i));
    if (operator === undefined) {
      continue;
    }
    const valueStart = i + operator.length;
    const value = unescapeAt(text.slice(valueStart), position + valueStart);
    if (isLeft(value)) {
      return value;
    }
    return right({
      field: text.slice(0, i),
      operator: operator === '!=' ? '!=' : '=',
      value: value.right,
    });
  }
  return left({ position, detail: `found '${text}', ${EXPECTED_TERM}` });
}

// ---------------------------------------------------------------------------
// compiled matcher
// ---------------------------------------------------------------------------

class CompiledFieldSelector implements FieldSelector {
  readonly isEverything = false;
  readonly requirements: readonly FieldRequirement[];
  readonly fieldNames: readonly string[];
  private readonly text: string;

  constructor(requirements: readonly FieldRequirement[]) {
    this.requirements = Object.freeze(
      requirements.map(({ field, operator, value }) => Object.freeze({ field, operator, value })),
    );
    this.fieldNames = Object.freeze([...new Set(requirements.map((r) => r.field))].sort());
    this.text = requirements.map(formatFieldRequirement).join(',');
  }

  matches(fields: FieldLookup): boolean {
    const requirements = this.requirements;
    for (let i = 0; i < requirements.length; i++) {
      const requirement = requirements[i] as FieldRequirement;
      const found: unknown =
        typeof fields === 'function' ? fields(requirement.field) : fields[requirement.field];
      // Inherited properties of a record (`constructor`) are not strings: missing.
      const value = typeof found === 'string' ? found : '';
      if ((value === requirement.value) !== (requirement.operator === '=')) {
        return false;
      }
    }
    return true;
  }

  bind<T>(accessors: FieldAccessors<T>): Either<FieldLabelNotSupported, (object: T) => boolean> {
    const getters: ((object: T) => string | undefined)[] = [];
    for (const { field } of this.requirements) {
      const getter = Object.hasOwn(accessors, field) ? accessors[field] : undefined;
      if (getter === undefined) {
        return left(fieldLabelNotSupported(field));
      }
      getters.push(getter);
    }
    const values = this.requirements.map((requirement) => requirement.value);
    const equals = this.requirements.map((requirement) => requirement.operator === '=');
    const count = getters.length;
    return right((object: T) => {
      for (let i = 0; i < count; i++) {
        const value = (getters[i] as (object: T) => string | undefined)(object) ?? '';
        if ((value === values[i]) !== equals[i]) {
          return false;
        }
      }
      return true;
    });
  }

  requiresExactMatch(field: string): string | undefined {
    return this.requirements.find((r) => r.field === field && r.operator === '=')?.value;
  }

  toString(): string {
    return this.text;
  }
}

function formatFieldRequirement(requirement: FieldRequirement): string {
  return `${requirement.field}${requirement.operator}${escapeFieldValue(requirement.value)}`;
}
