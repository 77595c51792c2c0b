import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InvalidDurationError } from '../../../src/clock/duration.js';
import { VirtualClock } from '../../../src/clock/virtual-clock.js';
import { itemExponentialRateLimiter } from '../../../src/reconcile/queue/rate-limiter.js';
import { WorkQueue } from '../../../src/reconcile/queue/work-queue.js';

/** A queue on a clock at 0, so that `clock.now()` reads as time elapsed in the test. */
function queueAtZero(): { clock: VirtualClock; queue: WorkQueue<string> } {
  const clock = new VirtualClock({ start: 0 });
  return { clock, queue: new WorkQueue<string>({ clock }) };
}

/** Takes every ready key, in order, leaving them processing. */
function takeAll(queue: WorkQueue<string>): string[] {
  const taken: string[] = [];
  for (let key = queue.take(); key !== undefined; key = queue.take()) {
    taken.push(key);
  }
  return taken;
}

/** Takes every ready key at once, and calls `done` for each. */
function processAll(queue: WorkQueue<string>): string[] {
  const taken = takeAll(queue);
  taken.forEach((key) => queue.done(key));
  return taken;
}

describe('WorkQueue adds', () => {
  it('hands out keys in the order they were added', () => {
    const { queue } = queueAtZero();
    ['c', 'a', 'b'].forEach((key) => queue.add(key));
    expect(queue.length).toBe(3);
    expect(takeAll(queue)).toEqual(['c', 'a', 'b']);
  });

  it('dedupes a key already waiting, keeping its earlier position', () => {
    const { queue } = queueAtZero();
    ['a', 'b', 'a', 'c', 'b'].forEach((key) => queue.add(key));
    expect(queue.length).toBe(3);
    expect(takeAll(queue)).toEqual(['a', 'b', 'c']);
  });

  it('answers undefined when no key is ready', () => {
    const { queue } = queueAtZero();
    expect(queue.take()).toBeUndefined();
  });

  it('keeps order across many adds and takes interleaved', () => {
    const { queue } = queueAtZero();
    const expected = Array.from({ length: 5_000 }, (_, i) => `key-${i}`);
    const taken: string[] = [];
    expected.forEach((key, i) => {
      queue.add(key);
      const next = i % 3 === 0 ? queue.take() : undefined;
      if (next !== undefined) {
        taken.push(next);
        queue.done(next);
      }
    });
    expect([...taken, ...takeAll(queue)]).toEqual(expected);
  });
});

describe('WorkQueue processing', () => {
  it('never hands out a key that is processing, even when it is added again', () => {
    const { queue } = queueAtZero();
    queue.add('a');
    expect(queue.take()).toBe('a');
    queue.add('a');
    expect(queue.take()).toBeUndefined();
    expect(queue.length).toBe(0);
    expect(queue.processing).toBe(1);
  });

  it('runs a key re-added while processing again after done, behind keys already ready', () => {
    const { queue } = queueAtZero();
    queue.add('a');
    queue.take();
    queue.add('a');
    queue.add('b');
    queue.done('a');
    expect(queue.processing).toBe(0);
    expect(takeAll(queue)).toEqual(['b', 'a']);
  });

  it('does not run a key again after done unless it was re-added', () => {
    const { queue } = queueAtZero();
    queue.add('a');
    queue.take();
    queue.done('a');
    expect(queue.take()).toBeUndefined();
  });

  it('ignores done for a key that is not processing', () => {
    const { queue } = queueAtZero();
    queue.add('a');
    queue.done('a');
    queue.done('b');
    expect(queue.length).toBe(1);
    expect(queue.processing).toBe(0);
  });
});

describe('WorkQueue delayed adds', () => {
  it('adds a key when its delay has passed on the clock, not before', () => {
    const { clock, queue } = queueAtZero();
    queue.addAfter('a', '1s');
    clock.advance(999);
    expect(queue.take()).toBeUndefined();
    clock.advance(1);
    expect(queue.take()).toBe('a');
  });

  it('adds a key at once for a zero delay', () => {
    const { queue } = queueAtZero();
    queue.addAfter('a', 0);
    expect(queue.take()).toBe('a');
  });

  it('keeps the earliest of several delays for one key, and adds it once', () => {
    const { clock, queue } = queueAtZero();
    queue.addAfter('a', '5s');
    queue.addAfter('a', '2s');
    queue.addAfter('a', '3s');
    clock.advance('2s');
    expect(takeAll(queue)).toEqual(['a']);
    queue.done('a');
    clock.advance('1h');
    expect(queue.take()).toBeUndefined();
    expect(clock.pending()).toBe(0);
  });

  it('adds a delayed key again even if it was ready meanwhile and got processed', () => {
    const { clock, queue } = queueAtZero();
    queue.addAfter('a', '30s');
    queue.add('a');
    expect(processAll(queue)).toEqual(['a']);
    clock.advance('30s');
    expect(queue.take()).toBe('a');
  });

  it('does not add a delayed key twice if it is still ready when the delay ends', () => {
    const { clock, queue } = queueAtZero();
    queue.add('a');
    queue.addAfter('a', '1s');
    clock.advance('1s');
    expect(takeAll(queue)).toEqual(['a']);
  });

  it('rejects an invalid delay', () => {
    const { queue } = queueAtZero();
    expect(() => queue.addAfter('a', '-1s')).toThrow(InvalidDurationError);
    expect(() => queue.addAfter('a', Number.NaN)).toThrow(InvalidDurationError);
  });
});

describe('WorkQueue rate-limited adds', () => {
  it('backs off a failing key 5, 10, 20 ms by default, and forget resets it', () => {
    const { clock, queue } = queueAtZero();
    const readyAt: number[] = [];
    for (let retry = 0; retry < 3; retry++) {
      const start = clock.now();
      queue.addRateLimited('a');
      clock.runAll();
      readyAt.push(clock.now() - start);
      processAll(queue);
    }
    expect(readyAt).toEqual([5, 10, 20]);
    expect(queue.retries('a')).toBe(3);
    queue.forget('a');
    expect(queue.retries('a')).toBe(0);
    queue.addRateLimited('a');
    expect(clock.nextDue()).toBe(clock.now() + 5);
  });

  it('waits as long as its own rate limiter says', () => {
    const clock = new VirtualClock({ start: 0 });
    const rateLimiter = itemExponentialRateLimiter<string>({ base: '1s' });
    const queue = new WorkQueue<string>({ clock, rateLimiter });
    queue.addRateLimited('a');
    queue.addRateLimited('a');
    // The second wait (2 s) is later than the first (1 s): the first wins.
    clock.advance('1s');
    expect(queue.take()).toBe('a');
    expect(rateLimiter.retries('a')).toBe(2);
  });
});

describe('WorkQueue ready$', () => {
  it('emits when a key becomes ready by add, delayed add or done', () => {
    const { clock, queue } = queueAtZero();
    let signals = 0;
    queue.ready$.subscribe(() => signals++);
    queue.add('a');
    queue.add('a');
    expect(signals).toBe(1);
    queue.take();
    queue.add('a');
    expect(signals).toBe(1);
    queue.done('a');
    expect(signals).toBe(2);
    queue.addAfter('b', '1s');
    clock.advance('1s');
    expect(signals).toBe(3);
  });

  it('lets a subscriber take the key synchronously', () => {
    const { queue } = queueAtZero();
    const taken: (string | undefined)[] = [];
    queue.ready$.subscribe(() => taken.push(queue.take()));
    queue.add('a');
    queue.add('b');
    expect(taken).toEqual(['a', 'b']);
  });
});

describe('WorkQueue shutDown', () => {
  it('drops ready keys, ignores later adds and answers undefined to take', () => {
    const { queue } = queueAtZero();
    queue.add('a');
    queue.shutDown();
    queue.add('b');
    queue.addRateLimited('c');
    expect(queue.isShutDown).toBe(true);
    expect(queue.take()).toBeUndefined();
    expect(queue.length).toBe(0);
    expect(queue.retries('c')).toBe(0);
  });

  it('cancels pending delayed adds', () => {
    const { clock, queue } = queueAtZero();
    queue.addAfter('a', '1s');
    queue.addAfter('b', '2s');
    queue.shutDown();
    expect(clock.pending()).toBe(0);
    queue.addAfter('c', '1s');
    expect(clock.pending()).toBe(0);
  });

  it('completes ready$, once, and still lets workers call done', () => {
    const { queue } = queueAtZero();
    let completions = 0;
    queue.ready$.subscribe({ complete: () => completions++ });
    queue.add('a');
    queue.take();
    queue.add('a');
    queue.shutDown();
    queue.shutDown();
    queue.done('a');
    expect(completions).toBe(1);
    expect(queue.processing).toBe(0);
    expect(queue.take()).toBeUndefined();
  });
});

type Operation =
  | { readonly op: 'add'; readonly key: string }
  | { readonly op: 'addAfter'; readonly key: string; readonly delay: number }
  | { readonly op: 'take' }
  | { readonly op: 'done'; readonly pick: number }
  | { readonly op: 'advance'; readonly by: number };

const anyKey = fc.constantFrom('a', 'b', 'c', 'd');
const anyOperation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), key: anyKey }),
  fc.record({
    op: fc.constant('addAfter' as const),
    key: anyKey,
    delay: fc.integer({ min: 0, max: 50 }),
  }),
  fc.record({ op: fc.constant('take' as const) }),
  fc.record({ op: fc.constant('done' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('advance' as const), by: fc.integer({ min: 0, max: 30 }) }),
);

describe('WorkQueue under any sequence of operations', () => {
  it('never hands out a key twice concurrently, and eventually hands out every added key', () => {
    fc.assert(
      fc.property(fc.array(anyOperation, { maxLength: 200 }), (operations) => {
        const { clock, queue } = queueAtZero();
        const processing = new Set<string>();
        // Keys added (or due to be added) and not handed out since.
        const owed = new Set<string>();
        const handedOutTwice: string[] = [];
        const take = (): string | undefined => {
          const key = queue.take();
          if (key !== undefined) {
            if (processing.has(key)) {
              handedOutTwice.push(key);
            }
            processing.add(key);
            owed.delete(key);
          }
          return key;
        };
        for (const operation of operations) {
          switch (operation.op) {
            case 'add':
              queue.add(operation.key);
              owed.add(operation.key);
              break;
            case 'addAfter':
              queue.addAfter(operation.key, operation.delay);
              owed.add(operation.key);
              break;
            case 'take':
              take();
              break;
            case 'done': {
              const keys = [...processing];
              const key = keys[operation.pick % Math.max(keys.length, 1)];
              if (key !== undefined) {
                processing.delete(key);
                queue.done(key);
              }
              break;
            }
            case 'advance':
              clock.advance(operation.by);
              break;
          }
          if (queue.processing !== processing.size) {
            throw new Error(`queue.processing is ${queue.processing}, expected ${processing.size}`);
          }
        }
        // Drain: finish all work, fire every delayed add, until nothing is left.
        do {
          [...processing].forEach((key) => {
            processing.delete(key);
            queue.done(key);
          });
          clock.runAll();
          while (take() !== undefined);
        } while (processing.size > 0);
        expect(handedOutTwice).toEqual([]);
        expect([...owed]).toEqual([]);
      }),
    );
  });
});
