/**
 * `@drydock/runtime`: where drydock's reconcilers run.
 *
 * - `storage`: durable backends for the store.
 * - `@drydock/runtime/testing` (a sub-path): helpers for tests.
 *
 * @module
 */
export * from './storage/index.js';
