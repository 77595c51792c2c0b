/**
 * Reconciling: the building blocks of controllers, plain functions over Observables,
 * and the builder over them.
 *
 * - {@link Action}: what a reconcile asks for next ({@link requeueAfter},
 *   {@link awaitChange}); a thrown error retries with backoff, a {@link TerminalError}
 *   does not;
 * - {@link WorkQueue} and its rate limiters: dedupe, one reconcile per key at a time,
 *   delays and backoff on the clock;
 * - {@link watcher}: list then watch, as an explicit state machine; resumes, relists
 *   on 410, backs off;
 * - {@link createStore} and {@link reflector}: the cache a watcher fills, with
 *   indexes and a `ready` signal;
 * - {@link sharedInformers}: one watch and cache per resource type, shared by
 *   controllers;
 * - {@link applier}: triggers → queue → reconcile, and {@link controller}, the
 *   builder over all of them;
 * - helpers: finalizers, owner references, conditions, status patches, events.
 *
 * @module
 */
export {
  awaitChange,
  isTerminalError,
  requeueAfter,
  TerminalError,
  type Action,
  type AwaitChange,
  type RequeueAfter,
} from './action.js';
export * from './cache/index.js';
export * from './controller/index.js';
export * from './helpers/index.js';
export * from './informer/index.js';
export * from './operators/index.js';
export * from './queue/index.js';
export * from './watcher/index.js';
