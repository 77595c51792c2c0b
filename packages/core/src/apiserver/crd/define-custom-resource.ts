/**
 * Defining a custom resource from io-ts codecs: its CRD, its TypeScript type and its
 * decoder, with no schema written by hand.
 *
 * @module
 */
import * as t from 'io-ts';
import type { FieldError } from '../../api/codec/field-error.js';
import type { JSONSchemaProps } from '../../api/codec/openapi-schema.js';
import { toOpenAPISchema } from '../../api/codec/to-openapi-schema.js';
import { withSchema } from '../../api/codec/with-schema.js';
import type {
  CustomResourceColumnDefinition,
  CustomResourceDefinition,
  CustomResourceSubresourceScale,
  CustomResourceSubresources,
} from '../../api/kinds/apiextensions-v1/index.js';
import { ObjectMeta } from '../../api/meta/index.js';
import { validateCustomResourceDefinition } from './validate-custom-resource-definition.js';

/**
 * A custom resource as stored and served: `apiVersion`, `kind`, `metadata`, the
 * required `spec` and, when the kind has one, the optional `status`.
 */
export interface CustomResource<Spec, Status = never> {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly spec: Spec;
  readonly status?: Status;
}

/** What {@link defineCustomResource} needs: the names, the scope and the codecs. */
export interface DefineCustomResourceOptions<Spec, Status> {
  /** The API group, a domain with at least one dot (`stable.example.com`). */
  readonly group: string;
  /** The one version served and stored (`v1`). */
  readonly version: string;
  /** The kind, in CamelCase (`CronTab`). */
  readonly kind: string;
  /** The resource, lower case and plural (`crontabs`). */
  readonly plural: string;
  /** The singular name; the lower-case kind by default. */
  readonly singular?: string;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  readonly scope: 'Namespaced' | 'Cluster';
  /** The codec of `spec`; its schema comes from {@link toOpenAPISchema}. */
  readonly spec: t.Type<Spec, unknown, unknown>;
  /** The codec of `status`; when given, the `/status` subresource is enabled. */
  readonly status?: t.Type<Status, unknown, unknown>;
  /** The scale subresource's paths; when given, `/scale` is enabled. */
  readonly scale?: CustomResourceSubresourceScale;
  readonly printerColumns?: readonly CustomResourceColumnDefinition[];
}

/** A custom resource defined by {@link defineCustomResource}. */
export interface DefinedCustomResource<Spec, Status> {
  /** The CRD to create: named `<plural>.<group>`, one served and stored version. */
  readonly crd: CustomResourceDefinition;
  /** `<group>/<version>`. */
  readonly apiVersion: string;
  readonly kind: string;
  /** The version's `openAPIV3Schema`. */
  readonly schema: JSONSchemaProps;
  /**
   * Decodes a whole custom resource: `apiVersion` and `kind` must be this kind's,
   * `metadata` is {@link ObjectMeta}, `spec` required, `status` optional.
   */
  readonly codec: t.Type<CustomResource<Spec, Status>, unknown, unknown>;
}

/** Thrown by {@link defineCustomResource} when the CRD it builds is invalid. */
export class InvalidCustomResourceDefinitionError extends Error {
  /** Tells this error apart from other tagged errors. */
  readonly _tag = 'InvalidCustomResourceDefinitionError';

  /** @param fieldErrors - what the CRD validation reported. */
  constructor(readonly fieldErrors: readonly FieldError[]) {
    super(
      `invalid CustomResourceDefinition: ${fieldErrors.map((error) => `${error.field}: ${error.message}`).join('; ')}`,
    );
    this.name = 'InvalidCustomResourceDefinitionError';
  }
}

/**
 * Builds a custom resource's CRD from io-ts codecs, so its schema is never written
 * by hand. The schema is
 * `{ type: object, properties: { apiVersion: string, kind: string, metadata: object,
 * spec: <spec codec>, status: <status codec> }, required: [spec] }`; the `/status`
 * subresource is enabled when `status` is given, `/scale` when `scale` is.
 *
 * @example
 * ```ts
 * const CronTab = defineCustomResource({
 *   group: 'stable.example.com', version: 'v1', kind: 'CronTab', plural: 'crontabs',
 *   scope: 'Namespaced', spec: t.type({ cronSpec: t.string, image: t.string }),
 * });
 * type CronTab = t.TypeOf<typeof CronTab.codec>; // CustomResource<{ cronSpec: string; image: string }>
 * ```
 *
 * Errors: throws {@link UnsupportedCodecError} for a codec without a Kubernetes
 * schema, and {@link InvalidCustomResourceDefinitionError} when the CRD fails
 * {@link validateCustomResourceDefinition} (bad names, a non-structural schema such
 * as a union of objects, a bad printer column). Both are mistakes in the program's
 * definitions, found when it starts, so they are thrown rather than returned.
 */
export function defineCustomResource<Spec, Status = never>(
  options: DefineCustomResourceOptions<Spec, Status>,
): DefinedCustomResource<Spec, Status> {
  const apiVersion = `${options.group}/${options.version}`;
  const schema: JSONSchemaProps = {
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec: toOpenAPISchema(options.spec),
      ...(options.status === undefined ? {} : { status: toOpenAPISchema(options.status) }),
    },
    required: ['spec'],
  };
  const subresources: CustomResourceSubresources = {
    ...(options.status === undefined ? {} : { status: {} }),
    ...(options.scale === undefined ? {} : { scale: options.scale }),
  };
  const crd: CustomResourceDefinition = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${options.plural}.${options.group}` },
    spec: {
      group: options.group,
      names: {
        plural: options.plural,
        singular: options.singular ?? options.kind.toLowerCase(),
        kind: options.kind,
        listKind: `${options.kind}List`,
        ...(options.shortNames === undefined ? {} : { shortNames: [...options.shortNames] }),
        ...(options.categories === undefined ? {} : { categories: [...options.categories] }),
      },
      scope: options.scope,
      versions: [
        {
          name: options.version,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: schema },
          ...(Object.keys(subresources).length === 0 ? {} : { subresources }),
          ...(options.printerColumns === undefined
            ? {}
            : { additionalPrinterColumns: [...options.printerColumns] }),
        },
      ],
    },
  };
  const errors = validateCustomResourceDefinition(crd);
  if (errors.length > 0) {
    throw new InvalidCustomResourceDefinitionError(errors);
  }
  return { crd, apiVersion, kind: options.kind, schema, codec: resourceCodec(apiVersion, options) };
}

function resourceCodec<Spec, Status>(
  apiVersion: string,
  options: DefineCustomResourceOptions<Spec, Status>,
): t.Type<CustomResource<Spec, Status>, unknown, unknown> {
  const codec = withSchema(
    t.intersection([
      t.type({
        apiVersion: t.literal(apiVersion),
        kind: t.literal(options.kind),
        metadata: ObjectMeta,
        spec: options.spec,
      }),
      t.partial(options.status === undefined ? {} : { status: options.status }),
    ]),
    {},
    options.kind,
  );
  // The intersection decodes exactly CustomResource<Spec, Status> (with literal
  // apiVersion and kind), but io-ts cannot see that through the optional status.
  // withSchema keeps the codec tree visible to decodeObject: field paths and pruning.
  return codec as unknown as t.Type<CustomResource<Spec, Status>, unknown, unknown>;
}
