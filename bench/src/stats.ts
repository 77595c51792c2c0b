/**
 * Summary statistics over repeated measurements.
 *
 * @module
 */

/**
 * The median of `samples`: the middle value, or the mean of the two middle values when
 * there is an even number of them.
 *
 * The harness reports medians rather than means because one round disturbed by a GC
 * pause or a busy neighbour should not move the result.
 *
 * Does not modify `samples`.
 *
 * @throws {RangeError} if `samples` is empty or contains a value that is not finite.
 */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) {
    throw new RangeError('median: no samples');
  }
  for (const sample of samples) {
    if (!Number.isFinite(sample)) {
      throw new RangeError(`median: sample ${sample} is not a finite number`);
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  // `middle` is in range because `sorted` is not empty.
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}
