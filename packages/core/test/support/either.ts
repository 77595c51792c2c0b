import type { Either } from 'fp-ts/lib/Either.js';

/** The right value of an Either, or a failed expectation naming the left. */
export function expectRight<E, A>(either: Either<E, A>): A {
  if (either._tag === 'Left') {
    throw new Error(`expected Right, got Left: ${JSON.stringify(either.left)}`);
  }
  return either.right;
}

/** The left value of an Either, or a failed expectation naming the right. */
export function expectLeft<E, A>(either: Either<E, A>): E {
  if (either._tag === 'Right') {
    throw new Error(`expected Left, got Right: ${JSON.stringify(either.right)}`);
  }
  return either.left;
}
