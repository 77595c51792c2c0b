import { describe, expect, it } from '@jest/globals';
import { TestScheduler } from 'rxjs/testing';
import { mergeMap } from 'rxjs';
import { flatMapSync } from '../../../src/reconcile/index.js';

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('flatMapSync', () => {
  it('emits the items of each projection in order, at the time of the source value', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c|', { a: 2, b: 0, c: 1 });
      const repeated = source.pipe(flatMapSync((n: number) => Array.from({ length: n }, () => n)));
      expectObservable(repeated).toBe('(xx)y|', { x: 2, y: 1 });
    });
  });

  it('behaves as mergeMap over arrays, for any sequence', () => {
    const project = (n: number): readonly number[] => (n % 3 === 0 ? [] : [n, n * 10]);
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c-d-|', { a: 1, b: 3, c: 4, d: 6 });
      expectObservable(source.pipe(flatMapSync(project))).toEqual(source.pipe(mergeMap(project)));
    });
  });

  it('passes errors on, and errors when the projection throws', () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('a-#', { a: 1 }).pipe(flatMapSync((n: number) => [n]))).toBe('a-#', {
        a: 1,
      });
      const failing = cold('a-b-c|', { a: 1, b: 2, c: 3 }).pipe(
        flatMapSync((n: number) => {
          if (n === 2) {
            throw new Error('bad value');
          }
          return [n];
        }),
      );
      expectObservable(failing).toBe('a-#', { a: 1 }, new Error('bad value'));
    });
  });
});
