/**
 * The validation of a CRD's `spec.versions`: names, storage, schemas, subresources,
 * printer columns and selectable fields. Internal to {@link validateCustomResourceDefinition}.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { FieldError } from '../../api/codec/field-error.js';
import type { JSONSchemaProps } from '../../api/codec/openapi-schema.js';
import type {
  CustomResourceColumnDefinition,
  CustomResourceDefinitionVersion,
  CustomResourceSubresourceScale,
  SelectableField,
} from '../../api/kinds/apiextensions-v1/index.js';
import { dns1035LabelErrors } from './dns-names.js';
import {
  childPath,
  duplicate,
  invalid,
  keyPath,
  notSupported,
  required,
  tooMany,
} from './field-errors.js';
import { parseJsonPath } from './json-path.js';
import { structuralSchemaErrors } from './structural-schema.js';
import { validateAgainstSchema } from './validate-against-schema.js';

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const COLUMN_FORMATS = [
  'byte',
  'date',
  'date-time',
  'double',
  'float',
  'int32',
  'int64',
  'password',
];
const MAX_SELECTABLE_FIELDS = 8;

/** The errors of `spec.versions`, at `path` (`spec.versions`). */
export function versionsErrors(
  versions: readonly CustomResourceDefinitionVersion[],
  path: string,
): FieldError[] {
  if (versions.length === 0) {
    return [required(path, 'must have at least one version')];
  }
  const errors = versions.flatMap((version, i) => versionErrors(version, keyPath(path, i)));
  const names = versions.map((version) => version.name);
  if (new Set(names).size !== names.length) {
    errors.push(invalid(path, names, 'must contain unique version names'));
  }
  if (versions.filter((version) => version.storage).length !== 1) {
    errors.push(invalid(path, names, 'must have exactly one version marked as storage version'));
  }
  return errors;
}

function versionErrors(version: CustomResourceDefinitionVersion, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const nameErrors = dns1035LabelErrors(version.name);
  if (nameErrors.length > 0) {
    errors.push(invalid(childPath(path, 'name'), version.name, nameErrors.join(',')));
  }
  if (version.deprecated !== true && version.deprecationWarning !== undefined) {
    errors.push(
      invalid(
        childPath(path, 'deprecationWarning'),
        version.deprecationWarning,
        'can only be set for deprecated versions',
      ),
    );
  }
  const schemaPath = childPath(childPath(path, 'schema'), 'openAPIV3Schema');
  const schema = version.schema?.openAPIV3Schema;
  if (schema === undefined) {
    errors.push(required(schemaPath, 'schemas are required'));
  } else {
    errors.push(
      ...structuralSchemaErrors(schema, schemaPath),
      ...defaultErrors(schema, schemaPath),
    );
  }
  const scale = version.subresources?.scale;
  if (scale !== undefined) {
    errors.push(...scaleErrors(scale, childPath(childPath(path, 'subresources'), 'scale')));
  }
  (version.additionalPrinterColumns ?? []).forEach((column, i) => {
    errors.push(...columnErrors(column, keyPath(childPath(path, 'additionalPrinterColumns'), i)));
  });
  errors.push(
    ...selectableFieldsErrors(version.selectableFields ?? [], childPath(path, 'selectableFields')),
  );
  return errors;
}

/**
 * The errors of a simple JSON path (starting with `.`), as printer columns, scale
 * paths and selectable fields need.
 */
export function simpleJsonPathErrors(jsonPath: string, path: string): FieldError[] {
  if (!jsonPath.startsWith('.')) {
    return [invalid(path, jsonPath, 'must be a simple json path starting with .')];
  }
  const parsed = parseJsonPath(jsonPath);
  return isLeft(parsed)
    ? [invalid(path, jsonPath, `must be a valid simple json path: ${parsed.left.message}`)]
    : [];
}

function scaleErrors(scale: CustomResourceSubresourceScale, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const under = (
    field: string,
    value: string | undefined,
    prefixes: readonly string[],
    detail: string,
  ): void => {
    const at = childPath(path, field);
    if (value === undefined || value === '') {
      errors.push(required(at));
      return;
    }
    const pathErrors = simpleJsonPathErrors(value, at);
    if (pathErrors.length > 0) {
      errors.push(...pathErrors);
    } else if (!prefixes.some((prefix) => value.startsWith(prefix))) {
      errors.push(invalid(at, value, detail));
    }
  };
  under(
    'specReplicasPath',
    scale.specReplicasPath,
    ['.spec.'],
    'should be a json path under .spec',
  );
  under(
    'statusReplicasPath',
    scale.statusReplicasPath,
    ['.status.'],
    'should be a json path under .status',
  );
  if (scale.labelSelectorPath !== undefined) {
    under(
      'labelSelectorPath',
      scale.labelSelectorPath,
      ['.spec.', '.status.'],
      'should be a json path under either .spec or .status',
    );
  }
  return errors;
}

function columnErrors(column: CustomResourceColumnDefinition, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (column.name === '') {
    errors.push(required(childPath(path, 'name')));
  }
  if (column.type === '') {
    errors.push(required(childPath(path, 'type'), `must be one of ${COLUMN_TYPES.join(',')}`));
  } else if (!COLUMN_TYPES.includes(column.type)) {
    errors.push(notSupported(childPath(path, 'type'), column.type, COLUMN_TYPES));
  }
  if (
    column.format !== undefined &&
    column.format !== '' &&
    !COLUMN_FORMATS.includes(column.format)
  ) {
    errors.push(notSupported(childPath(path, 'format'), column.format, COLUMN_FORMATS));
  }
  if (column.priority !== undefined && column.priority < 0) {
    errors.push(
      invalid(childPath(path, 'priority'), column.priority, 'must be greater than or equal to 0'),
    );
  }
  if (column.jsonPath === '') {
    errors.push(required(childPath(path, 'jsonPath')));
  } else {
    errors.push(...simpleJsonPathErrors(column.jsonPath, childPath(path, 'jsonPath')));
  }
  return errors;
}

function selectableFieldsErrors(fields: readonly SelectableField[], path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (fields.length > MAX_SELECTABLE_FIELDS) {
    errors.push(tooMany(path, fields.length, MAX_SELECTABLE_FIELDS));
  }
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    const at = childPath(keyPath(path, i), 'jsonPath');
    if (field.jsonPath === '') {
      errors.push(required(at));
      return;
    }
    errors.push(...simpleJsonPathErrors(field.jsonPath, at));
    if (seen.has(field.jsonPath)) {
      errors.push(duplicate(at, field.jsonPath));
    }
    seen.add(field.jsonPath);
  });
  return errors;
}

// Every `default` in the schema must satisfy the schema node it sits on.
function defaultErrors(schema: JSONSchemaProps, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (node: JSONSchemaProps, at: string): void => {
    if (node.default !== undefined) {
      errors.push(...validateAgainstSchema(node.default, node, { path: childPath(at, 'default') }));
    }
    for (const [key, property] of Object.entries(node.properties ?? {})) {
      visit(property, keyPath(childPath(at, 'properties'), key));
    }
    if (node.items !== undefined) {
      visit(node.items, childPath(at, 'items'));
    }
    if (typeof node.additionalProperties === 'object') {
      visit(node.additionalProperties, childPath(at, 'additionalProperties'));
    }
  };
  visit(schema, path);
  return errors;
}
