/**
 * The NodeAffinity plugin: `spec.nodeSelector` and required node affinity as a filter,
 * preferred node affinity as a score.
 *
 * @module
 */
import type { NodeSelectorTerm, Pod } from '../../../api/kinds/index.js';
import {
  nodeSelectorTermMatches,
  podMatchesNodeConstraints,
} from '../../../api/scheduling/index.js';
import type { PreFilterResult, SchedulerPlugin } from '../../framework/plugin.js';
import { SKIP, unresolvable } from '../../framework/plugin-status.js';
import { defaultNormalizeScore } from '../normalize-score.js';

/** The plugin's name, as upstream. */
export const NODE_AFFINITY = 'NodeAffinity';

/** Upstream's reason: `node(s) didn't match Pod's node affinity/selector`. */
export const NODE_AFFINITY_MISMATCH = "node(s) didn't match Pod's node affinity/selector";

const MISMATCH = Object.freeze(unresolvable(NODE_AFFINITY_MISMATCH));

/**
 * The only nodes a pod's required node affinity allows, when every one of its terms
 * names nodes with `matchFields: metadata.name In [...]` (upstream's PreFilter
 * shortcut); `undefined` when any node may match.
 */
export function requiredNodeNames(pod: Pod): ReadonlySet<string> | undefined {
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms;
  if (terms === undefined || terms.length === 0) {
    return undefined;
  }
  const names = new Set<string>();
  for (const term of terms) {
    const byName = (term.matchFields ?? []).find(
      (field) => field.key === 'metadata.name' && field.operator === 'In',
    );
    if (byName === undefined) {
      return undefined;
    }
    for (const name of byName.values ?? []) {
      names.add(name);
    }
  }
  return names;
}

/** The sum of the weights of the preferred terms the node's labels match. */
function preferredScore(
  terms: readonly { weight: number; preference: NodeSelectorTerm }[],
  node: Parameters<typeof nodeSelectorTermMatches>[1],
): number {
  let score = 0;
  for (const term of terms) {
    if (term.weight !== 0 && nodeSelectorTermMatches(term.preference, node)) {
      score += term.weight;
    }
  }
  return score;
}

/**
 * NodeAffinity: PreFilter skips the Filter for pods without `nodeSelector` and required
 * node affinity (and narrows the nodes for terms naming them, see
 * {@link requiredNodeNames}); Filter is `UnschedulableAndUnresolvable` with
 * {@link NODE_AFFINITY_MISMATCH}; Score sums the weights of the matching preferred
 * terms, normalized so that the best node scores 100 (PreScore skips it without
 * preferred terms).
 *
 * Caveat: no `addedAffinity` plugin argument.
 */
export function nodeAffinity(): SchedulerPlugin {
  return {
    name: NODE_AFFINITY,
    preFilter: ({ pod }): PreFilterResult => {
      const required =
        pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
      if (pod.spec?.nodeSelector === undefined && required === undefined) {
        return SKIP;
      }
      const nodeNames = requiredNodeNames(pod);
      return nodeNames === undefined ? undefined : { nodeNames };
    },
    filter: ({ pod }, node) => (podMatchesNodeConstraints(pod, node.node) ? undefined : MISMATCH),
    preScore: ({ pod }) => {
      const preferred =
        pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
      return preferred === undefined || preferred.length === 0 ? SKIP : undefined;
    },
    score: ({ pod }, node) =>
      preferredScore(
        pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [],
        node.node,
      ),
    normalizeScores: (_cycle, scores) => defaultNormalizeScore(scores, false),
  };
}
