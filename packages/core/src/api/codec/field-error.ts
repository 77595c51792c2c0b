/**
 * Why one field of a decoded object is invalid, in the shape of a Kubernetes
 * `Status`'s `details.causes[]` entry.
 *
 * @module
 */

/**
 * The cause types of `k8s.io/apimachinery/pkg/util/validation/field`, for the failures
 * decoding finds:
 *
 * - `'FieldValueRequired'`: a required field is missing (`Required value`);
 * - `'FieldValueTypeInvalid'`: the value has the wrong JSON type
 *   (`Invalid value: "string": must be of type integer`);
 * - `'FieldValueInvalid'`: the type is right but the value is not
 *   (`Invalid value: 3000000000: must be a 32-bit integer`);
 * - `'FieldValueNotSupported'`: a value outside an enumeration
 *   (`Unsupported value: "Sometimes": supported values: "Always", "Never"`);
 * - `'FieldValueUnknown'`: with strict field validation, a field the kind does not
 *   have (`unknown field "spec.foo"`). Upstream reports these as a strict decoding
 *   error rather than a cause type; drydock gives them a reason of their own so all
 *   of a decode's failures share one shape.
 *
 * Semantic validation (after decoding) adds upstream's other cause types:
 * `'FieldValueDuplicate'` (`Duplicate value: "web"`), `'FieldValueForbidden'`
 * (`Forbidden: may not be set on create`), `'FieldValueTooLong'`
 * (`Too long: may not be more than 63 bytes`) and `'FieldValueTooMany'`
 * (`Too many: 3: must have at most 2 items`).
 */
export type FieldErrorReason =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueTypeInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueUnknown'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany';

/** One invalid field: what is wrong, where, and a message as upstream words it. */
export interface FieldError {
  /** What is wrong; see {@link FieldErrorReason}. */
  readonly reason: FieldErrorReason;
  /**
   * The field's path, as upstream writes it: object keys joined by `.`, list indices
   * and map keys in brackets (`spec.containers[0].name`, `metadata.labels[app]`); `''`
   * for the object itself.
   */
  readonly field: string;
  /** What is wrong, without the path, such as `Required value`. */
  readonly message: string;
}
