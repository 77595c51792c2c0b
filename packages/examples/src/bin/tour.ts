/**
 * `npm start`: prints the store tour, then the apiserver tour.
 *
 * @module
 */
import { apiserverTour } from '../demo/apiserver-tour.js';
import { storeTour } from '../demo/store-tour.js';

const say = (line: string): void => console.log(line);
await storeTour(say);
say('');
await apiserverTour(say);
