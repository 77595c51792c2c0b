/**
 * The index of pods by the node they are bound to, shared by the controllers that
 * look at a node's pods (one function, so that controllers sharing a pod informer
 * share the index too).
 *
 * @module
 */
import type { Pod } from '../api/kinds/index.js';
import type { Indexer } from '../reconcile/cache/index.js';

/** The name of the index of pods by `spec.nodeName`. */
export const POD_NODE_NAME_INDEX = 'nodeName';

/** Files a pod under its `spec.nodeName`; an unscheduled pod is not filed. */
export const byPodNodeName: Indexer<Pod> = (pod) => (pod.spec?.nodeName ? [pod.spec.nodeName] : []);
