/**
 * The nodes' resource amounts as columns of numbers, one row per node: what Filter and
 * Score read for every node of every cycle, laid out so that reading it touches a few
 * contiguous arrays instead of three objects per node.
 *
 * @module
 */

/**
 * Per-node amounts in the units of `ResourceAmounts` (cpu in millicores, memory and
 * ephemeral storage in bytes, pods a count), a node's at its `NodeInfo.row`.
 *
 * Guarantees (for a snapshot that has them): at a node's row, each column equals the
 * field it is named after (`allocatableMilliCpu[row] === node.allocatable.milliCpu`,
 * `nonZeroRequestedMemory[row] === node.nonZeroRequested.memory`, ...), for as long as
 * the node is in the snapshot; the scalar resources are not here (read them from the
 * node). Stable during a scheduling cycle.
 *
 * Caveat: the arrays are replaced when the snapshot grows: read them through this
 * object at each use, never keep one across cycles.
 */
export interface NodeResourceColumns {
  readonly allocatableMilliCpu: Float64Array;
  readonly allocatableMemory: Float64Array;
  readonly allocatableEphemeralStorage: Float64Array;
  readonly allocatablePods: Float64Array;
  readonly requestedMilliCpu: Float64Array;
  readonly requestedMemory: Float64Array;
  readonly requestedEphemeralStorage: Float64Array;
  readonly requestedPods: Float64Array;
  readonly nonZeroRequestedMilliCpu: Float64Array;
  readonly nonZeroRequestedMemory: Float64Array;
}
