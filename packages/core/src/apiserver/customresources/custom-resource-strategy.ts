/**
 * The write-path behaviour of a custom resource: its CRD version's structural schema
 * prunes, defaults and validates its objects.
 *
 * @module
 */
import { left, right } from 'fp-ts/lib/Either.js';
import { decodeObject, type FieldError, type JSONSchemaProps } from '../../api/codec/index.js';
import { ObjectMeta } from '../../api/meta/index.js';
import { isPlainObject, type ApiObject } from '../api-object.js';
import { applySchemaDefaults, pruneBySchema, validateAgainstSchema } from '../crd/index.js';
import type { CustomResourceColumnDefinition } from '../../api/kinds/apiextensions-v1/index.js';
import type { ResourceStrategy } from '../strategy/resource-strategy.js';
import { customResourceColumns } from '../table/printer-column.js';

/**
 * The strategy of a custom resource served with `schema` (its version's
 * `openAPIV3Schema`), as the apiextensions-apiserver decodes custom resources:
 *
 * 1. fields the schema does not allow are pruned (kept under
 *    `x-kubernetes-preserve-unknown-fields`); with strict field validation each is an
 *    error (`FieldValueUnknown`);
 * 2. `metadata` decodes as `ObjectMeta` (its unknown fields pruned the same way);
 * 3. the schema's `default`s are applied;
 * 4. the result is validated against the schema, every violation a field error.
 *
 * Its table has the version's `additionalPrinterColumns` (`Age` when there are none).
 * Generation is tracked (any change outside `metadata`, and outside `status` when the
 * status subresource is on, bumps it); names are path segments; there is no strategic
 * merge patch (415).
 */
export function customResourceStrategy(
  schema: JSONSchemaProps | undefined,
  printerColumns?: readonly CustomResourceColumnDefinition[],
): ResourceStrategy {
  return {
    nameRule: 'path-segment',
    tracksGeneration: true,
    printerColumns: customResourceColumns(printerColumns),
    decode: ({ body, strict }) => {
      if (!isPlainObject(body)) {
        return left([
          {
            reason: 'FieldValueTypeInvalid',
            field: '',
            message: 'Invalid value: "body": must be of type object',
          },
        ]);
      }
      const pruned =
        schema === undefined ? { value: body, unknownFields: [] } : pruneBySchema(body, schema);
      const errors: FieldError[] = strict
        ? pruned.unknownFields.map((field) => ({
            reason: 'FieldValueUnknown' as const,
            field,
            message: `unknown field ${JSON.stringify(field)}`,
          }))
        : [];
      const object = pruned.value as Record<string, unknown>;
      const metadata = decodeObject(ObjectMeta, object['metadata'] ?? {}, { strictFields: strict });
      if (metadata._tag === 'Left') {
        errors.push(
          ...metadata.left.map((error) => ({
            ...error,
            field: error.field === '' ? 'metadata' : `metadata.${error.field}`,
          })),
        );
      }
      const defaulted = (
        schema === undefined ? object : applySchemaDefaults(object, schema)
      ) as Record<string, unknown>;
      const withMetadata: ApiObject =
        metadata._tag === 'Right' ? { ...defaulted, metadata: metadata.right } : defaulted;
      if (schema !== undefined) {
        errors.push(...validateAgainstSchema(withMetadata, schema));
      }
      return errors.length > 0 ? left(errors) : right(withMetadata);
    },
  };
}
