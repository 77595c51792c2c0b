/**
 * What a {@link watcher} tells its subscribers: a small union of events that a cache
 * (or anything else) can replay to mirror the objects of one resource type.
 *
 * @module
 */
import type { ApiObject } from '../../apiserver/index.js';

/**
 * A (re)list starts: the objects that follow, up to {@link WatcherInitDone}, are the
 * complete set at one revision and replace whatever was known before.
 */
export interface WatcherInit {
  readonly type: 'init';
}

/** One object of the list that {@link WatcherInit} started. */
export interface WatcherInitApply<T> {
  readonly type: 'initApply';
  readonly object: T;
}

/**
 * The list that {@link WatcherInit} started is complete: objects not in it are gone.
 */
export interface WatcherInitDone {
  readonly type: 'initDone';
}

/** An object was created or changed (a watch's ADDED or MODIFIED), as it now is. */
export interface WatcherApply<T> {
  readonly type: 'apply';
  readonly object: T;
}

/** An object was deleted (a watch's DELETED), as it was last seen. */
export interface WatcherDelete<T> {
  readonly type: 'delete';
  readonly object: T;
}

/**
 * One event of a {@link watcher}.
 *
 * Guarantees: events come in this grammar, repeated:
 * `init initApply* initDone (apply | delete)*`. A relist (after a 410 Expired watch)
 * starts again with `init`; objects are those the client answered, by reference.
 */
export type WatcherEvent<T extends ApiObject = ApiObject> =
  WatcherInit | WatcherInitApply<T> | WatcherInitDone | WatcherApply<T> | WatcherDelete<T>;
