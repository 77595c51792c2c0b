/**
 * The namespace controller: deleting a namespace empties it, then removes it.
 *
 * @module
 */
export {
  NAMESPACE_FINALIZER,
  NAMESPACE_RECHECK,
  namespaceController,
  type NamespaceControllerOptions,
} from './namespace-controller.js';
