/**
 * Label and field selectors: parsed once, from a query string or a
 * `metav1.LabelSelector` object, into matchers cheap enough to filter every object
 * of a large list, with apimachinery's grammar, semantics and canonical strings.
 *
 * - {@link parseLabelSelector}: `app=web,tier in (front,back),!canary`.
 * - {@link labelSelectorAsSelector}: `{ matchLabels, matchExpressions }`.
 * - {@link parseFieldSelector}: `metadata.name=web,status.phase!=Running`.
 *
 * @module
 */
export type {
  FieldAccessors,
  FieldLookup,
  FieldOperator,
  FieldRequirement,
  FieldSelector,
} from './field-selector.js';
export { everythingFieldSelector, parseFieldSelector } from './field-selector.js';
export { escapeFieldValue, unescapeFieldValue } from './field-value-escaping.js';
export type { LabelOperator, LabelRequirement } from './label-requirement.js';
export type { LabelSelector, Labels } from './label-selector.js';
export { everythingLabelSelector, nothingLabelSelector } from './label-selector.js';
export type {
  LabelSelectorConversionOptions,
  LabelSelectorObject,
  LabelSelectorOperator,
  LabelSelectorRequirementObject,
} from './label-selector-object.js';
export {
  labelSelectorAsSelector,
  labelSelectorAsSelectorOrEverything,
} from './label-selector-object.js';
export { parseLabelSelector } from './label-selector-parser.js';
export {
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  LABEL_KEY_NAME_MAX_LENGTH,
  LABEL_VALUE_MAX_LENGTH,
  isValidLabelKey,
  isValidLabelValue,
  validateLabelKey,
  validateLabelValue,
} from './label-syntax.js';
export type {
  FieldLabelNotSupported,
  InvalidLabelSelector,
  SelectorError,
  SelectorFieldCause,
  SelectorKind,
  SelectorSyntaxError,
} from './selector-error.js';
export { isSelectorError } from './selector-error.js';
