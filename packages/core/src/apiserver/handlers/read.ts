/**
 * The get and list verbs.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { badRequest, expired, notFound, type Status } from '../../api/status/index.js';
import { prefixRange, type KeyValue } from '../../store/index.js';
import type { ApiObject } from '../api-object.js';
import { respond, type ApiResult } from '../api-response.js';
import {
  decodeContinueToken,
  encodeContinueToken,
  type ContinuePosition,
} from '../storage/continue-token.js';
import { objectKey, resourcePrefix } from '../storage/object-key.js';
import { servedObject } from '../storage/served-object.js';
import { statusFromStoreError } from '../storage/store-status.js';
import { objectFilter, SELECT_ALL, type ObjectFilter } from './object-filter.js';
import { invalidListOptions, readRevision, type ReadRevision } from './read-revision.js';
import type { RequestScope } from './request-scope.js';

/**
 * Reads the stored object a request names, at the revision its options ask for.
 *
 * Errors: 404 `NotFound`; 410 `Expired` for a compacted revision; 504 for a
 * resourceVersion newer than the store's.
 */
export function readObject(scope: RequestScope): Promise<Either<Status, KeyValue<ApiObject>>> {
  const revision = readRevision(scope.options);
  return isLeft(revision) ? Promise.resolve(revision) : readObjectAt(scope, revision.right);
}

const LATEST: ReadRevision = { _tag: 'Latest', notOlderThan: 0 };

/**
 * Reads the latest stored version of the object a request names, whatever its options
 * say: what a write reads before changing it (`readObject` with no options).
 *
 * Errors: 404 `NotFound`; a failed read's status.
 */
export function readCurrentObject(
  scope: RequestScope,
): Promise<Either<Status, KeyValue<ApiObject>>> {
  return readObjectAt(scope, LATEST);
}

async function readObjectAt(
  scope: RequestScope,
  at: ReadRevision,
): Promise<Either<Status, KeyValue<ApiObject>>> {
  const { definition, request } = scope;
  const name = request.name ?? '';
  const result = await scope.env.store.range(
    { key: objectKey(definition, request.namespace, name) },
    at._tag === 'Exact' ? { revision: at.revision } : {},
  );
  if (isLeft(result)) {
    return left(statusFromStoreError(result.left));
  }
  if (at._tag === 'Latest' && at.notOlderThan > result.right.revision) {
    return left(tooLargeResourceVersion(at.notOlderThan, result.right.revision));
  }
  const kv = result.right.items[0];
  if (kv === undefined) {
    return left(notFound({ group: definition.group, resource: definition.plural, name }));
  }
  return right(kv);
}

/** The get verb: 200 with the object. */
export async function getObject(scope: RequestScope): Promise<ApiResult> {
  const kv = await readObject(scope);
  return isLeft(kv) ? kv : right(respond(200, servedObject(kv.right)));
}

/** A page of a list: its items, the revision it was read at, and where the next starts. */
export interface ListPage {
  readonly items: readonly ApiObject[];
  readonly revision: number;
  readonly continueToken?: string;
  readonly remainingItemCount?: number;
}

/**
 * The list verb: 200 with a `<Kind>List` whose `metadata.resourceVersion` is the
 * revision it was read at, paginated by `limit` and `continue`.
 *
 * Errors: 400 for bad selectors and continue tokens; 422 for a resourceVersion with a
 * continue token; 410 `Expired` for a compacted revision or continue token; 504 for
 * a resourceVersion newer than the store's.
 */
export async function listObjects(scope: RequestScope): Promise<ApiResult> {
  const filter = objectFilter(scope);
  if (isLeft(filter)) {
    return filter;
  }
  const page = await readListPage(scope, filter.right);
  if (isLeft(page)) {
    return page;
  }
  const { definition } = scope;
  const { items, revision, continueToken, remainingItemCount } = page.right;
  return right(
    respond(200, {
      apiVersion:
        definition.group === '' ? definition.version : `${definition.group}/${definition.version}`,
      kind: definition.listKind,
      metadata: {
        resourceVersion: String(revision),
        ...(continueToken === undefined ? {} : { continue: continueToken }),
        ...(remainingItemCount === undefined ? {} : { remainingItemCount }),
      },
      items,
    }),
  );
}

/**
 * Reads one page of the objects a list request selects (every object without
 * `limit`), in key order (namespace, then name).
 */
export async function readListPage(
  scope: RequestScope,
  filter: ObjectFilter,
): Promise<Either<Status, ListPage>> {
  const { options } = scope;
  const start = listStart(scope);
  if (isLeft(start)) {
    return start;
  }
  const prefix = resourcePrefix(scope.definition, scope.request.namespace);
  const limit = options.limit !== undefined && options.limit > 0 ? options.limit : 0;
  let revision = start.right.revision;
  let from = start.right.startKey;
  const items: ApiObject[] = [];
  for (;;) {
    const chunk = limit === 0 ? 0 : Math.max(limit - items.length, filter === SELECT_ALL ? 0 : 500);
    const result = await scope.env.store.range(prefixRange(prefix, from), {
      ...(revision === undefined ? {} : { revision }),
      ...(chunk === 0 ? {} : { limit: chunk }),
    });
    if (isLeft(result)) {
      return left(
        result.left._tag === 'Compacted' && options.continue !== undefined
          ? expiredContinue()
          : statusFromStoreError(result.left),
      );
    }
    if (revision === undefined) {
      revision = result.right.revision;
      if (start.right.notOlderThan > revision) {
        return left(tooLargeResourceVersion(start.right.notOlderThan, revision));
      }
    }
    const kvs = result.right.items;
    for (let i = 0; i < kvs.length; i++) {
      const kv = kvs[i]!;
      // The stored object differs from the served one only in its resourceVersion,
      // which no selector looks at: filter first, and build (or find) only the
      // served objects of the items selected.
      if (!filter(kv.value)) {
        continue;
      }
      items.push(servedObject(kv));
      if (limit !== 0 && items.length === limit) {
        const hasMore = i < kvs.length - 1 || result.right.more;
        if (!hasMore) {
          return right({ items, revision });
        }
        const remaining = filter === SELECT_ALL ? result.right.count - (i + 1) : undefined;
        return right({
          items,
          revision,
          continueToken: encodeContinueToken({ revision, startKey: `${kv.key}\u0000` }),
          ...(remaining === undefined ? {} : { remainingItemCount: remaining }),
        });
      }
    }
    if (!result.right.more || kvs.length === 0) {
      return right({ items, revision });
    }
    from = `${kvs[kvs.length - 1]!.key}\u0000`;
  }
}

/** Where a list starts reading: a revision (or the latest) and a first key. */
interface ListStart {
  readonly revision: number | undefined;
  readonly startKey: string | undefined;
  readonly notOlderThan: number;
}

function listStart(scope: RequestScope): Either<Status, ListStart> {
  const { options } = scope;
  if (options.continue !== undefined && options.continue !== '') {
    if (options.resourceVersionMatch !== undefined) {
      return left(
        invalidListOptions(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden when continue is provided',
        ),
      );
    }
    // Upstream's storage answers these two with 400, not 422 (`storage.ValidateListOptions`).
    if (
      options.resourceVersion !== undefined &&
      options.resourceVersion !== '' &&
      options.resourceVersion !== '0'
    ) {
      return left(
        badRequest({ message: 'specifying resource version is not allowed when using continue' }),
      );
    }
    const position = decodeContinueToken(options.continue);
    if (isLeft(position)) {
      return left(badRequest({ message: `invalid continue token: ${position.left}` }));
    }
    return right(continueFrom(scope, position.right));
  }
  const revision = readRevision(options);
  if (isLeft(revision)) {
    return revision;
  }
  if (revision.right._tag === 'Exact' || isLegacyExact(options, revision.right.notOlderThan)) {
    const exact =
      revision.right._tag === 'Exact' ? revision.right.revision : revision.right.notOlderThan;
    return right({ revision: exact, startKey: undefined, notOlderThan: 0 });
  }
  return right({
    revision: undefined,
    startKey: undefined,
    notOlderThan: revision.right.notOlderThan,
  });
}

/**
 * Upstream's legacy rule: the first page of a paginated list (`limit` set) at a
 * resourceVersion other than `"0"`, without `resourceVersionMatch`, is read exactly at
 * that revision.
 */
function isLegacyExact(options: RequestScope['options'], revision: number): boolean {
  return (
    options.resourceVersionMatch === undefined &&
    options.limit !== undefined &&
    options.limit > 0 &&
    revision > 0
  );
}

function continueFrom(scope: RequestScope, position: ContinuePosition): ListStart {
  const prefix = resourcePrefix(scope.definition, scope.request.namespace);
  // A token from another list (another namespace) must not read outside this one.
  const startKey = position.startKey.startsWith(prefix) ? position.startKey : prefix;
  return { revision: position.revision, startKey, notOlderThan: 0 };
}

function expiredContinue(): Status {
  return expired({
    message:
      'The provided continue parameter is too old to display a consistent list result. ' +
      'You can start a new list without the continue parameter, or use the continue token ' +
      'in this response to retrieve the remainder of the results. Continuing with the ' +
      'provided token results in an inconsistent list - objects that were created, modified, ' +
      'or deleted between the time the first chunk was returned and now may show up in the list.',
  });
}

/** 504 for a resourceVersion the store has not reached, as upstream answers after waiting. */
function tooLargeResourceVersion(requested: number, current: number): Status {
  return statusFromStoreError({
    _tag: 'FutureRevision',
    requestedRevision: requested,
    currentRevision: current,
    message: '',
  });
}
