/**
 * `authorizationv1.SelfSubjectAccessReview`: asks whether the requesting user can
 * perform an action (`kubectl auth can-i`).
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { typeMetaOf } from '../kind-codec.js';
import {
  NonResourceAttributes,
  ResourceAttributes,
  SubjectAccessReviewStatus,
} from './access-review-attributes.js';

/**
 * The codec of `authorizationv1.SelfSubjectAccessReviewSpec`: the request's attributes,
 * `resourceAttributes` or `nonResourceAttributes` (exactly one, which validation
 * checks), both optional here. The subject is the requester.
 */
export const SelfSubjectAccessReviewSpec = withSchema(
  t.partial({
    resourceAttributes: withSchema(ResourceAttributes, {
      description:
        'ResourceAuthorizationAttributes describes information for a resource access request.',
    }),
    nonResourceAttributes: withSchema(NonResourceAttributes, {
      description: 'NonResourceAttributes describes information for a non-resource access request.',
    }),
  }),
  {
    description:
      'SelfSubjectAccessReviewSpec is a description of the access request. Exactly one of ' +
      'ResourceAuthorizationAttributes and NonResourceAuthorizationAttributes must be set.',
  },
  'SelfSubjectAccessReviewSpec',
);

/** A self subject access review's question, as {@link SelfSubjectAccessReviewSpec} decodes it. */
export type SelfSubjectAccessReviewSpec = t.TypeOf<typeof SelfSubjectAccessReviewSpec>;

/**
 * The codec of `authorizationv1.SelfSubjectAccessReview` (`authorization.k8s.io/v1`,
 * cluster-scoped): `spec` is required, `metadata` and `status` are optional.
 * `apiVersion` and `kind` are the literals `authorization.k8s.io/v1` and
 * `SelfSubjectAccessReview`, optional in request bodies. Create-only, so no list, as
 * upstream.
 */
export const SelfSubjectAccessReview = withSchema(
  t.intersection([
    t.partial({
      ...typeMetaOf('authorization.k8s.io/v1', 'SelfSubjectAccessReview'),
      metadata: ObjectMeta,
    }),
    t.type({
      spec: withSchema(SelfSubjectAccessReviewSpec, {
        description:
          'Spec holds information about the request being evaluated. user and groups must be empty.',
      }),
    }),
    t.partial({
      status: withSchema(SubjectAccessReviewStatus, {
        description:
          'Status is filled in by the server and indicates whether the request is allowed or not.',
      }),
    }),
  ]),
  {
    description:
      'SelfSubjectAccessReview checks whether or the current user can perform an action. Not filling ' +
      'in a spec.namespace means "in all namespaces".',
  },
  'SelfSubjectAccessReview',
);

/** A self subject access review, as {@link SelfSubjectAccessReview} decodes it. */
export type SelfSubjectAccessReview = t.TypeOf<typeof SelfSubjectAccessReview>;
