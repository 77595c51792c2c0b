/**
 * RxJS operators for the hot paths of controllers.
 *
 * @module
 */
export { flatMapSync } from './flat-map-sync.js';
