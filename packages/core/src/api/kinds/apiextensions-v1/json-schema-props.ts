/**
 * The codec of a CRD's `openAPIV3Schema`: a recursive `JSONSchemaProps`, kept as is.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema, type DescribedType } from '../../codec/index.js';
import type { JSONSchemaProps } from '../../codec/openapi-schema.js';

function isJSONObject(u: unknown): u is JSONSchemaProps {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

const AnyJSONObject = new t.Type<JSONSchemaProps, JSONSchemaProps, unknown>(
  'JSONSchemaProps',
  isJSONObject,
  (u, c) => (isJSONObject(u) ? t.success(u) : t.failure(u, c, 'must be an object')),
  t.identity,
);

/**
 * The codec of `apiextensionsv1.JSONSchemaProps`: any JSON object, decoded to itself
 * and typed as {@link JSONSchemaProps}.
 *
 * Schema: `{ type: object, x-kubernetes-preserve-unknown-fields: true }`, so decoding
 * never prunes a schema's fields, however deep.
 *
 * Caveats: decoding checks only that the value is an object; whether it is a valid,
 * structural schema is the CRD validation's business (`validateCustomResourceDefinition`
 * in `apiserver/crd`), which reports each problem with its path.
 */
export const JSONSchemaPropsCodec: DescribedType<
  t.Type<JSONSchemaProps, JSONSchemaProps, unknown>
> = withSchema(
  AnyJSONObject,
  {
    type: 'object',
    'x-kubernetes-preserve-unknown-fields': true,
    description:
      'JSONSchemaProps is a JSON-Schema following Specification Draft 4 (http://json-schema.org/).',
  },
  'JSONSchemaProps',
);
