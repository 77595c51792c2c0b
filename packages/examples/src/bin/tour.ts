/**
 * `npm start`: prints the store tour, the apiserver tour, then the main one: a local
 * cluster with an example operator.
 *
 * @module
 */
import { apiserverTour } from '../demo/apiserver-tour.js';
import { clusterTour } from '../demo/cluster-tour.js';
import { storeTour } from '../demo/store-tour.js';

const say = (line: string): void => console.log(line);
await storeTour(say);
say('');
await apiserverTour(say);
say('');
await clusterTour(say);
