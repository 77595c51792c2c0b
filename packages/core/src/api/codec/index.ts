/**
 * io-ts codecs as the single source of truth for a kind: the TypeScript type, runtime
 * decoding with Kubernetes field errors, and the OpenAPI v3 schema.
 *
 * - {@link toOpenAPISchema} derives a structural schema from a codec;
 * - {@link withSchema} attaches descriptions, formats and bounds to a codec;
 * - {@link Int32}, {@link Int64}, {@link IntOrString}, {@link DateTime},
 *   {@link QuantityCodec} and {@link Base64Bytes} are the API's primitives;
 * - {@link decodeObject} decodes, reporting every missing, wrong and (when strict)
 *   unknown field with its path.
 *
 * @example
 * ```ts
 * const Port = t.intersection([
 *   t.type({ containerPort: Int32 }),
 *   t.partial({ protocol: t.keyof({ TCP: null, UDP: null, SCTP: null }) }),
 * ]);
 * toOpenAPISchema(Port);
 * // { type: 'object', properties: { containerPort: { type: 'integer', format: 'int32' },
 * //   protocol: { type: 'string', enum: ['TCP', 'UDP', 'SCTP'] } }, required: ['containerPort'] }
 * decodeObject(Port, { protocol: 'HTTP' });
 * // left([{ reason: 'FieldValueRequired', field: 'containerPort', message: 'Required value' },
 * //       { reason: 'FieldValueNotSupported', field: 'protocol',
 * //         message: 'Unsupported value: "HTTP": supported values: "TCP", "UDP", "SCTP"' }])
 * ```
 *
 * @module
 */
export { decodeObject, type DecodeObjectOptions } from './decode.js';
export { withSchema, DescribedType } from './with-schema.js';
export type { FieldError, FieldErrorReason } from './field-error.js';
export type { JSONSchemaProps, JSONSchemaType, JSONValue } from './openapi-schema.js';
export {
  Base64Bytes,
  DateTime,
  Int32,
  Int64,
  IntOrString,
  QuantityCodec,
  type PrimitiveCodec,
} from './primitives.js';
export { toOpenAPISchema, UnsupportedCodecError } from './to-openapi-schema.js';
