/**
 * `npm start`: prints the store tour.
 *
 * @module
 */
import { storeTour } from '../demo/store-tour.js';

await storeTour((line) => console.log(line));
