/**
 * Jest matchers for drydock objects and test environments. Register them once:
 *
 * ```ts
 * import { expect } from '@jest/globals';
 * import { drydockMatchers } from '@drydock/runtime/testing';
 * expect.extend(drydockMatchers);
 *
 * expect(await env.client.get(ConfigMaps, key)).toExist();
 * expect(widget).toHaveCondition('Ready', 'True');
 * expect(replicaSet).toBeOwnedBy(deployment);
 * expect(env).toHaveBeenReconciled('default/app', 2);
 * ```
 *
 * Importing this module also declares the matchers on `expect`'s `Matchers`
 * interface (the one `@jest/globals`' `expect` uses), so they type-check.
 *
 * @module
 */
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { objectKeyString, type ApiObject, type ObjectKey } from '@drydock/core';
import type { Trace } from './trace.js';
// Brings `expect`'s declarations into every program that compiles this file, so that
// the augmentation below has a module to merge with (erased from the output).
import type {} from 'expect';

declare module 'expect' {
  // The parameters must repeat `expect`'s own declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void>, T = unknown> {
    /** The object's `status.conditions` has a condition `type` with status `status`. */
    toHaveCondition(type: string, status: 'True' | 'False' | 'Unknown'): R;
    /** A client `get` answer is `right` (the object exists). */
    toExist(): R;
    /** The object's `metadata.ownerReferences` has one with the owner's uid. */
    toBeOwnedBy(owner: ApiObject): R;
    /** A TestEnv (or its trace) reconciled `key` (`namespace/name`), `times` times when given. */
    toHaveBeenReconciled(key: string | ObjectKey, times?: number): R;
  }
}

/** What jest hands a matcher as `this`; only `isNot` is used. */
interface MatcherThis {
  readonly isNot?: boolean;
}

/** A matcher's verdict, as jest expects it. */
interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * Builds a verdict: `message` is written for the failing case of the plain form, and
 * `negated` for the failing case of `.not`.
 */
function verdict(pass: boolean, message: string, negated: string): MatcherResult {
  return { pass, message: () => (pass ? negated : message) };
}

function toHaveCondition(
  this: MatcherThis,
  received: unknown,
  type: string,
  status: string,
): MatcherResult {
  const conditions = conditionsOf(received);
  if (conditions === undefined) {
    return verdict(
      false,
      `expected an object with status.conditions, received ${describe(received)}`,
      `expected an object with status.conditions, received ${describe(received)}`,
    );
  }
  const found = conditions.find((condition) => condition.type === type);
  const listed = conditions.map((c) => `${String(c.type)}=${String(c.status)}`).join(', ');
  return verdict(
    found?.status === status,
    `expected condition ${type} to be ${status}, but it is ${found === undefined ? 'absent' : String(found.status)} (conditions: ${listed === '' ? 'none' : listed})`,
    `expected condition ${type} not to be ${status}, but it is (conditions: ${listed})`,
  );
}

function toExist(this: MatcherThis, received: unknown): MatcherResult {
  if (!isEither(received)) {
    return verdict(
      false,
      `expected a client answer (an Either), received ${describe(received)}`,
      `expected a client answer (an Either), received ${describe(received)}`,
    );
  }
  if (isLeft(received)) {
    const status = received.left as {
      readonly code?: number;
      readonly reason?: string;
      readonly message?: string;
    };
    return verdict(
      false,
      `expected the object to exist, but the answer was ${String(status.code ?? '')} ${String(status.reason ?? '')}: ${String(status.message ?? '')}`,
      '',
    );
  }
  const object = received.right as ApiObject;
  return verdict(
    true,
    '',
    `expected the object not to exist, but it does: ${object.metadata?.namespace === undefined ? '' : `${object.metadata.namespace}/`}${object.metadata?.name ?? ''}`,
  );
}

function toBeOwnedBy(this: MatcherThis, received: unknown, owner: ApiObject): MatcherResult {
  const ownerUid = owner.metadata?.uid;
  if (ownerUid === undefined) {
    return verdict(
      false,
      'expected an owner with metadata.uid, but it has none',
      'expected an owner with metadata.uid, but it has none',
    );
  }
  const references = (received as ApiObject | undefined)?.metadata?.ownerReferences ?? [];
  const owners = references
    .map((reference) => `${reference.kind}/${reference.name} (uid ${reference.uid})`)
    .join(', ');
  const ownerName = `${owner.kind ?? 'object'}/${owner.metadata?.name ?? ''} (uid ${ownerUid})`;
  return verdict(
    references.some((reference) => reference.uid === ownerUid),
    `expected the object to be owned by ${ownerName}, but its owners are: ${owners === '' ? 'none' : owners}`,
    `expected the object not to be owned by ${ownerName}, but it is`,
  );
}

function toHaveBeenReconciled(
  this: MatcherThis,
  received: unknown,
  key: string | ObjectKey,
  times?: number,
): MatcherResult {
  const trace = traceOf(received);
  if (trace === undefined) {
    return verdict(
      false,
      `expected a TestEnv or its trace, received ${describe(received)}`,
      `expected a TestEnv or its trace, received ${describe(received)}`,
    );
  }
  const wanted = typeof key === 'string' ? key : objectKeyString(key);
  const count = trace.reconciles.filter((record) => record.key === wanted).length;
  const reconciled = [...new Set(trace.reconciles.map((record) => record.key))].join(', ');
  const expectation = times === undefined ? 'at least once' : `${times} time(s)`;
  return verdict(
    times === undefined ? count > 0 : count === times,
    `expected ${wanted} to have been reconciled ${expectation}, but it was reconciled ${count} time(s) (keys reconciled: ${reconciled === '' ? 'none' : reconciled})`,
    `expected ${wanted} not to have been reconciled ${expectation}, but it was reconciled ${count} time(s)`,
  );
}

/** The matchers, for `expect.extend(drydockMatchers)`. */
export const drydockMatchers = {
  toHaveCondition,
  toExist,
  toBeOwnedBy,
  toHaveBeenReconciled,
};

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

type Condition = { readonly type?: unknown; readonly status?: unknown };

function conditionsOf(received: unknown): readonly Condition[] | undefined {
  const status = (received as { readonly status?: { readonly conditions?: unknown } } | undefined)
    ?.status;
  const conditions = status?.conditions;
  return Array.isArray(conditions) ? (conditions as readonly Condition[]) : undefined;
}

function isEither(received: unknown): received is Either<unknown, unknown> {
  const tag = (received as { readonly _tag?: unknown } | null | undefined)?._tag;
  return tag === 'Left' || tag === 'Right';
}

function traceOf(received: unknown): Trace | undefined {
  const candidate = received as
    { readonly trace?: Trace; readonly reconciles?: unknown } | null | undefined;
  if (Array.isArray(candidate?.reconciles)) {
    return candidate as Trace;
  }
  return Array.isArray(candidate?.trace?.reconciles) ? candidate.trace : undefined;
}

function describe(received: unknown): string {
  if (received === undefined) {
    return 'undefined';
  }
  const text = JSON.stringify(received);
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
