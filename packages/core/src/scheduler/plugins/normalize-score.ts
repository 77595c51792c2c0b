/**
 * Upstream's `DefaultNormalizeScore`, shared by the plugins whose raw scores are counts
 * or sums (TaintToleration, NodeAffinity).
 *
 * @module
 */
import { MAX_NODE_SCORE, type NodeScore } from '../framework/plugin.js';

/**
 * Scales `scores` in place so that the highest becomes {@link MAX_NODE_SCORE}
 * (integer division, as upstream); with `reverse`, a score `s` becomes `100 - s`
 * afterwards, and all become 100 when every score is 0.
 */
export function defaultNormalizeScore(scores: NodeScore[], reverse: boolean): void {
  let max = 0;
  for (const entry of scores) {
    if (entry.score > max) {
      max = entry.score;
    }
  }
  if (max === 0) {
    if (reverse) {
      for (const entry of scores) {
        entry.score = MAX_NODE_SCORE;
      }
    }
    return;
  }
  for (const entry of scores) {
    let score = Math.trunc((MAX_NODE_SCORE * entry.score) / max);
    if (reverse) {
      score = MAX_NODE_SCORE - score;
    }
    entry.score = score;
  }
}
