/**
 * The scheduler cache's {@link NodeResourceColumns}: rows handed out to node entries,
 * reused once an entry leaves the cache, the columns grown by doubling.
 *
 * @module
 */
import type { NodeResourceColumns } from '../framework/node-resource-columns.js';

const INITIAL_ROWS = 64;

/**
 * Writable resource columns with row allocation.
 *
 * Guarantees: a row is handed out zeroed and to one holder at a time (until
 * {@link release}); growing keeps every row's values.
 */
export class NodeResourceTable implements NodeResourceColumns {
  allocatableMilliCpu = new Float64Array(INITIAL_ROWS);
  allocatableMemory = new Float64Array(INITIAL_ROWS);
  allocatableEphemeralStorage = new Float64Array(INITIAL_ROWS);
  allocatablePods = new Float64Array(INITIAL_ROWS);
  requestedMilliCpu = new Float64Array(INITIAL_ROWS);
  requestedMemory = new Float64Array(INITIAL_ROWS);
  requestedEphemeralStorage = new Float64Array(INITIAL_ROWS);
  requestedPods = new Float64Array(INITIAL_ROWS);
  nonZeroRequestedMilliCpu = new Float64Array(INITIAL_ROWS);
  nonZeroRequestedMemory = new Float64Array(INITIAL_ROWS);

  private used = 0;
  private readonly released: number[] = [];

  /** How many rows are held. */
  get size(): number {
    return this.used - this.released.length;
  }

  /** A zeroed row, for one holder until it is released. */
  acquire(): number {
    const reused = this.released.pop();
    if (reused !== undefined) {
      return reused;
    }
    if (this.used === this.allocatableMilliCpu.length) {
      this.grow(2 * this.used);
    }
    return this.used++;
  }

  /** Gives `row` back (zeroed, for the next holder). */
  release(row: number): void {
    this.allocatableMilliCpu[row] = 0;
    this.allocatableMemory[row] = 0;
    this.allocatableEphemeralStorage[row] = 0;
    this.allocatablePods[row] = 0;
    this.requestedMilliCpu[row] = 0;
    this.requestedMemory[row] = 0;
    this.requestedEphemeralStorage[row] = 0;
    this.requestedPods[row] = 0;
    this.nonZeroRequestedMilliCpu[row] = 0;
    this.nonZeroRequestedMemory[row] = 0;
    this.released.push(row);
  }

  private grow(rows: number): void {
    const grown = (column: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const copy = new Float64Array(rows);
      copy.set(column);
      return copy;
    };
    this.allocatableMilliCpu = grown(this.allocatableMilliCpu);
    this.allocatableMemory = grown(this.allocatableMemory);
    this.allocatableEphemeralStorage = grown(this.allocatableEphemeralStorage);
    this.allocatablePods = grown(this.allocatablePods);
    this.requestedMilliCpu = grown(this.requestedMilliCpu);
    this.requestedMemory = grown(this.requestedMemory);
    this.requestedEphemeralStorage = grown(this.requestedEphemeralStorage);
    this.requestedPods = grown(this.requestedPods);
    this.nonZeroRequestedMilliCpu = grown(this.nonZeroRequestedMilliCpu);
    this.nonZeroRequestedMemory = grown(this.nonZeroRequestedMemory);
  }
}
