/**
 * Server-side printing: an object or a list as a `meta.k8s.io/v1 Table`, the answer to
 * `Accept: application/json;as=Table;g=meta.k8s.io;v=v1` that `kubectl get` asks for.
 *
 * @module
 */
import type { ApiObject } from '../api-object.js';
import type { PrinterColumn } from './printer-column.js';

/** How much of each object a row carries (the `includeObject` parameter). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

const NAME_COLUMN = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description:
    'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically.',
  priority: 0,
};

/**
 * The Table of an object or a list (any body with `items`): a `Name` column, then
 * `columns`; one row per object, whose `object` is the object's
 * `PartialObjectMetadata` (namespace and labels included, for `-A` and
 * `--show-labels`) by default.
 */
export function toTable(options: {
  readonly body: ApiObject;
  readonly columns: readonly PrinterColumn[];
  readonly now: number;
  readonly includeObject?: IncludeObject;
}): ApiObject {
  const { body, columns, now } = options;
  const include = options.includeObject ?? 'Metadata';
  const items = Array.isArray(body['items']) ? (body['items'] as readonly ApiObject[]) : [body];
  const rows = items.map((object) => ({
    cells: [object.metadata?.name ?? '', ...columns.map((column) => column.cell(object, now))],
    ...(include === 'None'
      ? {}
      : {
          object:
            include === 'Object'
              ? object
              : {
                  kind: 'PartialObjectMetadata',
                  apiVersion: 'meta.k8s.io/v1',
                  metadata: object.metadata ?? {},
                },
        }),
  }));
  const listMetadata = Array.isArray(body['items']) ? (body.metadata ?? {}) : {};
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      resourceVersion:
        (listMetadata as { resourceVersion?: string }).resourceVersion ??
        body.metadata?.resourceVersion ??
        '',
      ...copy(listMetadata, 'continue'),
      ...copy(listMetadata, 'remainingItemCount'),
    },
    columnDefinitions: [
      NAME_COLUMN,
      ...columns.map((column) => ({
        name: column.name,
        type: column.type,
        format: column.format ?? '',
        description: column.description ?? '',
        priority: column.priority ?? 0,
      })),
    ],
    rows,
  };
}

function copy(source: object, key: string): Record<string, unknown> {
  const value = (source as Record<string, unknown>)[key];
  return value === undefined ? {} : { [key]: value };
}
