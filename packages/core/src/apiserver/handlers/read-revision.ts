/**
 * Which revision a get or list reads, from its `resourceVersion` and
 * `resourceVersionMatch`.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { badRequest, invalid, type Status } from '../../api/status/index.js';
import type { RequestOptions } from '../api-request.js';
import { parseResourceVersion } from '../storage/served-object.js';

/**
 * What to read: the latest state (`latest`, for an unset resourceVersion, for `"0"`,
 * and for a version not newer than now), or the state at an exact revision.
 */
export type ReadRevision =
  | { readonly _tag: 'Latest'; readonly notOlderThan: number }
  | { readonly _tag: 'Exact'; readonly revision: number };

/**
 * The revision a read asks for, as upstream interprets the pair: unset or `"0"` is
 * the latest; `N` is "not older than N" (served from the latest), or exactly `N` with
 * `resourceVersionMatch=Exact`.
 *
 * Errors: 400 for a resourceVersion that is not a number; 422 for
 * `resourceVersionMatch` without a resourceVersion, or `Exact` with `"0"`.
 */
export function readRevision(options: RequestOptions): Either<Status, ReadRevision> {
  const { resourceVersion, resourceVersionMatch } = options;
  if (resourceVersion === undefined || resourceVersion === '') {
    if (resourceVersionMatch !== undefined) {
      return left(
        invalidListOptions(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden unless resourceVersion is provided',
        ),
      );
    }
    return right({ _tag: 'Latest', notOlderThan: 0 });
  }
  const revision = parseResourceVersion(resourceVersion);
  if (revision === undefined) {
    return left(
      badRequest({ message: `invalid resource version: ${JSON.stringify(resourceVersion)}` }),
    );
  }
  if (resourceVersionMatch === 'Exact') {
    if (revision === 0) {
      return left(
        invalidListOptions(
          'resourceVersionMatch',
          'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
        ),
      );
    }
    return right({ _tag: 'Exact', revision });
  }
  return right({ _tag: 'Latest', notOlderThan: revision });
}

/** 422 for bad list options, as upstream's `metainternalversion` validation reports them. */
export function invalidListOptions(field: string, detail: string): Status {
  return invalid({
    kind: 'ListOptions',
    group: 'meta.k8s.io',
    name: '',
    errors: [{ reason: 'FieldValueForbidden', field, message: `Forbidden: ${detail}` }],
  });
}
