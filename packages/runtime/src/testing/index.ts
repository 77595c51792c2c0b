/**
 * `@drydock/runtime/testing`: helpers for testing reconcilers and stores.
 *
 * @module
 */
export type { Recording } from './event-recorder.js';
export { record } from './event-recorder.js';
