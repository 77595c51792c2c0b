/**
 * The Filter failures of one scheduling cycle, noted cheaply per node and turned into
 * reason counts only when the pod fits nowhere (the only time they are read).
 *
 * @module
 */
import type { PluginStatus } from '../framework/plugin-status.js';

/**
 * Failed statuses in the order the nodes gave them, consecutive repeats of one status
 * object kept as a count (plugins share frozen statuses, so a run of nodes failing
 * for one reason costs one slot).
 *
 * Guarantees: {@link reasonCounts} answers exactly what counting every reason of every
 * noted status, node by node, into a `Map` would: the same counts, and the same key
 * order (first occurrence). Noting a status allocates nothing but list slots.
 *
 * Caveat: statuses are read when counted, not when noted; they must not change in
 * between (plugin statuses are immutable).
 */
export class FailureTally {
  private readonly statuses: PluginStatus[] = [];
  private readonly repeats: number[] = [];

  /** How many failures were noted. */
  count = 0;

  /** Notes that one node failed with `status`. */
  note(status: PluginStatus): void {
    this.count++;
    const last = this.statuses.length - 1;
    if (last >= 0 && this.statuses[last] === status) {
      this.repeats[last] = (this.repeats[last] as number) + 1;
      return;
    }
    this.statuses.push(status);
    this.repeats.push(1);
  }

  /** How many noted failures gave each reason, keys in order of first occurrence. */
  reasonCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (let i = 0; i < this.statuses.length; i++) {
      const times = this.repeats[i] as number;
      for (const reason of (this.statuses[i] as PluginStatus).reasons) {
        counts.set(reason, (counts.get(reason) ?? 0) + times);
      }
    }
    return counts;
  }
}
