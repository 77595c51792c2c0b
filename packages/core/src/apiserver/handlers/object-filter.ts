/**
 * The label and field selectors of a list, watch or deletecollection, compiled once
 * into one predicate on objects.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { parseFieldSelector, parseLabelSelector } from '../../api/selectors/index.js';
import { badRequest, type Status } from '../../api/status/index.js';
import type { ApiObject } from '../api-object.js';
import type { RequestScope } from './request-scope.js';

/** Whether an object is selected. */
export type ObjectFilter = (object: ApiObject) => boolean;

/** The filter that selects everything. */
export const SELECT_ALL: ObjectFilter = () => true;

/**
 * The request's selectors as one predicate ({@link SELECT_ALL} when there are none).
 *
 * Errors: 400 `BadRequest` for a selector that does not parse, and for a field the
 * resource cannot select on (`field label not supported: spec.foo`).
 */
export function objectFilter(scope: RequestScope): Either<Status, ObjectFilter> {
  const { labelSelector, fieldSelector } = scope.options;
  let byLabels: ObjectFilter | undefined;
  if (labelSelector !== undefined && labelSelector !== '') {
    const parsed = parseLabelSelector(labelSelector);
    if (isLeft(parsed)) {
      return left(badRequest({ message: parsed.left.message }));
    }
    const selector = parsed.right;
    if (!selector.isEverything) {
      byLabels = (object) => selector.matches(object.metadata?.labels);
    }
  }
  let byFields: ObjectFilter | undefined;
  if (fieldSelector !== undefined && fieldSelector !== '') {
    const parsed = parseFieldSelector(fieldSelector);
    if (isLeft(parsed)) {
      return left(badRequest({ message: parsed.left.message }));
    }
    if (!parsed.right.isEverything) {
      const bound = parsed.right.bind(scope.definition.selectableFields);
      if (isLeft(bound)) {
        return left(badRequest({ message: bound.left.message }));
      }
      byFields = bound.right;
    }
  }
  if (byLabels !== undefined && byFields !== undefined) {
    const labels = byLabels;
    const fields = byFields;
    return right((object) => labels(object) && fields(object));
  }
  return right(byLabels ?? byFields ?? SELECT_ALL);
}
