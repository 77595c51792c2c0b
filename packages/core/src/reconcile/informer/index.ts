/**
 * Shared informers: one watch and one cache per resource type, shared by every
 * controller that follows that type.
 *
 * @module
 */
export {
  sharedInformer,
  type InformerEvent,
  type SharedInformer,
  type SharedInformerOptions,
} from './shared-informer.js';
export {
  sharedInformers,
  type SharedInformers,
  type SharedInformersOptions,
} from './shared-informers.js';
