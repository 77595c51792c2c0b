/**
 * The stages between decoding and persisting: mutating admission, validation
 * (metadata, then the kind's own), validating admission.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { FieldError } from '../../api/codec/index.js';
import { invalid, type Status } from '../../api/status/index.js';
import { admissionMatches, type AdmissionAttributes } from '../admission/admission-plugin.js';
import type { ApiObject } from '../api-object.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/index.js';
import type { RequestScope } from './request-scope.js';

/**
 * Whether the server has mutating plugins: without any, {@link mutatingAdmission}
 * answers the object as it is, and a write need not wait for it.
 */
export function hasMutatingAdmission(scope: RequestScope): boolean {
  return scope.env.mutating.length > 0;
}

/**
 * Runs the mutating plugins that match, in order, each on the previous one's result.
 *
 * Errors: the first plugin's failure `Status`, as it gave it.
 */
export async function mutatingAdmission(
  scope: RequestScope,
  attributes: AdmissionAttributes,
): Promise<Either<Status, ApiObject>> {
  let object = attributes.object;
  for (const plugin of scope.env.mutating) {
    const current = { ...attributes, object };
    if (!admissionMatches(plugin.match, current)) {
      continue;
    }
    const outcome = await plugin.admit(current);
    if (isLeft(outcome)) {
      return outcome;
    }
    object = outcome.right;
  }
  return right(object);
}

/**
 * Runs the validating plugins that match, in order.
 *
 * Errors: the first plugin's failure `Status`, as it gave it.
 */
export async function validatingAdmission(
  scope: RequestScope,
  attributes: AdmissionAttributes,
): Promise<Either<Status, void>> {
  for (const plugin of scope.env.validating) {
    if (!admissionMatches(plugin.match, attributes)) {
      continue;
    }
    const answer = plugin.validate(attributes);
    // A plugin that answers at once is not awaited: one turn of the microtask queue less.
    const outcome = isPromiseLike(answer) ? await answer : answer;
    if (isLeft(outcome)) {
      return outcome;
    }
  }
  return right(undefined);
}

// Any thenable, whatever realm made it (`instanceof Promise` misses other realms').
function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { readonly then?: unknown }).then === 'function'
  );
}

/** Which validation a write gets. */
export type ValidationKind = 'create' | 'update' | 'status';

/**
 * Validates an object about to be written, as 422 `Invalid` with every cause:
 *
 * - create: the strategy's `validate` (which checks metadata too), or the metadata
 *   alone for kinds without one;
 * - update: the strategy's `validateUpdate`, or its `validate` with the metadata's
 *   update rules (immutable name, uid, ...);
 * - status: the strategy's `validateStatusUpdate`, or the metadata's update rules.
 *
 * The same cause found twice (by two overlapping checks) is reported once.
 */
export function validateWrite(
  scope: RequestScope,
  object: ApiObject,
  old: ApiObject | undefined,
  kind: ValidationKind,
): Either<Status, ApiObject> {
  const { definition, strategy } = scope;
  const metadata = object.metadata ?? {};
  const metaOptions = { namespaced: definition.namespaced, nameRule: strategy.nameRule };
  let errors: readonly FieldError[];
  if (old === undefined) {
    errors =
      strategy.validate === undefined
        ? validateObjectMeta(metadata, metaOptions)
        : strategy.validate(object);
  } else if (kind === 'status') {
    errors =
      strategy.validateStatusUpdate === undefined
        ? validateObjectMetaUpdate(metadata, old.metadata ?? {}, metaOptions)
        : strategy.validateStatusUpdate(object, old);
  } else if (strategy.validateUpdate !== undefined) {
    errors = strategy.validateUpdate(object, old);
  } else {
    errors = [
      ...validateObjectMetaUpdate(metadata, old.metadata ?? {}, metaOptions),
      ...(strategy.validate === undefined ? [] : strategy.validate(object)),
    ];
  }
  if (errors.length === 0) {
    return right(object);
  }
  return left(
    invalid({
      kind: definition.kind,
      group: definition.group,
      name: metadata.name ?? '',
      errors: distinctErrors(errors),
    }),
  );
}

function distinctErrors(errors: readonly FieldError[]): readonly FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.reason}\u0000${error.field}\u0000${error.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
