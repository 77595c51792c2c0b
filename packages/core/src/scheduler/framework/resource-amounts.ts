/**
 * Resource lists (`{ cpu: '500m', memory: '1Gi' }`) read into the scheduler's numeric
 * {@link ResourceAmounts}, and a node's allocatable amounts, cached per node object.
 *
 * Quantities are parsed exactly (bigint) and then turned into numbers: cpu in
 * millicores, everything else in whole units (upstream's `MilliValue` and `Value`).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Node } from '../../api/kinds/index.js';
import { parseQuantity, quantityMilliValue, quantityValue } from '../../api/quantity/index.js';
import type { ResourceAmounts } from './node-info.js';

/** A resource list as the API holds it: names to quantities (strings or numbers). */
export type ResourceList = Readonly<Record<string, string | number>>;

/** Amounts the scheduler adds up; the same shape as {@link ResourceAmounts}, writable. */
export interface MutableResourceAmounts {
  milliCpu: number;
  memory: number;
  ephemeralStorage: number;
  pods: number;
  readonly scalar: Map<string, number>;
}

/** Empty, writable amounts. */
export function emptyResourceAmounts(): MutableResourceAmounts {
  return { milliCpu: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: new Map() };
}

/**
 * Whether the scheduler counts a resource by name beyond cpu, memory,
 * ephemeral-storage and pods: extended resources (`example.com/gpu`, any name with a
 * `/`) and huge pages (`hugepages-2Mi`), as upstream's `IsScalarResourceName`.
 */
export function isScalarResourceName(name: string): boolean {
  return name.includes('/') || name.startsWith('hugepages-');
}

/** Distinct quantity strings remembered (per unit) before the memo starts over. */
const MAX_MEMOIZED_QUANTITIES = 4096;
const wholeUnits = new Map<string, number>();
const milliUnits = new Map<string, number>();

/**
 * A quantity in whole units (`milli`: thousandths), as a number. A value that does not
 * parse counts as 0 (the apiserver rejects such objects; the scheduler must not crash
 * on one that reached it anyway).
 *
 * Guarantees: a string is parsed once (then answered from a bounded memo: pods of one
 * workload repeat the same few quantities); the answer does not depend on the memo.
 */
export function quantityNumber(value: string | number | undefined, milli: boolean): number {
  if (value === undefined) {
    return 0;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return milli ? value * 1000 : value;
  }
  const text = String(value);
  const memo = milli ? milliUnits : wholeUnits;
  const known = memo.get(text);
  if (known !== undefined) {
    return known;
  }
  const parsed = parseQuantity(text);
  const amount = isLeft(parsed)
    ? 0
    : Number(milli ? quantityMilliValue(parsed.right) : quantityValue(parsed.right));
  if (memo.size >= MAX_MEMOIZED_QUANTITIES) {
    memo.clear();
  }
  memo.set(text, amount);
  return amount;
}

/** Adds the amounts of `list` to `into` (`pods` only when `countPods`). */
export function addResourceList(
  into: MutableResourceAmounts,
  list: ResourceList | undefined,
  countPods: boolean,
): void {
  if (list === undefined) {
    return;
  }
  for (const name of Object.keys(list)) {
    const value = list[name];
    switch (name) {
      case 'cpu':
        into.milliCpu += quantityNumber(value, true);
        break;
      case 'memory':
        into.memory += quantityNumber(value, false);
        break;
      case 'ephemeral-storage':
        into.ephemeralStorage += quantityNumber(value, false);
        break;
      case 'pods':
        if (countPods) {
          into.pods += quantityNumber(value, false);
        }
        break;
      default:
        if (isScalarResourceName(name)) {
          into.scalar.set(name, (into.scalar.get(name) ?? 0) + quantityNumber(value, false));
        }
    }
  }
}

const allocatableByNode = new WeakMap<Node, ResourceAmounts>();

/**
 * The node's `status.allocatable` (each resource falling back to `status.capacity`
 * when allocatable lacks it), as {@link ResourceAmounts}.
 *
 * Guarantees: computed once per node object (nodes are frozen and replaced, never
 * changed), then answered from a cache that does not keep the node alive.
 */
export function nodeAllocatableOf(node: Node): ResourceAmounts {
  const cached = allocatableByNode.get(node);
  if (cached !== undefined) {
    return cached;
  }
  const capacity = node.status?.capacity ?? {};
  const merged: Record<string, string | number> = { ...capacity, ...node.status?.allocatable };
  const amounts = emptyResourceAmounts();
  addResourceList(amounts, merged, true);
  allocatableByNode.set(node, amounts);
  return amounts;
}
