/**
 * A binary min-heap: the priority queue behind {@link VirtualClock}'s timers.
 *
 * Internal to the clock folder (not re-exported by its barrel).
 *
 * @module
 */

/**
 * A priority queue that hands out its smallest item first.
 *
 * Guarantees: `push` and `pop` take O(log n); `peek` and `size` O(1);
 * `removeWhere` O(n). Items that compare equal come out in no particular order,
 * so callers that need a stable order break ties themselves (the virtual clock
 * orders by due time, then by a sequence number).
 */
export class BinaryHeap<T> {
  readonly #items: T[] = [];
  readonly #before: (a: T, b: T) => boolean;

  /**
   * @param options.before - `true` when `a` must come out before `b`; a strict
   *   ordering (irreflexive, transitive).
   */
  constructor(options: { readonly before: (a: T, b: T) => boolean }) {
    this.#before = options.before;
  }

  /** How many items the heap holds. */
  get size(): number {
    return this.#items.length;
  }

  /** The smallest item, left in place, or `undefined` if the heap is empty. */
  peek(): T | undefined {
    return this.#items[0];
  }

  /** Adds an item. */
  push(item: T): void {
    this.#items.push(item);
    this.#siftUp(this.#items.length - 1);
  }

  /** Removes and returns the smallest item, or `undefined` if the heap is empty. */
  pop(): T | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      this.#siftDown(0);
    }
    return top;
  }

  /** Removes every item for which `predicate` returns `true`, in one O(n) pass. */
  removeWhere(predicate: (item: T) => boolean): void {
    const items = this.#items;
    let kept = 0;
    for (const item of items) {
      if (!predicate(item)) {
        items[kept++] = item;
      }
    }
    items.length = kept;
    // Floyd's heap construction: sift down every parent, last to first.
    for (let index = (kept >> 1) - 1; index >= 0; index--) {
      this.#siftDown(index);
    }
  }

  #siftUp(index: number): void {
    const items = this.#items;
    const item = items[index] as T;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = items[parentIndex] as T;
      if (!this.#before(item, parent)) {
        break;
      }
      items[index] = parent;
      index = parentIndex;
    }
    items[index] = item;
  }

  #siftDown(index: number): void {
    const items = this.#items;
    const length = items.length;
    const item = items[index] as T;
    for (;;) {
      const leftIndex = 2 * index + 1;
      if (leftIndex >= length) {
        break;
      }
      const rightIndex = leftIndex + 1;
      const smallerIndex =
        rightIndex < length && this.#before(items[rightIndex] as T, items[leftIndex] as T)
          ? rightIndex
          : leftIndex;
      const smaller = items[smallerIndex] as T;
      if (!this.#before(smaller, item)) {
        break;
      }
      items[index] = smaller;
      index = smallerIndex;
    }
    items[index] = item;
  }
}
