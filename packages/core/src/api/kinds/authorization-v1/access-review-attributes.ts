/**
 * The request attributes an access review asks about: `authorizationv1.ResourceAttributes`
 * and `authorizationv1.NonResourceAttributes`, and the answer, `SubjectAccessReviewStatus`.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';

/**
 * The codec of `authorizationv1.ResourceAttributes`: a request on a resource, every
 * field optional (`'*'` means all). Upstream's newer `fieldSelector` and
 * `labelSelector` are left out.
 */
export const ResourceAttributes = withSchema(
  t.partial({
    namespace: withSchema(t.string, {
      description:
        'Namespace is the namespace of the action being requested. "" means all for namespaced ' +
        'resources, and is empty for cluster-scoped ones.',
    }),
    verb: withSchema(t.string, {
      description:
        'Verb is a kubernetes resource API verb, like: get, list, watch, create, update, delete, proxy. "*" means all.',
    }),
    group: withSchema(t.string, {
      description: 'Group is the API Group of the Resource. "*" means all.',
    }),
    version: withSchema(t.string, {
      description: 'Version is the API Version of the Resource. "*" means all.',
    }),
    resource: withSchema(t.string, {
      description: 'Resource is one of the existing resource types. "*" means all.',
    }),
    subresource: withSchema(t.string, {
      description: 'Subresource is one of the existing resource types. "" means none.',
    }),
    name: withSchema(t.string, {
      description:
        'Name is the name of the resource being requested for a "get" or deleted for a "delete". "" (empty) means all.',
    }),
  }),
  {
    description:
      'ResourceAttributes includes the authorization attributes available for resource requests to the Authorizer interface.',
  },
  'ResourceAttributes',
);

/** A resource request's attributes, as {@link ResourceAttributes} decodes them. */
export type ResourceAttributes = t.TypeOf<typeof ResourceAttributes>;

/**
 * The codec of `authorizationv1.NonResourceAttributes`: a request on a URL path that is
 * not a resource (`/healthz`), `path` and `verb` both optional.
 */
export const NonResourceAttributes = withSchema(
  t.partial({
    path: withSchema(t.string, { description: 'Path is the URL path of the request.' }),
    verb: withSchema(t.string, { description: 'Verb is the standard HTTP verb.' }),
  }),
  {
    description:
      'NonResourceAttributes includes the authorization attributes available for non-resource requests to the Authorizer interface.',
  },
  'NonResourceAttributes',
);

/** A non-resource request's attributes, as {@link NonResourceAttributes} decodes them. */
export type NonResourceAttributes = t.TypeOf<typeof NonResourceAttributes>;

/**
 * The codec of `authorizationv1.SubjectAccessReviewStatus`: `allowed` is required;
 * `denied`, `reason` and `evaluationError` are optional. `allowed: false` with
 * `denied: false` means the authorizer has no opinion.
 */
export const SubjectAccessReviewStatus = withSchema(
  t.intersection([
    t.type({
      allowed: withSchema(t.boolean, {
        description: 'Allowed is required. True if the action would be allowed, false otherwise.',
      }),
    }),
    t.partial({
      denied: withSchema(t.boolean, {
        description:
          'Denied is optional. True if the action would be denied, otherwise false. If both allowed ' +
          'is false and denied is false, then the authorizer has no opinion on whether to authorize the action.',
      }),
      reason: withSchema(t.string, {
        description: 'Reason is optional. It indicates why a request was allowed or denied.',
      }),
      evaluationError: withSchema(t.string, {
        description:
          'EvaluationError is an indication that some error occurred during the authorization check. ' +
          'It is entirely possible to get an error and be able to continue determine authorization status in spite of it.',
      }),
    }),
  ]),
  { description: 'SubjectAccessReviewStatus' },
  'SubjectAccessReviewStatus',
);

/** An access review's answer, as {@link SubjectAccessReviewStatus} decodes it. */
export type SubjectAccessReviewStatus = t.TypeOf<typeof SubjectAccessReviewStatus>;
