/**
 * `@drydock/examples`: programs written with drydock, and the demos behind `npm start`.
 *
 * @module
 */
export type { Narrator } from './demo/store-tour.js';
export { storeTour } from './demo/store-tour.js';
export { apiserverTour } from './demo/apiserver-tour.js';
