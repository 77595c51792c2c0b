/**
 * Built-in defaulting for the apiserver: the values upstream's `SetDefaults_*`
 * functions and built-in admission plugins fill in before validation.
 *
 * Every function is pure: it never changes its argument, returns a new object when it
 * adds a default (sharing the parts it did not touch) and the argument itself when there
 * was nothing to add, and applying it twice gives what applying it once gives.
 *
 * @module
 */
export {
  DEFAULT_TERMINATION_MESSAGE_PATH,
  defaultContainer,
  defaultImagePullPolicy,
} from './container-defaults.js';
export { defaultNamespace } from './namespace-defaults.js';
export { defaultNode } from './node-defaults.js';
export { DEFAULT_TOLERATION_SECONDS, defaultPod, defaultPodSpec } from './pod-defaults.js';
export { defaultSecret } from './secret-defaults.js';
