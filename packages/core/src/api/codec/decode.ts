/**
 * Decoding an object with a codec, with failures as Kubernetes field errors.
 *
 * @module
 */
import { isRight, left, right, type Either } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { compileDecoder, NOT_DECODED, type CompiledDecoder } from './compiled-decoder.js';
import type { FieldError } from './field-error.js';
import { pruneUnknownFields } from './prune-unknown-fields.js';
import { fieldErrorsFromValidation } from './validation-field-errors.js';

/** How {@link decodeObject} treats fields the codec does not know. */
export interface DecodeObjectOptions {
  /**
   * Report every field the codec does not know as a `FieldValueUnknown` error (as the
   * apiserver does with `fieldValidation=Strict`), instead of dropping it. Default:
   * false.
   */
  readonly strictFields?: boolean;
}

/**
 * Decodes `input` with `codec`, returning the value or every field error found.
 *
 * Guarantees:
 * - all errors: every missing field, wrong value and (when strict) unknown field is
 *   reported, each once, with its upstream field path
 *   (`spec.containers[0].ports[1].containerPort`, `metadata.labels[app]`): unknown
 *   fields first, in input order, then the rest in the codec's declaration order;
 * - unknown fields: the fields of objects (`t.type`, `t.partial`, their intersections)
 *   that the codec does not declare are dropped from the result, at every depth,
 *   through arrays, records and unions; with `strictFields` each is an error instead.
 *   Fields under `t.unknown` or `t.UnknownRecord` are kept, as Kubernetes keeps them
 *   under `x-kubernetes-preserve-unknown-fields`;
 * - the input is not modified: objects in the result are new;
 * - speed: a valid value is decoded in one pass by the codec's compiled decoder
 *   (`compileDecoder`, compiled on first use and cached per codec); only a value
 *   it does not accept goes through pruning and io-ts, which find the errors.
 *
 * Errors (as values) map io-ts failures as the apiserver would report them: a missing
 * field is `FieldValueRequired`; a value of the wrong JSON type is
 * `FieldValueTypeInvalid` (its bad value is the JSON type, as upstream's schema
 * validation writes it: `Invalid value: "string": must be of type integer`); a value
 * of the right type outside a union of literals or a `t.keyof` is
 * `FieldValueNotSupported`; any other rejection (a range, a format, a refinement) is
 * `FieldValueInvalid`, with the codec's failure message or `must be <codec name>`.
 * A union that fails reports the errors of the one member whose JSON type fits the
 * value, or one error at the union's path when none or several fit; a missing value
 * is `FieldValueRequired` whatever its type (`X | null` included).
 */
export function decodeObject<A, O>(
  codec: t.Type<A, O, unknown>,
  input: unknown,
  options: DecodeObjectOptions = {},
): Either<readonly FieldError[], A> {
  const decoded = compiledDecoderOf(codec)(input, options);
  if (decoded !== NOT_DECODED) {
    return right(decoded);
  }
  const pruned = pruneUnknownFields(codec, input);
  const unknownErrors: FieldError[] =
    options.strictFields === true
      ? pruned.unknownFields.map((field) => ({
          reason: 'FieldValueUnknown',
          field,
          message: `unknown field ${JSON.stringify(field)}`,
        }))
      : [];
  const result = codec.decode(pruned.value);
  const errors = [
    ...unknownErrors,
    ...(isRight(result) ? [] : fieldErrorsFromValidation(result.left)),
  ];
  if (errors.length > 0 || !isRight(result)) {
    return left(errors);
  }
  return right(result.right);
}

// Compiled decoders by codec: codecs are long-lived module constants, compiled once.
const compiledDecoders = new WeakMap<t.Mixed, CompiledDecoder<unknown>>();

function compiledDecoderOf<A, O>(codec: t.Type<A, O, unknown>): CompiledDecoder<A> {
  const cached = compiledDecoders.get(codec) as CompiledDecoder<A> | undefined;
  if (cached !== undefined) {
    return cached;
  }
  const compiled = compileDecoder(codec);
  compiledDecoders.set(codec, compiled);
  return compiled;
}
