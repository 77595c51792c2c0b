/**
 * The decode stage: a request body to an object of the resource's kind.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { statusFromFieldErrors, type Status } from '../../api/status/index.js';
import type { ApiObject } from '../api-object.js';
import { withoutFields } from '../object-copy.js';
import { checkBodyKind } from './object-identity.js';
import type { RequestScope } from './request-scope.js';

/** A decoded body and the warnings to send back. */
export interface DecodedBody {
  readonly object: ApiObject;
  /** `unknown field "spec.foo"`, one per dropped field, under `fieldValidation=Warn`. */
  readonly warnings: readonly string[];
}

/**
 * Decodes a body with the resource's strategy, as `fieldValidation` asks: unknown
 * fields are dropped silently (`Ignore`), dropped with a warning each (`Warn`, the
 * default) or rejected (`Strict`, 400 `BadRequest` listing them).
 *
 * Errors: 400 when the body is not an object of the resource's `apiVersion` and
 * `kind`; 400 for unknown fields under `Strict`; 422 `Invalid` with every field error.
 */
export function decodeBody(scope: RequestScope, body: unknown): Either<Status, DecodedBody> {
  const checked = checkBodyKind(scope, body);
  if (isLeft(checked)) {
    return checked;
  }
  const validation = scope.options.fieldValidation ?? 'Warn';
  const strict = scope.strategy.decode({ body: checked.right, strict: true });
  if (strict._tag === 'Right') {
    return right({ object: withTypeMeta(scope, strict.right), warnings: [] });
  }
  const errors = strict.left;
  const unknownOnly = errors.every((error) => error.reason === 'FieldValueUnknown');
  if (validation === 'Strict' || !unknownOnly) {
    const reported =
      validation === 'Strict' ? errors : errors.filter((e) => e.reason !== 'FieldValueUnknown');
    return left(
      statusFromFieldErrors(
        {
          kind: scope.definition.kind,
          group: scope.definition.group,
          version: scope.definition.version,
          name: nameIn(checked.right),
        },
        reported,
      ),
    );
  }
  const lenient = scope.strategy.decode({ body: checked.right, strict: false });
  if (isLeft(lenient)) {
    // Only unknown fields failed strictly, so dropping them must decode; if it does
    // not, the strategy is inconsistent: report what it says.
    return left(
      statusFromFieldErrors(
        {
          kind: scope.definition.kind,
          group: scope.definition.group,
          version: scope.definition.version,
          name: nameIn(checked.right),
        },
        lenient.left,
      ),
    );
  }
  const warnings =
    validation === 'Warn' ? errors.map((error) => `unknown field "${error.field}"`) : [];
  return right({ object: withTypeMeta(scope, lenient.right), warnings });
}

const TYPE_META: ReadonlySet<string> = new Set(['apiVersion', 'kind']);

/** The object with the resource's `apiVersion` and `kind`, which a body may leave out. */
function withTypeMeta(scope: RequestScope, object: ApiObject): ApiObject {
  const { group, version, kind } = scope.definition;
  const apiVersion = group === '' ? version : `${group}/${version}`;
  if (object.apiVersion === apiVersion && object.kind === kind) {
    return object;
  }
  return withoutFields(object, TYPE_META, { apiVersion, kind });
}

function nameIn(body: Readonly<Record<string, unknown>>): string {
  const metadata = body['metadata'];
  if (typeof metadata === 'object' && metadata !== null) {
    const name = (metadata as Record<string, unknown>)['name'];
    return typeof name === 'string' ? name : '';
  }
  return '';
}

/**
 * Decodes the body of a change to `current` (the stored object, as served): fields the
 * body shares with it by reference (an in-process client sending back the object it
 * read, with one part changed) were decoded when they were written, so only the other
 * fields are decoded. `metadata` is one of them: the served object's is the stored
 * one's with its resourceVersion, which decodes to itself. The result is the one
 * {@link decodeBody} gives.
 *
 * Guarantees: when decoding the changed fields alone fails (a required field among the
 * shared ones, say), the whole body is decoded, so errors are exactly
 * {@link decodeBody}'s.
 */
export function decodeChange(
  scope: RequestScope,
  body: unknown,
  current: ApiObject,
): Either<Status, DecodedBody> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return decodeBody(scope, body);
  }
  const fields = body as Readonly<Record<string, unknown>>;
  let shared: string[] | undefined;
  const changed: Record<string, unknown> = {};
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) {
      continue;
    }
    const value = fields[key];
    if (typeof value === 'object' && value !== null && value === current[key]) {
      (shared ??= []).push(key);
    } else {
      changed[key] = value;
    }
  }
  if (shared === undefined) {
    return decodeBody(scope, body);
  }
  const decoded = decodeBody(scope, changed);
  if (isLeft(decoded)) {
    return decodeBody(scope, body);
  }
  const object: Record<string, unknown> = {};
  for (const key in fields) {
    if (Object.prototype.hasOwnProperty.call(fields, key)) {
      const value = shared.includes(key) ? fields[key] : decoded.right.object[key];
      if (value !== undefined) {
        object[key] = value;
      }
    }
  }
  for (const key in decoded.right.object) {
    if (!(key in object) && decoded.right.object[key] !== undefined) {
      object[key] = decoded.right.object[key];
    }
  }
  return right({ object: object, warnings: decoded.right.warnings });
}
