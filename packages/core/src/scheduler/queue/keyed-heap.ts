/**
 * A binary heap of items with keys, that can also update or remove an item by key:
 * the scheduling queue's activeQ and backoffQ.
 *
 * @module
 */

/**
 * A min-heap under `before` (the item that must come out first is "less"), indexed by
 * key.
 *
 * Guarantees: `push`, `pop`, `update` and `delete` are O(log n); `get` and `has` O(1).
 */
export class KeyedHeap<T> {
  private readonly items: T[] = [];
  private readonly positions = new Map<string, number>();

  /**
   * A heap ordering items with `before(a, b)` (true when `a` must come out first),
   * keyed by `keyOf`.
   */
  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  /** How many items it holds. */
  get size(): number {
    return this.items.length;
  }

  /** The item that comes out next, without taking it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** The item with `key`. */
  get(key: string): T | undefined {
    const position = this.positions.get(key);
    return position === undefined ? undefined : this.items[position];
  }

  /** Whether an item has `key`. */
  has(key: string): boolean {
    return this.positions.has(key);
  }

  /** Adds `item`, or replaces the item with its key and restores the order. */
  push(item: T): void {
    const key = this.keyOf(item);
    const existing = this.positions.get(key);
    if (existing !== undefined) {
      this.items[existing] = item;
      this.fix(existing);
      return;
    }
    this.items.push(item);
    this.positions.set(key, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  /** Takes the first item out. */
  pop(): T | undefined {
    return this.items.length === 0 ? undefined : this.removeAt(0);
  }

  /** Takes the item with `key` out. */
  delete(key: string): T | undefined {
    const position = this.positions.get(key);
    return position === undefined ? undefined : this.removeAt(position);
  }

  /** Every item, in no particular order (a copy; the heap keeps them). */
  values(): T[] {
    return this.items.slice();
  }

  /** Takes every item out, in no particular order. */
  drain(): T[] {
    const all = this.items.splice(0);
    this.positions.clear();
    return all;
  }

  private removeAt(position: number): T {
    const items = this.items;
    const removed = items[position] as T;
    const last = items.pop() as T;
    this.positions.delete(this.keyOf(removed));
    if (position < items.length) {
      items[position] = last;
      this.positions.set(this.keyOf(last), position);
      this.fix(position);
    }
    return removed;
  }

  private fix(position: number): void {
    if (!this.up(position)) {
      this.down(position);
    }
  }

  private up(start: number): boolean {
    const items = this.items;
    let position = start;
    const item = items[position] as T;
    while (position > 0) {
      const parentPosition = (position - 1) >> 1;
      const parent = items[parentPosition] as T;
      if (!this.before(item, parent)) {
        break;
      }
      items[position] = parent;
      this.positions.set(this.keyOf(parent), position);
      position = parentPosition;
    }
    items[position] = item;
    this.positions.set(this.keyOf(item), position);
    return position !== start;
  }

  private down(start: number): void {
    const items = this.items;
    const length = items.length;
    let position = start;
    const item = items[position] as T;
    for (;;) {
      const left = 2 * position + 1;
      if (left >= length) {
        break;
      }
      const right = left + 1;
      let child = left;
      if (right < length && this.before(items[right] as T, items[left] as T)) {
        child = right;
      }
      const childItem = items[child] as T;
      if (!this.before(childItem, item)) {
        break;
      }
      items[position] = childItem;
      this.positions.set(this.keyOf(childItem), position);
      position = child;
    }
    items[position] = item;
    this.positions.set(this.keyOf(item), position);
  }
}
