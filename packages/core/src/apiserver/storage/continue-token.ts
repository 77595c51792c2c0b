/**
 * The opaque `continue` token of a paginated list: the revision the first page was
 * read at and the key to start the next page from, as upstream's etcd3 storage
 * encodes it (`{"v":"meta.k8s.io/v1","rv":N,"start":"key"}` in base64).
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { isPlainObject } from '../api-object.js';

/** Where the next page of a list starts. */
export interface ContinuePosition {
  /** The revision every page of the list is read at. */
  readonly revision: number;
  /** The first key of the next page. */
  readonly startKey: string;
}

const TOKEN_VERSION = 'meta.k8s.io/v1';

/** The token for a position. */
export function encodeContinueToken(position: ContinuePosition): string {
  return Buffer.from(
    JSON.stringify({ v: TOKEN_VERSION, rv: position.revision, start: position.startKey }),
    'utf8',
  ).toString('base64url');
}

/**
 * The position in a token, or `left(message)` for a token this server did not write,
 * with upstream's wording (`continue key is not valid: ...`).
 */
export function decodeContinueToken(token: string): Either<string, ContinuePosition> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (error) {
    return left(`continue key is not valid: ${(error as Error).message}`);
  }
  if (!isPlainObject(parsed) || parsed['v'] !== TOKEN_VERSION) {
    return left(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  const revision = parsed['rv'];
  const startKey = parsed['start'];
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision <= 0) {
    return left(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  if (typeof startKey !== 'string' || startKey === '') {
    return left('continue key is not valid: encoded start key is empty');
  }
  return right({ revision, startKey });
}
