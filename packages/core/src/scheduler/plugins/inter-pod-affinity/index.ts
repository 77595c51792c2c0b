/**
 * The InterPodAffinity scheduler plugin: required and preferred pod affinity and
 * anti-affinity, symmetric with existing pods' terms, as upstream.
 *
 * @module
 */
export type { NamespaceLabels } from './affinity-term.js';
export {
  REASON_AFFINITY_RULES_NOT_MATCH,
  REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
} from './filtering.js';
export type { InterPodAffinityOptions } from './inter-pod-affinity.js';
export { INTER_POD_AFFINITY, interPodAffinity } from './inter-pod-affinity.js';
