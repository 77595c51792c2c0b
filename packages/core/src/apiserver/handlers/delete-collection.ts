/**
 * The deletecollection verb: delete every object a list would select.
 *
 * @module
 */
import { isLeft, right } from 'fp-ts/lib/Either.js';
import type { ApiObject } from '../api-object.js';
import { respond, type ApiResult } from '../api-response.js';
import { deleteOne } from './delete.js';
import { objectFilter } from './object-filter.js';
import { readListPage } from './read.js';
import type { RequestScope } from './request-scope.js';

/**
 * Deletes the objects the request's selectors select (in its namespace, or in all),
 * each as a delete with the request's options would: 200 with the list of the
 * objects as deleted or marked for deletion.
 *
 * Guarantees: objects that vanish meanwhile are skipped; the first other failure
 * stops the deletion and is the answer (objects deleted before it stay deleted, as
 * upstream).
 */
export async function deleteCollection(scope: RequestScope): Promise<ApiResult> {
  const filter = objectFilter(scope);
  if (isLeft(filter)) {
    return filter;
  }
  const page = await readListPage(
    { ...scope, options: { ...scope.options, limit: 0 } },
    filter.right,
  );
  if (isLeft(page)) {
    return page;
  }
  const deleted: ApiObject[] = [];
  for (const object of page.right.items) {
    const metadata = object.metadata ?? {};
    const outcome = await deleteOne({
      ...scope,
      request: {
        ...scope.request,
        verb: 'delete',
        name: metadata.name ?? '',
        ...(metadata.namespace === undefined ? {} : { namespace: metadata.namespace }),
      },
    });
    if (isLeft(outcome)) {
      if (outcome.left.code === 404) {
        continue;
      }
      return outcome;
    }
    deleted.push(outcome.right.object);
  }
  const { definition } = scope;
  return right(
    respond(200, {
      apiVersion:
        definition.group === '' ? definition.version : `${definition.group}/${definition.version}`,
      kind: definition.listKind,
      metadata: { resourceVersion: String(page.right.revision) },
      items: deleted,
    }),
  );
}
