/**
 * Predicates: which changes of a watched object are worth a reconcile.
 *
 * @module
 */
import type { ApiObject } from '../../apiserver/index.js';
import { jsonEqual } from '../../apiserver/index.js';

/** A change a watch saw: the object as it is now (or was, when deleted) and as it was. */
export interface ObjectChange<T extends ApiObject> {
  readonly type: 'apply' | 'delete';
  readonly object: T;
  /** The object as the cache held it before, if it did. */
  readonly old?: T;
}

/** Whether a change should trigger a reconcile. */
export type Predicate<T extends ApiObject> = (change: ObjectChange<T>) => boolean;

/**
 * Passes creations, deletions and changes of `metadata.generation` (the spec): status
 * updates a controller writes itself do not trigger it again.
 */
export const generationChanged: Predicate<ApiObject> = (change) =>
  change.type === 'delete' ||
  change.old === undefined ||
  change.old.metadata?.generation !== change.object.metadata?.generation;

/** Passes creations, deletions and changes of `metadata.labels`. */
export const labelsChanged: Predicate<ApiObject> = (change) =>
  change.type === 'delete' ||
  change.old === undefined ||
  !jsonEqual(change.old.metadata?.labels, change.object.metadata?.labels);

/** Passes creations, deletions and changes of `metadata.annotations`. */
export const annotationsChanged: Predicate<ApiObject> = (change) =>
  change.type === 'delete' ||
  change.old === undefined ||
  !jsonEqual(change.old.metadata?.annotations, change.object.metadata?.annotations);

/** Passes a change when any of `predicates` does. */
export function anyOf<T extends ApiObject>(...predicates: readonly Predicate<T>[]): Predicate<T> {
  return (change) => predicates.some((predicate) => predicate(change));
}
