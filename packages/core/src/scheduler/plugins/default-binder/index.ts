/**
 * The DefaultBinder scheduler plugin.
 *
 * @module
 */
export * from './default-binder.js';
