/**
 * The columns of a resource's table (server-side printing, `kubectl get`): the
 * built-in kinds' and custom resources' (`additionalPrinterColumns`).
 *
 * @module
 */
import type { CustomResourceColumnDefinition } from '../../api/kinds/apiextensions-v1/index.js';
import type { ApiObject } from '../api-object.js';
import { printerColumnCells, type PrinterCell } from '../crd/index.js';
import { humanDuration } from './human-duration.js';

/** One column: its definition, as a Table's `columnDefinitions` lists it, and its cell. */
export interface PrinterColumn {
  readonly name: string;
  /** `string`, `integer`, `number`, `boolean` or `date`. */
  readonly type: string;
  readonly format?: string;
  readonly description?: string;
  /** 0 for the default view; above 0 for `-o wide` only. */
  readonly priority?: number;
  /** The cell of one object, at time `now` (ms). */
  readonly cell: (object: ApiObject, now: number) => PrinterCell;
}

/** An age cell: how long ago a timestamp was, or `<unknown>` without one. */
export function ageCell(timestamp: unknown, now: number): string {
  if (typeof timestamp !== 'string') {
    return '<unknown>';
  }
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? '<invalid>' : humanDuration(now - time);
}

/** The `Age` column: the time since `metadata.creationTimestamp`. */
export const AGE_COLUMN: PrinterColumn = {
  name: 'Age',
  type: 'string',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
  cell: (object, now) => ageCell(object.metadata?.creationTimestamp, now),
};

/**
 * The columns of a custom resource version's `additionalPrinterColumns`, or `Age`
 * when it has none (as upstream's CRD table convertor). `date` columns print as ages.
 */
export function customResourceColumns(
  definitions: readonly CustomResourceColumnDefinition[] | undefined,
): readonly PrinterColumn[] {
  if (definitions === undefined || definitions.length === 0) {
    return [AGE_COLUMN];
  }
  return definitions.map((definition) => ({
    name: definition.name,
    type: definition.type,
    ...(definition.format === undefined ? {} : { format: definition.format }),
    ...(definition.description === undefined ? {} : { description: definition.description }),
    ...(definition.priority === undefined ? {} : { priority: definition.priority }),
    cell: (object: ApiObject, now: number): PrinterCell => {
      const [cell] = printerColumnCells(object, [definition]);
      return definition.type === 'date' && typeof cell === 'string'
        ? ageCell(cell, now)
        : (cell ?? null);
    },
  }));
}
