/**
 * The cells of a custom resource's row in a `Table`, from its CRD's
 * `additionalPrinterColumns`.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { DateTime } from '../../api/codec/index.js';
import type { CustomResourceColumnDefinition } from '../../api/kinds/apiextensions-v1/index.js';
import { evaluateJsonPath } from './json-path.js';
import { isJSONObject } from './json-values.js';

/** One cell of a `Table` row: `null` when the column has no value for the object. */
export type PrinterCell = string | number | boolean | null;

/**
 * The cells of `object`'s row, one per column, formatted as the apiserver's CRD table
 * convertor formats them:
 *
 * - `string`: a string as is; a number or boolean as text; an object or list as JSON;
 * - `integer`: a number, truncated to an integer (`2.7` → `2`);
 * - `number`: a number;
 * - `boolean`: a boolean;
 * - `date`: the RFC 3339 timestamp string as stored (clients print it as an age),
 *   or `'<invalid>'` for a string that is not one.
 *
 * Guarantees: never throws. A path that does not parse (the CRD validation rejects
 * those), a path that leads nowhere, a `null`, and a value of the wrong type for the
 * column all give a `null` cell, which kubectl prints as `<none>`.
 */
export function printerColumnCells(
  object: unknown,
  columns: readonly Pick<CustomResourceColumnDefinition, 'type' | 'jsonPath'>[],
): readonly PrinterCell[] {
  return columns.map((column) => {
    const found = evaluateJsonPath(object, column.jsonPath);
    return isLeft(found) ? null : cellOf(column.type, found.right);
  });
}

function cellOf(type: string, value: unknown): PrinterCell {
  if (value === undefined || value === null) {
    return null;
  }
  switch (type) {
    case 'string':
      if (typeof value === 'string') {
        return value;
      }
      return typeof value === 'number' ||
        typeof value === 'boolean' ||
        isJSONObject(value) ||
        Array.isArray(value)
        ? JSON.stringify(value)
        : null;
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      if (typeof value !== 'string') {
        return null;
      }
      return DateTime.is(value) ? value : '<invalid>';
    default:
      return null;
  }
}
