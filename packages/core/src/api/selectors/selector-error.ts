/**
 * The selectors' failures, as values.
 *
 * Parsing a selector string fails with a {@link SelectorSyntaxError}, which the
 * apiserver answers with `400 BadRequest`. Converting a `metav1.LabelSelector` object
 * fails with an {@link InvalidLabelSelector} whose causes carry field paths, as in a
 * `422 Invalid` Status. Binding a field selector to a kind that cannot select on one
 * of its fields fails with {@link FieldLabelNotSupported} (`400 BadRequest`).
 *
 * @module
 */

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** Which selector language a string was written in. */
export type SelectorKind = 'label' | 'field';

/**
 * A selector string that does not parse, or that names an invalid label key or value.
 *
 * The message names the input, the position and what is wrong there, for example
 * `unable to parse label selector "app=(" at position 4: found '(', expected: identifier`.
 */
export interface SelectorSyntaxError {
  readonly _tag: 'SelectorSyntaxError';
  readonly selectorKind: SelectorKind;
  /** The string that was parsed, as given. */
  readonly input: string;
  /**
   * Where in `input` the offending token starts, counted in UTF-16 code units from 0;
   * `input.length` when the input ended too soon.
   */
  readonly position: number;
  /** What is wrong at `position`, such as `found '(', expected: identifier`. */
  readonly detail: string;
  readonly message: string;
}

/**
 * Why one field of a selector object is invalid, in the shape of a Status's
 * `details.causes[]` entry (`reason`, `field`, `message`).
 */
export interface SelectorFieldCause {
  /** Kubernetes' cause type: the value is missing, wrong, or not allowed here. */
  readonly reason: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueForbidden';
  /** The path of the field, such as `matchExpressions[1].values`. */
  readonly field: string;
  /** What is wrong, without the path: `Required value: must be specified when ...`. */
  readonly message: string;
}

/**
 * A `metav1.LabelSelector` object that is not valid: every problem found, each with
 * its field path. The message lists them as `<field>: <message>`, separated by `; `.
 */
export interface InvalidLabelSelector {
  readonly _tag: 'InvalidLabelSelector';
  readonly causes: readonly [SelectorFieldCause, ...SelectorFieldCause[]];
  readonly message: string;
}

/**
 * A field selector names a field that the kind does not let clients select on. The
 * message is the apiserver's: `field label not supported: spec.foo`.
 */
export interface FieldLabelNotSupported {
  readonly _tag: 'FieldLabelNotSupported';
  /** The field the selector names, such as `spec.foo`. */
  readonly field: string;
  readonly message: string;
}

/** Everything parsing, converting or binding a selector can fail with. */
export type SelectorError = SelectorSyntaxError | InvalidLabelSelector | FieldLabelNotSupported;

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * A {@link SelectorSyntaxError}. `subject` names what was parsed in the message; it
 * defaults to `<selectorKind> selector`.
 */
export function selectorSyntaxError(args: {
  readonly selectorKind: SelectorKind;
  readonly input: string;
  readonly position: number;
  readonly detail: string;
  readonly subject?: string;
}): SelectorSyntaxError {
  const { selectorKind, input, position, detail } = args;
  const subject = args.subject ?? `${selectorKind} selector`;
  return {
    _tag: 'SelectorSyntaxError',
    selectorKind,
    input,
    position,
    detail,
    message: `unable to parse ${subject} ${JSON.stringify(input)} at position ${position}: ${detail}`,
  };
}

/** An {@link InvalidLabelSelector} made of at least one cause. */
export function invalidLabelSelector(
  causes: readonly [SelectorFieldCause, ...SelectorFieldCause[]],
): InvalidLabelSelector {
  return {
    _tag: 'InvalidLabelSelector',
    causes,
    message: causes.map((cause) => `${cause.field}: ${cause.message}`).join('; '),
  };
}

/** A {@link FieldLabelNotSupported} error. */
export function fieldLabelNotSupported(field: string): FieldLabelNotSupported {
  return {
    _tag: 'FieldLabelNotSupported',
    field,
    message: `field label not supported: ${field}`,
  };
}

/** Whether an unknown value is a {@link SelectorError}. */
export function isSelectorError(value: unknown): value is SelectorError {
  if (typeof value !== 'object' || value === null || !('_tag' in value)) {
    return false;
  }
  switch (value._tag) {
    case 'SelectorSyntaxError':
    case 'InvalidLabelSelector':
    case 'FieldLabelNotSupported':
      return true;
    default:
      return false;
  }
}
