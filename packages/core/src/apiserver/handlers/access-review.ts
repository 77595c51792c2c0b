/**
 * `SubjectAccessReview` and `SelfSubjectAccessReview`: "can this user do that?"
 * (`kubectl auth can-i`), answered by the server's authorizer and never stored.
 *
 * @module
 */
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { FieldError } from '../../api/codec/index.js';
import type {
  NonResourceAttributes,
  ResourceAttributes,
  SubjectAccessReviewStatus,
} from '../../api/kinds/authorization-v1/index.js';
import { invalid } from '../../api/status/index.js';
import type { ApiObject } from '../api-object.js';
import { respond, type ApiResult } from '../api-response.js';
import type { AuthorizationAttributes, UserInfo } from '../rbac/index.js';
import { decodeBody } from './decode-body.js';
import type { RequestScope } from './request-scope.js';

/** The spec both reviews share: what is asked about, and (for a SubjectAccessReview) of whom. */
interface ReviewSpec {
  readonly resourceAttributes?: ResourceAttributes;
  readonly nonResourceAttributes?: NonResourceAttributes;
  readonly user?: string;
  readonly groups?: readonly string[];
  readonly uid?: string;
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Answers an access review: 201 with the review and its `status` (`allowed`,
 * `reason`). A `SelfSubjectAccessReview` asks about the requesting user, a
 * `SubjectAccessReview` about `spec.user` and `spec.groups`.
 *
 * Errors: as decoding; 422 when the spec gives both or neither of
 * `resourceAttributes` and `nonResourceAttributes`, or (SubjectAccessReview) neither a
 * user nor groups.
 */
export function reviewAccess(
  scope: RequestScope,
  authorize: (attributes: AuthorizationAttributes) => {
    readonly allowed: boolean;
    readonly reason: string;
  },
): ApiResult {
  const decoded = decodeBody(scope, scope.request.body);
  if (isLeft(decoded)) {
    return decoded;
  }
  const review = decoded.right.object;
  const spec = (review['spec'] ?? {}) as ReviewSpec;
  const self = scope.definition.kind === 'SelfSubjectAccessReview';
  const errors: FieldError[] = [];
  const both = spec.resourceAttributes !== undefined && spec.nonResourceAttributes !== undefined;
  const neither = spec.resourceAttributes === undefined && spec.nonResourceAttributes === undefined;
  if (both) {
    errors.push({
      reason: 'FieldValueInvalid',
      field: 'spec.resourceAttributes',
      message: 'Invalid value: "": cannot be specified in combination with nonResourceAttributes',
    });
  }
  if (neither) {
    errors.push({
      reason: 'FieldValueRequired',
      field: 'spec.resourceAttributes',
      message:
        'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
    });
  }
  if (!self && (spec.user ?? '') === '' && (spec.groups ?? []).length === 0) {
    errors.push({
      reason: 'FieldValueInvalid',
      field: 'spec.user',
      message: 'Invalid value: "": at least one of user or group must be specified',
    });
  }
  if (errors.length > 0) {
    return left(
      invalid({ kind: scope.definition.kind, group: scope.definition.group, name: '', errors }),
    );
  }
  const user: UserInfo = self
    ? scope.user
    : {
        name: spec.user ?? '',
        groups: spec.groups ?? [],
        ...(spec.uid === undefined ? {} : { uid: spec.uid }),
        ...(spec.extra === undefined ? {} : { extra: spec.extra }),
      };
  const attributes: AuthorizationAttributes =
    spec.resourceAttributes !== undefined
      ? {
          user,
          verb: spec.resourceAttributes.verb ?? '',
          resourceRequest: true,
          apiGroup: spec.resourceAttributes.group ?? '',
          resource: spec.resourceAttributes.resource ?? '',
          ...optional('namespace', spec.resourceAttributes.namespace),
          ...optional('subresource', spec.resourceAttributes.subresource),
          ...optional('name', spec.resourceAttributes.name),
        }
      : {
          user,
          verb: spec.nonResourceAttributes?.verb ?? '',
          resourceRequest: false,
          path: spec.nonResourceAttributes?.path ?? '',
        };
  const decision = authorize(attributes);
  const status: SubjectAccessReviewStatus = {
    allowed: decision.allowed,
    ...(decision.reason === '' ? {} : { reason: decision.reason }),
  };
  const answered: ApiObject = {
    ...review,
    metadata: { ...review.metadata, creationTimestamp: null },
    status,
  };
  return right(respond(201, answered));
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: string };
}
