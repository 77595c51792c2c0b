import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BinaryHeap } from '../../src/clock/binary-heap.js';

function numberHeap(): BinaryHeap<number> {
  return new BinaryHeap<number>({ before: (a, b) => a < b });
}

function drain<T>(heap: BinaryHeap<T>): T[] {
  const items: T[] = [];
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) {
    items.push(item);
  }
  return items;
}

describe('BinaryHeap', () => {
  it('is empty at first: size 0, nothing to peek at or pop', () => {
    const heap = numberHeap();
    expect(heap.size).toBe(0);
    expect(heap.peek()).toBeUndefined();
    expect(heap.pop()).toBeUndefined();
  });

  it('peeks at the smallest item without removing it', () => {
    const heap = numberHeap();
    heap.push(3);
    heap.push(1);
    heap.push(2);
    expect(heap.peek()).toBe(1);
    expect(heap.size).toBe(3);
  });

  it('pops items smallest first, whatever order they were pushed in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (values) => {
        const heap = numberHeap();
        values.forEach((value) => heap.push(value));
        expect(drain(heap)).toEqual([...values].sort((a, b) => a - b));
      }),
    );
  });

  it('keeps its order when pushes and pops interleave', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer(), { nil: undefined })), (operations) => {
        const heap = numberHeap();
        const model: number[] = [];
        const popped: [number | undefined, number][] = [];
        const expected: [number | undefined, number][] = [];
        for (const operation of operations) {
          if (operation === undefined) {
            model.sort((a, b) => a - b);
            popped.push([heap.pop(), heap.size]);
            expected.push([model.shift(), model.length]);
          } else {
            heap.push(operation);
            model.push(operation);
          }
        }
        expect(popped).toEqual(expected);
        expect(heap.size).toBe(model.length);
      }),
    );
  });

  it('removes the items a predicate picks and keeps the rest in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (values) => {
        const heap = numberHeap();
        values.forEach((value) => heap.push(value));
        heap.removeWhere((value) => value % 3 === 0);
        const kept = values.filter((value) => value % 3 !== 0).sort((a, b) => a - b);
        expect(heap.size).toBe(kept.length);
        expect(drain(heap)).toEqual(kept);
      }),
    );
  });

  it('breaks ties only as its ordering says', () => {
    const heap = new BinaryHeap<{ due: number; sequence: number }>({
      before: (a, b) => a.due < b.due || (a.due === b.due && a.sequence < b.sequence),
    });
    [
      { due: 5, sequence: 2 },
      { due: 5, sequence: 0 },
      { due: 1, sequence: 3 },
      { due: 5, sequence: 1 },
    ].forEach((item) => heap.push(item));
    expect(drain(heap).map((item) => item.sequence)).toEqual([3, 0, 1, 2]);
  });
});
