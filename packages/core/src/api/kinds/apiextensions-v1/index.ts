/**
 * The `apiextensions.k8s.io/v1` API group as codecs: {@link CustomResourceDefinition},
 * its parts, and {@link CustomResourceDefinitionList}. A version's `openAPIV3Schema`
 * decodes with {@link JSONSchemaPropsCodec}, kept as is.
 *
 * @module
 */
export {
  CustomResourceColumnDefinition,
  CustomResourceDefinitionVersion,
  CustomResourceSubresourceScale,
  CustomResourceSubresources,
  CustomResourceValidation,
  SelectableField,
} from './custom-resource-definition-version.js';
export {
  CustomResourceConversion,
  CustomResourceDefinition,
  CustomResourceDefinitionCondition,
  CustomResourceDefinitionList,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionSpec,
  CustomResourceDefinitionStatus,
} from './custom-resource-definition.js';
export { JSONSchemaPropsCodec } from './json-schema-props.js';
