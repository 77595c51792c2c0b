/**
 * The addresses a local cluster gives its nodes: an internal IP and a `/24` pod CIDR
 * each, chosen from the node's index so that they are the same in every run.
 *
 * @module
 */

/** The addresses of one node. */
export interface NodeAddressing {
  /** The node's `InternalIP`, in `172.18.0.0/16` from `172.18.0.2` (as kind's network). */
  readonly internalIP: string;
  /**
   * The node's pod CIDR: a `/24` of `10.224.0.0/11`, the first node's `10.244.0.0/24` (as
   * kind's), the next ones following, for up to 8,192 nodes.
   */
  readonly podCIDR: string;
}

/** How many nodes {@link nodeAddressing} can address. */
export const MAX_ADDRESSED_NODES = 8_192;

/** The `/24` block of `10.224.0.0/11` the first node gets: `10.244.0.0`. */
const FIRST_POD_BLOCK = (244 - 224) * 256;

/**
 * The addresses of the node at `index` (0 for the first node).
 *
 * Errors: throws a `RangeError` for an index that is not an integer from 0 to
 * {@link MAX_ADDRESSED_NODES} − 1.
 */
export function nodeAddressing(index: number): NodeAddressing {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_ADDRESSED_NODES) {
    throw new RangeError(
      `nodeAddressing: the node index must be an integer from 0 to ${MAX_ADDRESSED_NODES - 1}, got ${index}`,
    );
  }
  const host = index + 2;
  const block = (FIRST_POD_BLOCK + index) % MAX_ADDRESSED_NODES;
  return {
    internalIP: `172.18.${host >> 8}.${host & 255}`,
    podCIDR: `10.${224 + (block >> 8)}.${block & 255}.0/24`,
  };
}
