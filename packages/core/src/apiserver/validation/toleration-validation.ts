/**
 * Semantic validation of tolerations (pods) and taint effects (nodes and pods), as
 * upstream's `ValidateTolerations` and `validateTaintEffect`.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Toleration } from '../../api/kinds/core-v1/index.js';
import { at, child, fieldPath, invalid, notSupported, required } from './field-errors.js';
import { isValidLabelValueFormat, isValidQualifiedNameFormat } from './name-format-scans.js';
import { isQualifiedName, isValidLabelValue } from './name-rules.js';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
const TOLERATION_OPERATORS = ['Exists', 'Equal'] as const;

/**
 * The problems with a taint effect: one of `NoSchedule`, `PreferNoSchedule`,
 * `NoExecute` (`Unsupported value`); empty is `Required value` unless `allowEmpty`.
 */
export function validateTaintEffect(
  effect: string | undefined,
  options: { readonly path: string; readonly allowEmpty: boolean },
): FieldError[] {
  if (effect === undefined || effect === '') {
    return options.allowEmpty ? [] : [required(options.path)];
  }
  return (TAINT_EFFECTS as readonly string[]).includes(effect)
    ? []
    : [notSupported(options.path, effect, TAINT_EFFECTS)];
}

/**
 * The problems with a pod's tolerations: keys are qualified names; an empty key needs
 * operator `Exists`; `tolerationSeconds` needs effect `NoExecute`; `Equal` needs a
 * valid label value and `Exists` an empty value; the effect, if set, is a taint effect.
 */
export function validateTolerations(
  tolerations: readonly Toleration[] | undefined,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  validateTolerationsInto(tolerations, path, '', errors);
  return errors;
}

/** {@link validateTolerations} appending to `errors`, at `fieldPath(parent, name)`. */
export function validateTolerationsInto(
  tolerations: readonly Toleration[] | undefined,
  parent: string,
  name: string,
  errors: FieldError[],
): void {
  if (tolerations === undefined) {
    return;
  }
  for (let i = 0; i < tolerations.length; i++) {
    validateToleration(tolerations[i] as Toleration, { parent, name, index: i }, errors);
  }
}

// Where a toleration is: `<fieldPath(parent, name)>[<index>]`.
interface TolerationPath {
  readonly parent: string;
  readonly name: string;
  readonly index: number;
}

function validateToleration(
  toleration: Toleration,
  path: TolerationPath,
  errors: FieldError[],
): void {
  const key = toleration.key ?? '';
  const operator = toleration.operator ?? '';
  const value = toleration.value ?? '';
  if (key !== '') {
    if (!isValidQualifiedNameFormat(key)) {
      for (const problem of isQualifiedName(key)) {
        errors.push(invalid(itemField(path, 'key'), key, problem));
      }
    }
  } else if (operator !== 'Exists') {
    errors.push(
      invalid(
        itemField(path, 'operator'),
        operator,
        'operator must be Exists when `key` is empty, which means "match all values and all keys"',
      ),
    );
  }
  // Wider than the type: a taint effect is validated, not trusted.
  const effect: string | undefined = toleration.effect;
  if (toleration.tolerationSeconds !== undefined && effect !== 'NoExecute') {
    errors.push(
      invalid(
        itemField(path, 'effect'),
        effect ?? '',
        "effect must be 'NoExecute' when `tolerationSeconds` is set",
      ),
    );
  }
  if (operator === '' || operator === 'Equal') {
    if (!isValidLabelValueFormat(value)) {
      for (const problem of isValidLabelValue(value)) {
        errors.push(invalid(itemField(path, 'operator'), value, problem));
      }
    }
  } else if (operator === 'Exists') {
    if (value !== '') {
      errors.push(
        invalid(
          itemField(path, 'operator'),
          toleration,
          "value must be empty when `operator` is 'Exists'",
        ),
      );
    }
  } else {
    errors.push(notSupported(itemField(path, 'operator'), operator, TOLERATION_OPERATORS));
  }
  if (
    effect !== undefined &&
    effect !== '' &&
    !(TAINT_EFFECTS as readonly string[]).includes(effect)
  ) {
    errors.push(notSupported(itemField(path, 'effect'), effect, TAINT_EFFECTS));
  }
}

function itemField(path: TolerationPath, field: string): string {
  return child(at(fieldPath(path.parent, path.name), path.index), field);
}
