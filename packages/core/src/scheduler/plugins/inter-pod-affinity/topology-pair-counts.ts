/**
 * Numbers per topology pair (`topologyKey`, value): how many matching pods a domain
 * holds, or a domain's summed affinity weights; upstream's
 * `topologyToMatchedTermCount` and `scoreMap`.
 *
 * @module
 */

/**
 * Sums per (topology key, value). Keys are few (one per distinct `topologyKey` in
 * the terms), so reading a node walks the keys by index, allocating nothing.
 */
export class TopologyPairCounts {
  private readonly keys: string[] = [];
  private readonly valuesByKey: Map<string, number>[] = [];
  private pairs = 0;

  /** The number of pairs ever added to (upstream's `len(map)`). */
  get size(): number {
    return this.pairs;
  }

  /** Adds `amount` to the pair (`key`, `value`). */
  add(key: string, value: string, amount: number): void {
    let index = this.keys.indexOf(key);
    if (index < 0) {
      index = this.keys.length;
      this.keys.push(key);
      this.valuesByKey.push(new Map());
    }
    const values = this.valuesByKey[index] as Map<string, number>;
    const sofar = values.get(value);
    if (sofar === undefined) {
      this.pairs++;
    }
    values.set(value, (sofar ?? 0) + amount);
  }

  /** The sum at (`key`, `value`), 0 when nothing was added there. */
  get(key: string, value: string): number {
    const index = this.keys.indexOf(key);
    return index < 0 ? 0 : ((this.valuesByKey[index] as Map<string, number>).get(value) ?? 0);
  }

  /** Whether any pair of the node's labels has a positive sum. */
  anyPositive(labels: Readonly<Record<string, string>>): boolean {
    for (let i = 0; i < this.keys.length; i++) {
      const value = labels[this.keys[i] as string];
      if (
        typeof value === 'string' &&
        ((this.valuesByKey[i] as Map<string, number>).get(value) ?? 0) > 0
      ) {
        return true;
      }
    }
    return false;
  }

  /** The sum over the pairs of the node's labels. */
  sumFor(labels: Readonly<Record<string, string>>): number {
    let sum = 0;
    for (let i = 0; i < this.keys.length; i++) {
      const value = labels[this.keys[i] as string];
      if (typeof value === 'string') {
        sum += (this.valuesByKey[i] as Map<string, number>).get(value) ?? 0;
      }
    }
    return sum;
  }
}
