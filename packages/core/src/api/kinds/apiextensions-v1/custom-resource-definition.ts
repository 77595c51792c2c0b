/**
 * `apiextensionsv1.CustomResourceDefinition`: a new resource type, served by the
 * apiserver once its names are accepted.
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';
import { CustomResourceDefinitionVersion } from './custom-resource-definition-version.js';

const stringList = (description: string) => withSchema(t.array(t.string), { description });

/**
 * The codec of `apiextensionsv1.CustomResourceDefinitionNames`: `plural` and `kind`
 * are required; `singular` (default: the lower-case kind), `listKind` (default:
 * `<kind>List`), `shortNames` and `categories` optional.
 */
export const CustomResourceDefinitionNames = withSchema(
  t.intersection([
    t.type({
      plural: withSchema(t.string, {
        description: 'plural is the plural name of the resource to serve, all lowercase.',
      }),
      kind: withSchema(t.string, {
        description:
          'kind is the serialized kind of the resource. It is normally CamelCase and singular.',
      }),
    }),
    t.partial({
      singular: withSchema(t.string, {
        description:
          'singular is the singular name of the resource. Defaults to the lowercased kind.',
      }),
      listKind: withSchema(t.string, {
        description:
          'listKind is the serialized kind of the list for this resource. Defaults to "kindList".',
      }),
      shortNames: stringList('shortNames are short names for the resource, exposed in discovery.'),
      categories: stringList('categories is a list of grouped resources, such as `all`.'),
    }),
  ]),
  {
    description:
      'CustomResourceDefinitionNames indicates the names to serve this CustomResourceDefinition.',
  },
  'CustomResourceDefinitionNames',
);

/** The names of a CRD, as {@link CustomResourceDefinitionNames} decodes them. */
export type CustomResourceDefinitionNames = t.TypeOf<typeof CustomResourceDefinitionNames>;

/**
 * The codec of `apiextensionsv1.CustomResourceConversion`: `strategy` (`None` or
 * `Webhook`); the webhook's configuration is kept as is.
 */
export const CustomResourceConversion = withSchema(
  t.intersection([
    t.type({
      strategy: withSchema(t.keyof({ None: null, Webhook: null }), {
        description:
          'strategy specifies how custom resources are converted between versions: None or Webhook.',
      }),
    }),
    t.partial({
      webhook: withSchema(t.UnknownRecord, {
        description:
          'webhook describes how to call the conversion webhook. Required when strategy is Webhook.',
      }),
    }),
  ]),
  { description: 'CustomResourceConversion describes how to convert different versions of a CR.' },
  'CustomResourceConversion',
);

/** A CRD's conversion, as {@link CustomResourceConversion} decodes it. */
export type CustomResourceConversion = t.TypeOf<typeof CustomResourceConversion>;

/**
 * The codec of `apiextensionsv1.CustomResourceDefinitionSpec`: `group`, `names`,
 * `scope` (`Namespaced` or `Cluster`) and `versions` are required; `conversion` and
 * `preserveUnknownFields` optional.
 */
export const CustomResourceDefinitionSpec = withSchema(
  t.intersection([
    t.type({
      group: withSchema(t.string, {
        description: 'group is the API group of the defined custom resource: /apis/<group>/...',
      }),
      names: CustomResourceDefinitionNames,
      scope: withSchema(t.keyof({ Namespaced: null, Cluster: null }), {
        description:
          'scope indicates whether the defined custom resource is cluster- or namespace-scoped.',
      }),
      versions: withSchema(t.array(CustomResourceDefinitionVersion), {
        description: 'versions is the list of all API versions of the defined custom resource.',
      }),
    }),
    t.partial({
      conversion: CustomResourceConversion,
      preserveUnknownFields: withSchema(t.boolean, {
        description:
          'preserveUnknownFields indicates that object fields not in the schema are retained (must be false).',
      }),
    }),
  ]),
  {
    description:
      'CustomResourceDefinitionSpec describes how a user wants their resource to appear.',
  },
  'CustomResourceDefinitionSpec',
);

/** A CRD's spec, as {@link CustomResourceDefinitionSpec} decodes it. */
export type CustomResourceDefinitionSpec = t.TypeOf<typeof CustomResourceDefinitionSpec>;

/**
 * The codec of `apiextensionsv1.CustomResourceDefinitionCondition`: `type`
 * (`Established`, `NamesAccepted`, `NonStructuralSchema`, `Terminating`...) and
 * `status` are required; `lastTransitionTime`, `reason` and `message` optional.
 */
export const CustomResourceDefinitionCondition = withSchema(
  t.intersection([
    t.type({
      type: withSchema(t.string, {
        description: 'type is the type of the condition, such as Established.',
      }),
      status: withSchema(t.keyof({ True: null, False: null, Unknown: null }), {
        description: 'status is the status of the condition: True, False or Unknown.',
      }),
    }),
    t.partial({
      lastTransitionTime: withSchema(DateTime, {
        description:
          'lastTransitionTime last time the condition transitioned from one status to another.',
      }),
      reason: withSchema(t.string, {
        description:
          "reason is a unique, one-word, CamelCase reason for the condition's last transition.",
      }),
      message: withSchema(t.string, {
        description:
          'message is a human-readable message indicating details about last transition.',
      }),
    }),
  ]),
  {
    description:
      'CustomResourceDefinitionCondition contains details for the current condition of this CRD.',
  },
  'CustomResourceDefinitionCondition',
);

/** A CRD's condition, as {@link CustomResourceDefinitionCondition} decodes it. */
export type CustomResourceDefinitionCondition = t.TypeOf<typeof CustomResourceDefinitionCondition>;

/**
 * The codec of `apiextensionsv1.CustomResourceDefinitionStatus`: `conditions`,
 * `acceptedNames` and `storedVersions`, all optional (the apiserver writes them).
 */
export const CustomResourceDefinitionStatus = withSchema(
  t.partial({
    conditions: withSchema(t.array(CustomResourceDefinitionCondition), {
      description:
        'conditions indicate state for particular aspects of a CustomResourceDefinition.',
    }),
    acceptedNames: CustomResourceDefinitionNames,
    storedVersions: stringList(
      'storedVersions lists all versions of CustomResources that were ever persisted.',
    ),
  }),
  {
    description:
      'CustomResourceDefinitionStatus indicates the state of the CustomResourceDefinition.',
  },
  'CustomResourceDefinitionStatus',
);

/** A CRD's status, as {@link CustomResourceDefinitionStatus} decodes it. */
export type CustomResourceDefinitionStatus = t.TypeOf<typeof CustomResourceDefinitionStatus>;

/**
 * The codec of `apiextensionsv1.CustomResourceDefinition` (`apiextensions.k8s.io/v1`,
 * cluster-scoped): `spec` is required; `metadata` and `status` optional.
 * `apiVersion` and `kind` are the literals `apiextensions.k8s.io/v1` and
 * `CustomResourceDefinition`, optional in request bodies.
 *
 * Caveats: decoding checks the shape only. Upstream's validation (the name is
 * `<plural>.<group>`, exactly one storage version, structural schemas...) is
 * `validateCustomResourceDefinition` in `apiserver/crd`.
 */
export const CustomResourceDefinition = withSchema(
  t.intersection([
    t.type({ spec: CustomResourceDefinitionSpec }),
    t.partial({
      ...typeMetaOf('apiextensions.k8s.io/v1', 'CustomResourceDefinition'),
      metadata: ObjectMeta,
      status: CustomResourceDefinitionStatus,
    }),
  ]),
  {
    description:
      'CustomResourceDefinition represents a resource that should be exposed on the API server. ' +
      'Its name MUST be in the format <.spec.name>.<.spec.group>.',
  },
  'CustomResourceDefinition',
);

/** A CRD, as {@link CustomResourceDefinition} decodes it. */
export type CustomResourceDefinition = t.TypeOf<typeof CustomResourceDefinition>;

/** The codec of `apiextensionsv1.CustomResourceDefinitionList`. */
export const CustomResourceDefinitionList = listOf({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinitionList',
  item: CustomResourceDefinition,
  description: 'CustomResourceDefinitionList is a list of CustomResourceDefinition objects.',
});

/** A list of CRDs, as {@link CustomResourceDefinitionList} decodes it. */
export type CustomResourceDefinitionList = t.TypeOf<typeof CustomResourceDefinitionList>;
