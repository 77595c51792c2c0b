/**
 * Semantic validation of tolerations (pods) and taint effects (nodes and pods), as
 * upstream's `ValidateTolerations` and `validateTaintEffect`.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Toleration } from '../../api/kinds/core-v1/index.js';
import { at, child, invalid, notSupported, required } from './field-errors.js';
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
  if (tolerations === undefined) {
    return [];
  }
  const errors: FieldError[] = [];
  tolerations.forEach((toleration, i) => {
    const item = at(path, i);
    const key = toleration.key ?? '';
    const operator = toleration.operator ?? '';
    const value = toleration.value ?? '';
    if (key !== '') {
      for (const problem of isQualifiedName(key)) {
        errors.push(invalid(child(item, 'key'), key, problem));
      }
    } else if (operator !== 'Exists') {
      errors.push(
        invalid(
          child(item, 'operator'),
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (toleration.tolerationSeconds !== undefined && toleration.effect !== 'NoExecute') {
      errors.push(
        invalid(
          child(item, 'effect'),
          toleration.effect ?? '',
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
    if (operator === '' || operator === 'Equal') {
      for (const problem of isValidLabelValue(value)) {
        errors.push(invalid(child(item, 'operator'), value, problem));
      }
    } else if (operator === 'Exists') {
      if (value !== '') {
        errors.push(
          invalid(
            child(item, 'operator'),
            toleration,
            "value must be empty when `operator` is 'Exists'",
          ),
        );
      }
    } else {
      errors.push(notSupported(child(item, 'operator'), operator, TOLERATION_OPERATORS));
    }
    errors.push(
      ...validateTaintEffect(toleration.effect, { path: child(item, 'effect'), allowEmpty: true }),
    );
  });
  return errors;
}
