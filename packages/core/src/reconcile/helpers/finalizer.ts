/**
 * Reconciling an object that needs cleanup before it may go: a finalizer of its own,
 * added before any work is done and removed only once the cleanup has succeeded
 * (kube-rs' `finalizer`, controller-runtime's `finalizer` package).
 *
 * @module
 */
import type { Status } from '../../api/status/index.js';
import type { ApiObject } from '../../apiserver/api-object.js';
import type { Client } from '../../client/client.js';
import { keyOf, type ResourceType } from '../../client/resource-type.js';
import { awaitChange, isTerminalError, type Action } from '../action.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * What failed in {@link finalizer}: the user's `apply` (`ApplyFailed`) or `cleanup`
 * (`CleanupFailed`), whose `cause` is what they threw; or the framework's patch
 * adding (`AddFinalizer`) or removing (`RemoveFinalizer`) the finalizer, whose `cause`
 * is the apiserver's `Status`.
 */
export type FinalizerErrorTag =
  'ApplyFailed' | 'CleanupFailed' | 'AddFinalizer' | 'RemoveFinalizer';

/**
 * An error of {@link finalizer}, thrown so that the controller retries with backoff.
 * `_tag` tells whose failure it is; `cause` is the underlying error or `Status`.
 */
export class FinalizerError extends Error {
  /** The error's name, `FinalizerError`. */
  override readonly name = 'FinalizerError';

  /**
   * @param _tag - what failed.
   * @param cause - the user's error (`ApplyFailed`, `CleanupFailed`) or the
   *   apiserver's `Status` (`AddFinalizer`, `RemoveFinalizer`).
   */
  constructor(
    readonly _tag: FinalizerErrorTag,
    override readonly cause: unknown,
  ) {
    super(`${MESSAGES[_tag]}: ${causeMessage(cause)}`, { cause });
  }
}

const MESSAGES: Readonly<Record<FinalizerErrorTag, string>> = {
  ApplyFailed: 'failed to apply object',
  CleanupFailed: 'failed to clean up object',
  AddFinalizer: 'failed to add finalizer',
  RemoveFinalizer: 'failed to remove finalizer',
};

/** Whether a thrown value is a {@link FinalizerError}. */
export function isFinalizerError(error: unknown): error is FinalizerError {
  return error instanceof FinalizerError;
}

/** What {@link finalizer} needs. */
export interface FinalizerOptions<T extends ApiObject> {
  readonly client: Client;
  /** The object's resource type. */
  readonly type: ResourceType<T>;
  /**
   * The finalizer string, unique to this controller, such as
   * `example.com/cleanup-buckets` (a qualified name, as upstream requires).
   */
  readonly name: string;
  /** The object as the reconcile received it. */
  readonly object: T;
  /** Brings the world in line with the object; runs only while the finalizer is on it. */
  readonly apply: (object: T) => Promise<Action> | Action;
  /** Removes what `apply` made; the finalizer is removed only once it succeeds. */
  readonly cleanup: (object: T) => Promise<Action> | Action;
}

// ---------------------------------------------------------------------------
// combinators
// ---------------------------------------------------------------------------

/**
 * Reconciles an object whose deletion must wait for a cleanup, through a finalizer
 * named `name` in its `metadata.finalizers`. Meant to be the whole of a reconcile:
 * `reconcile: (object) => finalizer({ client, type, name, object, apply, cleanup })`.
 *
 * Flow:
 * 1. not being deleted, finalizer absent: adds the finalizer and answers
 *    `awaitChange()` (the write itself triggers the next reconcile; `apply` does not
 *    run yet);
 * 2. not being deleted, finalizer present: runs `apply(object)` and answers its action;
 * 3. being deleted (`metadata.deletionTimestamp` set), finalizer present: runs
 *    `cleanup(object)`, then removes the finalizer and answers cleanup's action; the
 *    apiserver deletes the object once no finalizer is left;
 * 4. being deleted, finalizer absent: nothing is ours to do, `awaitChange()`.
 *
 * Guarantees:
 * - if `apply` ever started, `cleanup` succeeds before the object's deletion
 *   completes (unless someone else removes the finalizer by hand);
 * - writes are guarded by a JSON patch `test`: the finalizer is added only if
 *   `metadata.finalizers` is still what `object` had (or, when it had none, only if
 *   `metadata.resourceVersion` is still the same), and removed only if it is still at
 *   the index it had; a concurrent change makes the patch fail rather than drop or
 *   duplicate someone else's finalizer.
 *
 * Assumptions:
 * - `name` is unique among the controllers that touch the object;
 * - `apply` and `cleanup` are idempotent: both may run again after a failure, a
 *   restart, or a concurrent change, and `cleanup` tolerates `apply` never having run
 *   or never having succeeded;
 * - `object` comes from the apiserver (or a cache of it), with name and resourceVersion.
 *
 * Caveats:
 * - deletions hang while the controller is down or while `cleanup` keeps failing;
 * - after the finalizer is added, the next reconcile gets the updated object: use the
 *   object each call receives, never one kept from before.
 *
 * Errors (thrown, so the controller retries with backoff): a {@link FinalizerError}
 * with `_tag`
 * - `ApplyFailed` / `CleanupFailed` wrapping what `apply` / `cleanup` threw (a failed
 *   cleanup leaves the finalizer in place);
 * - `AddFinalizer` / `RemoveFinalizer` wrapping the apiserver's `Status`: a failed
 *   `test` (a concurrent change) is `422 Invalid`, a missing object `404 NotFound`.
 *
 * A {@link TerminalError} thrown by `apply` or `cleanup` is rethrown as is, so the
 * controller still knows not to retry (being the user's own type, it cannot be
 * mistaken for the framework's).
 */
export async function finalizer<T extends ApiObject>(
  options: FinalizerOptions<T>,
): Promise<Action> {
  const { object, name } = options;
  const finalizers = object.metadata?.finalizers ?? [];
  const index = finalizers.indexOf(name);
  const deleting = object.metadata?.deletionTimestamp !== undefined;
  if (!deleting && index === -1) {
    await patchFinalizers(options, 'AddFinalizer', addFinalizerPatch(object, name));
    return awaitChange();
  }
  if (!deleting) {
    return await runUserStep('ApplyFailed', () => options.apply(object));
  }
  if (index === -1) {
    return awaitChange();
  }
  const action = await runUserStep('CleanupFailed', () => options.cleanup(object));
  await patchFinalizers(options, 'RemoveFinalizer', [
    { op: 'test', path: `/metadata/finalizers/${index}`, value: name },
    { op: 'remove', path: `/metadata/finalizers/${index}` },
  ]);
  return action;
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/** A JSON patch adding `name` to the object's finalizers, guarded by a `test`. */
function addFinalizerPatch(object: ApiObject, name: string): readonly unknown[] {
  const current = object.metadata?.finalizers;
  if (current !== undefined) {
    return [
      { op: 'test', path: '/metadata/finalizers', value: current },
      { op: 'add', path: '/metadata/finalizers/-', value: name },
    ];
  }
  // No list to test: testing it against null, as kube-rs does, is not portable across
  // JSON patch implementations; the resourceVersion guards every change instead.
  const resourceVersion = object.metadata?.resourceVersion;
  return [
    ...(resourceVersion === undefined
      ? []
      : [{ op: 'test', path: '/metadata/resourceVersion', value: resourceVersion }]),
    { op: 'add', path: '/metadata/finalizers', value: [name] },
  ];
}

async function patchFinalizers<T extends ApiObject>(
  options: FinalizerOptions<T>,
  tag: 'AddFinalizer' | 'RemoveFinalizer',
  body: readonly unknown[],
): Promise<void> {
  const result = await options.client.patch(options.type, keyOf(options.object), {
    type: 'json',
    body,
  });
  if (result._tag === 'Left') {
    throw new FinalizerError(tag, result.left);
  }
}

async function runUserStep(
  tag: 'ApplyFailed' | 'CleanupFailed',
  step: () => Promise<Action> | Action,
): Promise<Action> {
  try {
    return await step();
  } catch (error) {
    if (isTerminalError(error)) {
      throw error;
    }
    throw new FinalizerError(tag, error);
  }
}

function causeMessage(cause: unknown): string {
  if (cause instanceof Error) {
    return cause.message;
  }
  const status = cause as Partial<Status> | null;
  if (typeof status === 'object' && status !== null && typeof status.message === 'string') {
    return status.message;
  }
  return String(cause);
}
