/**
 * `@drydock/examples`: programs written with drydock (the `Website` operator), and the
 * demos behind `npm start`.
 *
 * @module
 */
export type { Narrator } from './demo/store-tour.js';
export { storeTour } from './demo/store-tour.js';
export { apiserverTour } from './demo/apiserver-tour.js';
export { clusterTour } from './demo/cluster-tour.js';
export {
  WebsiteResource,
  Websites,
  websiteController,
  type Website,
  type WebsiteSpec,
  type WebsiteStatus,
} from './operators/website.js';
export { DEFAULT_WEBSITE_PORT } from './operators/website-owned.js';
