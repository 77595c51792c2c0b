/**
 * Whether a CRD's schema is structural, as the apiserver requires before it prunes,
 * defaults and validates custom resources with it.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/field-error.js';
import type { JSONSchemaProps } from '../../api/codec/openapi-schema.js';
import { childPath, forbidden, invalid, keyPath, required } from './field-errors.js';
import { hasOwn } from './json-values.js';
import { checkValueValidation, isIntOrStringAnyOf } from './structural-value-validation.js';

type Level = 'root' | 'item' | 'field';

const EMPTY_TYPE_DETAIL: Record<Level, string> = {
  root: 'must not be empty at the root',
  item: 'must not be empty for specified array items',
  field: 'must not be empty for specified object fields',
};

/**
 * The reasons `schema` is not a structural schema, each at its path under `path`
 * (`spec.versions[0].schema.openAPIV3Schema.properties[spec].type: Required value: must
 * not be empty for specified object fields`), sorted as upstream sorts them.
 *
 * The rules, as apiextensions-apiserver checks them:
 * - every node has a `type`, unless it is `x-kubernetes-int-or-string` or
 *   `x-kubernetes-preserve-unknown-fields`; the root's type is `object`; an `array` has
 *   `items`;
 * - `anyOf`, `allOf`, `oneOf` and `not` only restrict values: no `type`,
 *   `additionalProperties`, `default`, `description`, `nullable` or `x-kubernetes-*`
 *   inside them (except `anyOf: [{type: integer}, {type: string}]` under
 *   `x-kubernetes-int-or-string`), and no `metadata` property;
 * - `additionalProperties` is not used at the root nor with `properties`;
 * - at the root (and in embedded resources) `apiVersion` and `kind` are strings and
 *   `metadata` an object; at the root, `metadata` may only restrict `name` and
 *   `generateName`;
 * - `x-kubernetes-preserve-unknown-fields` is true or absent, and not combined with
 *   `x-kubernetes-int-or-string`; an embedded resource is an object;
 * - `x-kubernetes-list-type` only on arrays; `map` lists name their
 *   `x-kubernetes-list-map-keys`, which are item properties;
 * - `uniqueItems` is not true; every `pattern` compiles.
 *
 * Caveats: upstream's completeness rule (a property named under `anyOf` must also be
 * in the structural part) is not checked.
 */
export function structuralSchemaErrors(
  schema: JSONSchemaProps,
  path: string,
): readonly FieldError[] {
  const errors: FieldError[] = [];
  checkNode(schema, 'root', path, errors);
  return errors
    .map((error) => ({ error, key: `${error.field}: ${error.message}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ error }) => error);
}

function checkNode(s: JSONSchemaProps, level: Level, path: string, errors: FieldError[]): void {
  const intOrString = s['x-kubernetes-int-or-string'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  const properties = s.properties ?? {};

  if (s.type === 'array' && s.items === undefined) {
    errors.push(required(childPath(path, 'items'), 'must be specified'));
  }
  if (s.items !== undefined) {
    checkNode(s.items, 'item', childPath(path, 'items'), errors);
  }
  for (const [key, property] of Object.entries(properties)) {
    checkNode(property, 'field', keyPath(childPath(path, 'properties'), key), errors);
  }
  checkAdditionalProperties(s, level, path, errors);
  checkExtensions(s, path, errors);
  checkValueValidation(s, path, errors, {
    skipAnyOf: isIntOrStringAnyOf(s.anyOf),
    skipFirstAllOfAnyOf: isIntOrStringAnyOf(s.allOf?.[0]?.anyOf),
  });

  if (embedded && s.type !== 'object') {
    errors.push(
      s.type === undefined
        ? required(
            childPath(path, 'type'),
            'must be object if x-kubernetes-embedded-resource is true',
          )
        : invalid(
            childPath(path, 'type'),
            s.type,
            'must be object if x-kubernetes-embedded-resource is true',
          ),
    );
  } else if (s.type === undefined && !intOrString && !preserve) {
    errors.push(required(childPath(path, 'type'), EMPTY_TYPE_DETAIL[level]));
  }
  if (level === 'root' && s.type !== undefined && s.type !== 'object') {
    errors.push(invalid(childPath(path, 'type'), s.type, 'must be object at the root'));
  }
  if (level === 'root' || embedded) {
    checkTypeMeta(properties, path, errors);
  }
  if (level === 'root' && hasOwn(properties, 'metadata')) {
    checkRootMetadata(properties['metadata'] ?? {}, path, errors);
  }
  if (embedded && !preserve && Object.keys(properties).length === 0) {
    errors.push(
      required(
        childPath(path, 'properties'),
        'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields',
      ),
    );
  }
  checkListType(s, path, errors);
  if (s.uniqueItems === true) {
    errors.push(
      forbidden(
        childPath(path, 'uniqueItems'),
        'uniqueItems cannot be set to true since the runtime complexity becomes quadratic',
      ),
    );
  }
}

function checkAdditionalProperties(
  s: JSONSchemaProps,
  level: Level,
  path: string,
  errors: FieldError[],
): void {
  const additional = s.additionalProperties;
  if (additional === undefined) {
    return;
  }
  const at = childPath(path, 'additionalProperties');
  if (level === 'root') {
    errors.push(forbidden(at, 'must not be used at the root'));
  }
  if (s.properties !== undefined && Object.keys(s.properties).length > 0) {
    errors.push(forbidden(at, 'additionalProperties and properties are mutual exclusive'));
  }
  if (s['x-kubernetes-embedded-resource'] === true) {
    errors.push(forbidden(at, 'must not be used if x-kubernetes-embedded-resource is set'));
  }
  if (typeof additional === 'object') {
    checkNode(additional, 'field', at, errors);
  }
}

function checkExtensions(s: JSONSchemaProps, path: string, errors: FieldError[]): void {
  const preserve = s['x-kubernetes-preserve-unknown-fields'];
  if (preserve === false) {
    errors.push(
      invalid(
        childPath(path, 'x-kubernetes-preserve-unknown-fields'),
        false,
        'must be true or undefined',
      ),
    );
  }
  if (s['x-kubernetes-int-or-string'] === true) {
    if (preserve === true) {
      errors.push(
        invalid(
          childPath(path, 'x-kubernetes-preserve-unknown-fields'),
          true,
          'must be false if x-kubernetes-int-or-string is true',
        ),
      );
    }
    if (s['x-kubernetes-embedded-resource'] === true) {
      errors.push(
        invalid(
          childPath(path, 'x-kubernetes-embedded-resource'),
          true,
          'must be false if x-kubernetes-int-or-string is true',
        ),
      );
    }
  }
}

function checkTypeMeta(
  properties: Readonly<Record<string, JSONSchemaProps>>,
  path: string,
  errors: FieldError[],
): void {
  const at = (key: string) => childPath(keyPath(childPath(path, 'properties'), key), 'type');
  for (const key of ['kind', 'apiVersion']) {
    const property = hasOwn(properties, key) ? properties[key] : undefined;
    if (property !== undefined && property.type !== 'string') {
      errors.push(invalid(at(key), property.type ?? '', 'must be string'));
    }
  }
  const metadata = hasOwn(properties, 'metadata') ? properties['metadata'] : undefined;
  if (metadata !== undefined && metadata.type !== 'object') {
    errors.push(invalid(at('metadata'), metadata.type ?? '', 'must be object'));
  }
}

const METADATA_RESTRICTABLE = new Set(['name', 'generateName']);

function checkRootMetadata(metadata: JSONSchemaProps, path: string, errors: FieldError[]): void {
  const extraKeys = Object.keys(metadata).filter(
    (key) => !['type', 'default', 'properties'].includes(key),
  );
  const extraProperties = Object.keys(metadata.properties ?? {}).filter(
    (key) => !METADATA_RESTRICTABLE.has(key),
  );
  if (extraKeys.length > 0 || extraProperties.length > 0) {
    errors.push(
      forbidden(
        keyPath(childPath(path, 'properties'), 'metadata'),
        'must not specify anything other than name and generateName, but metadata is implicitly specified',
      ),
    );
  }
}

function checkListType(s: JSONSchemaProps, path: string, errors: FieldError[]): void {
  const listType = s['x-kubernetes-list-type'];
  const mapKeys = s['x-kubernetes-list-map-keys'] ?? [];
  if (listType !== undefined && s.type !== 'array') {
    const detail = 'must be array if x-kubernetes-list-type is specified';
    errors.push(
      s.type === undefined
        ? required(childPath(path, 'type'), detail)
        : invalid(childPath(path, 'type'), s.type, detail),
    );
  }
  if (listType === 'map') {
    const at = childPath(path, 'x-kubernetes-list-map-keys');
    if (mapKeys.length === 0) {
      errors.push(required(at, 'must not be empty if x-kubernetes-list-type is map'));
    } else if (!mapKeys.every((key) => hasOwn(s.items?.properties ?? {}, key))) {
      errors.push(invalid(at, mapKeys, 'entries must all be names of item properties'));
    }
  } else if (mapKeys.length > 0) {
    errors.push(
      invalid(
        childPath(path, 'x-kubernetes-list-type'),
        listType ?? null,
        'must be map if x-kubernetes-list-map-keys is non-empty',
      ),
    );
  }
}
