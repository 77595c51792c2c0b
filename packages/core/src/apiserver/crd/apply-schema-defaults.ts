/**
 * Structural defaulting: filling in the `default`s of a custom resource's schema.
 *
 * @module
 */
import type { JSONSchemaProps } from '../../api/codec/openapi-schema.js';
import { cloneJSON, hasOwn, isJSONObject, ownEntry } from './json-values.js';

/**
 * `value` with the schema's defaults applied, as the apiserver defaults a custom
 * resource after pruning it (apiextensions-apiserver's structural defaulting).
 *
 * Rules:
 * - in an object, a property with a `default` that is absent, or `null` while not
 *   `nullable`, is set to (a copy of) the default; a `null` of a `nullable` property
 *   is kept;
 * - a property that is `null`, not `nullable` and has no default is dropped (upstream
 *   prunes those before defaulting);
 * - the same holds for list items (with `items.default`; a `null` item without a
 *   default is kept, lists are never shortened) and map values (with the
 *   `additionalProperties` schema);
 * - defaulting recurses into every value, defaulted ones included, so a default
 *   object gets its own properties' defaults; a default only applies under a parent
 *   that exists (no object is created to hold it).
 *
 * Guarantees: the input is not modified, and no default value is shared with the
 * result; values whose type does not match the schema are left as they are.
 */
export function applySchemaDefaults(value: unknown, schema: JSONSchemaProps): unknown {
  return defaulted(value, schema);
}

// Whether the value needs the schema's default: absent, or null where null is not allowed.
function wantsDefault(value: unknown, present: boolean, s: JSONSchemaProps): boolean {
  return s.default !== undefined && (!present || (value === null && s.nullable !== true));
}

function defaulted(value: unknown, s: JSONSchemaProps): unknown {
  if (Array.isArray(value)) {
    const items = s.items;
    if (items === undefined) {
      return value;
    }
    return value.map((item: unknown) =>
      defaulted(wantsDefault(item, true, items) ? cloneJSON(items.default) : item, items),
    );
  }
  if (!isJSONObject(value)) {
    return value;
  }
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) {
    const property =
      ownEntry(s.properties, key) ??
      (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
    if (property === undefined) {
      entries.push([key, item]);
    } else if (wantsDefault(item, true, property)) {
      entries.push([key, defaulted(cloneJSON(property.default), property)]);
    } else if (item === null && property.nullable !== true) {
      continue;
    } else {
      entries.push([key, defaulted(item, property)]);
    }
  }
  for (const [key, property] of Object.entries(s.properties ?? {})) {
    if (!hasOwn(value, key) && wantsDefault(undefined, false, property)) {
      entries.push([key, defaulted(cloneJSON(property.default), property)]);
    }
  }
  return Object.fromEntries(entries);
}
