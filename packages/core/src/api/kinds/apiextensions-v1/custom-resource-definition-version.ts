/**
 * `apiextensionsv1.CustomResourceDefinitionVersion` and its parts: the schema, the
 * subresources, the printer columns and the selectable fields of one version.
 *
 * @module
 */
import * as t from 'io-ts';
import { Int32, withSchema } from '../../codec/index.js';
import { JSONSchemaPropsCodec } from './json-schema-props.js';

/** The codec of `apiextensionsv1.CustomResourceValidation`: `openAPIV3Schema`, kept as is. */
export const CustomResourceValidation = withSchema(
  t.partial({ openAPIV3Schema: JSONSchemaPropsCodec }),
  { description: 'CustomResourceValidation is a list of validation methods for CustomResources.' },
  'CustomResourceValidation',
);

/** A version's schema, as {@link CustomResourceValidation} decodes it. */
export type CustomResourceValidation = t.TypeOf<typeof CustomResourceValidation>;

/**
 * The codec of `apiextensionsv1.CustomResourceSubresourceScale`: the JSON paths of
 * the replicas (`.spec.replicas`, `.status.replicas`) and of the label selector.
 */
export const CustomResourceSubresourceScale = withSchema(
  t.intersection([
    t.type({
      specReplicasPath: withSchema(t.string, {
        description:
          'specReplicasPath defines the JSON path inside of a custom resource that corresponds to Scale spec.replicas.',
      }),
      statusReplicasPath: withSchema(t.string, {
        description:
          'statusReplicasPath defines the JSON path inside of a custom resource that corresponds to Scale status.replicas.',
      }),
    }),
    t.partial({
      labelSelectorPath: withSchema(t.string, {
        description:
          'labelSelectorPath defines the JSON path inside of a custom resource that corresponds to Scale status.selector.',
      }),
    }),
  ]),
  { description: 'CustomResourceSubresourceScale defines how to serve the scale subresource.' },
  'CustomResourceSubresourceScale',
);

/** The scale subresource of a version, as {@link CustomResourceSubresourceScale} decodes it. */
export type CustomResourceSubresourceScale = t.TypeOf<typeof CustomResourceSubresourceScale>;

/**
 * The codec of `apiextensionsv1.CustomResourceSubresources`: `status: {}` enables
 * `/status`, `scale` enables `/scale`.
 */
export const CustomResourceSubresources = withSchema(
  t.partial({
    status: withSchema(t.type({}), {
      description: 'status indicates the custom resource should serve a `/status` subresource.',
    }),
    scale: CustomResourceSubresourceScale,
  }),
  {
    description:
      'CustomResourceSubresources defines the status and scale subresources for CustomResources.',
  },
  'CustomResourceSubresources',
);

/** The subresources of a version, as {@link CustomResourceSubresources} decodes them. */
export type CustomResourceSubresources = t.TypeOf<typeof CustomResourceSubresources>;

/**
 * The codec of `apiextensionsv1.CustomResourceColumnDefinition`: a printer column.
 * `name`, `type` (`integer`, `number`, `string`, `boolean` or `date`) and `jsonPath`
 * are required; `format`, `description` and `priority` optional.
 */
export const CustomResourceColumnDefinition = withSchema(
  t.intersection([
    t.type({
      name: withSchema(t.string, { description: 'name is a human readable name for the column.' }),
      type: withSchema(t.string, {
        description:
          'type is an OpenAPI type definition for this column: integer, number, string, boolean or date.',
      }),
      jsonPath: withSchema(t.string, {
        description:
          'jsonPath is a simple JSON path evaluated against each custom resource to produce the column value.',
      }),
    }),
    t.partial({
      format: withSchema(t.string, {
        description: 'format is an optional OpenAPI type definition for this column.',
      }),
      description: withSchema(t.string, {
        description: 'description is a human readable description of this column.',
      }),
      priority: withSchema(Int32, {
        description:
          'priority is an integer defining the relative importance of this column; 0 is shown by default.',
      }),
    }),
  ]),
  { description: 'CustomResourceColumnDefinition specifies a column for server side printing.' },
  'CustomResourceColumnDefinition',
);

/** A printer column, as {@link CustomResourceColumnDefinition} decodes it. */
export type CustomResourceColumnDefinition = t.TypeOf<typeof CustomResourceColumnDefinition>;

/** The codec of `apiextensionsv1.SelectableField`: a field usable in field selectors. */
export const SelectableField = withSchema(
  t.type({
    jsonPath: withSchema(t.string, {
      description:
        'jsonPath is a simple JSON path which is evaluated against each custom resource to produce a field selector value.',
    }),
  }),
  {
    description:
      'SelectableField specifies the JSON path of a field that may be used with field selectors.',
  },
  'SelectableField',
);

/** A selectable field, as {@link SelectableField} decodes it. */
export type SelectableField = t.TypeOf<typeof SelectableField>;

/**
 * The codec of `apiextensionsv1.CustomResourceDefinitionVersion`: `name`, `served`
 * and `storage` are required; the schema, subresources, printer columns, selectable
 * fields and deprecation optional.
 */
export const CustomResourceDefinitionVersion = withSchema(
  t.intersection([
    t.type({
      name: withSchema(t.string, {
        description:
          'name is the version name, e.g. "v1", "v2beta1". Served under /apis/<group>/<version>/...',
      }),
      served: withSchema(t.boolean, {
        description:
          'served is a flag enabling/disabling this version from being served via REST APIs.',
      }),
      storage: withSchema(t.boolean, {
        description:
          'storage indicates this version should be used when persisting custom resources. Exactly one version must be.',
      }),
    }),
    t.partial({
      deprecated: withSchema(t.boolean, {
        description: 'deprecated indicates this version of the custom resource API is deprecated.',
      }),
      deprecationWarning: withSchema(t.string, {
        description: 'deprecationWarning overrides the default warning returned to API clients.',
      }),
      schema: CustomResourceValidation,
      subresources: CustomResourceSubresources,
      additionalPrinterColumns: withSchema(t.array(CustomResourceColumnDefinition), {
        description:
          'additionalPrinterColumns specifies additional columns returned in Table output.',
      }),
      selectableFields: withSchema(t.array(SelectableField), {
        description:
          'selectableFields specifies paths to fields that may be used as field selectors.',
      }),
    }),
  ]),
  { description: 'CustomResourceDefinitionVersion describes a version for CRD.' },
  'CustomResourceDefinitionVersion',
);

/** One version of a CRD, as {@link CustomResourceDefinitionVersion} decodes it. */
export type CustomResourceDefinitionVersion = t.TypeOf<typeof CustomResourceDefinitionVersion>;
