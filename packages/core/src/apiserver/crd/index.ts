/**
 * Custom resources the way the apiserver serves them: validating a
 * `CustomResourceDefinition`, and pruning, defaulting, validating and printing the
 * custom resources its schema describes.
 *
 * - {@link validateCustomResourceDefinition}, with {@link structuralSchemaErrors};
 * - {@link pruneBySchema} → {@link applySchemaDefaults} → {@link validateAgainstSchema},
 *   the order in which the apiserver handles a custom resource it receives;
 * - {@link evaluateJsonPath} and {@link printerColumnCells} for `Table` output;
 * - {@link defineCustomResource}: a CRD, a TypeScript type and a decoder from io-ts codecs.
 *
 * @example
 * ```ts
 * const { value, unknownFields } = pruneBySchema(body, schema);
 * const defaulted = applySchemaDefaults(value, schema);
 * const errors = validateAgainstSchema(defaulted, schema);
 * ```
 *
 * @module
 */
export { applySchemaDefaults } from './apply-schema-defaults.js';
export {
  defineCustomResource,
  InvalidCustomResourceDefinitionError,
  type CustomResource,
  type DefineCustomResourceOptions,
  type DefinedCustomResource,
} from './define-custom-resource.js';
export {
  evaluateJsonPath,
  parseJsonPath,
  type JsonPath,
  type JsonPathError,
  type JsonPathLiteral,
  type JsonPathStep,
} from './json-path.js';
export { printerColumnCells, type PrinterCell } from './printer-columns.js';
export { pruneBySchema, type PruneResult } from './prune-by-schema.js';
export { structuralSchemaErrors } from './structural-schema.js';
export {
  validateAgainstSchema,
  type ValidateAgainstSchemaOptions,
} from './validate-against-schema.js';
export { validateCustomResourceDefinition } from './validate-custom-resource-definition.js';
