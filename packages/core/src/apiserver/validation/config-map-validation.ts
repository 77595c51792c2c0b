/**
 * Semantic validation of config maps, as upstream's `ValidateConfigMap` and
 * `ValidateConfigMapUpdate`.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { ConfigMap } from '../../api/kinds/core-v1/index.js';
import { at, forbidden, invalid, jsonEqual, tooLong } from './field-errors.js';
import { isConfigMapKey } from './name-rules.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation.js';

/** The most bytes a config map's or secret's data may take (1 MiB). */
export const MAX_DATA_SIZE_BYTES = 1024 * 1024;

/** Upstream's `Forbidden` detail for a change to an immutable config map's or secret's data. */
export const IMMUTABLE_DATA_DETAIL = 'field is immutable when `immutable` is set';

const META_OPTIONS = { namespaced: true, nameRule: 'subdomain' } as const;

/**
 * The problems with a config map: its metadata (namespaced, name a DNS-1123
 * subdomain); keys of `data` and `binaryData` valid config keys (`[-._a-zA-Z0-9]+`, not
 * `.` or `..`), no key in both (`duplicate of key present in binaryData`), and values
 * of at most 1 MiB in all (`Too long`, at the object's path `''`).
 */
export function validateConfigMap(configMap: ConfigMap): FieldError[] {
  return [
    ...validateObjectMeta(configMap.metadata ?? {}, META_OPTIONS),
    ...validateConfigMapData(configMap),
  ];
}

/**
 * The problems with an update of a config map: the metadata update; once `immutable`
 * is true, it stays true and `data` and `binaryData` do not change (`Forbidden: field is
 * immutable when \`immutable\` is set`); and the new config map's data.
 */
export function validateConfigMapUpdate(
  newConfigMap: ConfigMap,
  oldConfigMap: ConfigMap,
): FieldError[] {
  const errors = validateObjectMetaUpdate(
    newConfigMap.metadata ?? {},
    oldConfigMap.metadata ?? {},
    META_OPTIONS,
  );
  if (oldConfigMap.immutable === true) {
    if (newConfigMap.immutable !== true) {
      errors.push(forbidden('immutable', IMMUTABLE_DATA_DETAIL));
    }
    if (!jsonEqual(newConfigMap.data ?? {}, oldConfigMap.data ?? {})) {
      errors.push(forbidden('data', IMMUTABLE_DATA_DETAIL));
    }
    if (!jsonEqual(newConfigMap.binaryData ?? {}, oldConfigMap.binaryData ?? {})) {
      errors.push(forbidden('binaryData', IMMUTABLE_DATA_DETAIL));
    }
  }
  errors.push(...validateConfigMapData(newConfigMap));
  return errors;
}

/** The number of bytes base64 text decodes to. */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

function validateConfigMapData(configMap: ConfigMap): FieldError[] {
  const errors: FieldError[] = [];
  const data = configMap.data ?? {};
  const binaryData = configMap.binaryData ?? {};
  let size = 0;
  for (const key in data) {
    for (const problem of isConfigMapKey(key)) {
      errors.push(invalid(at('data', key), key, problem));
    }
    if (Object.hasOwn(binaryData, key)) {
      errors.push(invalid(at('data', key), key, 'duplicate of key present in binaryData'));
    }
    size += Buffer.byteLength(data[key] ?? '');
  }
  for (const key in binaryData) {
    for (const problem of isConfigMapKey(key)) {
      errors.push(invalid(at('binaryData', key), key, problem));
    }
    if (Object.hasOwn(data, key)) {
      errors.push(invalid(at('binaryData', key), key, 'duplicate of key present in data'));
    }
    size += base64DecodedLength(binaryData[key] ?? '');
  }
  if (size > MAX_DATA_SIZE_BYTES) {
    errors.push(tooLong('', MAX_DATA_SIZE_BYTES));
  }
  return errors;
}
