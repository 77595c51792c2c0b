/**
 * `authorizationv1.SubjectAccessReview`: asks whether a given user or group can perform
 * an action.
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
 * The codec of `authorizationv1.SubjectAccessReviewSpec`: the request's attributes
 * (`resourceAttributes` or `nonResourceAttributes`, exactly one, which validation
 * checks) and the subject (`user`, `groups`, `extra`, `uid`), all optional.
 */
export const SubjectAccessReviewSpec = withSchema(
  t.partial({
    resourceAttributes: withSchema(ResourceAttributes, {
      description:
        'ResourceAuthorizationAttributes describes information for a resource access request.',
    }),
    nonResourceAttributes: withSchema(NonResourceAttributes, {
      description: 'NonResourceAttributes describes information for a non-resource access request.',
    }),
    user: withSchema(t.string, {
      description:
        'User is the user you\'re testing for. If you specify "User" but not "Groups", then is it ' +
        'interpreted as "What if User were not a member of any groups".',
    }),
    groups: withSchema(t.array(t.string), {
      description: "Groups is the groups you're testing for.",
      'x-kubernetes-list-type': 'atomic',
    }),
    extra: withSchema(t.record(t.string, t.array(t.string)), {
      description:
        'Extra corresponds to the user.Info.GetExtra() method from the authenticator. Since that is ' +
        'input to the authorizer it needs a reflection here.',
    }),
    uid: withSchema(t.string, {
      description: 'UID information about the requesting user.',
    }),
  }),
  {
    description:
      'SubjectAccessReviewSpec is a description of the access request. Exactly one of ' +
      'ResourceAuthorizationAttributes and NonResourceAuthorizationAttributes must be set.',
  },
  'SubjectAccessReviewSpec',
);

/** A subject access review's question, as {@link SubjectAccessReviewSpec} decodes it. */
export type SubjectAccessReviewSpec = t.TypeOf<typeof SubjectAccessReviewSpec>;

/**
 * The codec of `authorizationv1.SubjectAccessReview` (`authorization.k8s.io/v1`,
 * cluster-scoped): `spec` is required, `metadata` and `status` are optional.
 * `apiVersion` and `kind` are the literals `authorization.k8s.io/v1` and
 * `SubjectAccessReview`, optional in request bodies.
 *
 * A review is only ever created (the response carries `status`), never stored or
 * listed, so it has no list, as upstream.
 */
export const SubjectAccessReview = withSchema(
  t.intersection([
    t.partial({
      ...typeMetaOf('authorization.k8s.io/v1', 'SubjectAccessReview'),
      metadata: ObjectMeta,
    }),
    t.type({
      spec: withSchema(SubjectAccessReviewSpec, {
        description: 'Spec holds information about the request being evaluated.',
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
    description: 'SubjectAccessReview checks whether or not a user or group can perform an action.',
  },
  'SubjectAccessReview',
);

/** A subject access review, as {@link SubjectAccessReview} decodes it. */
export type SubjectAccessReview = t.TypeOf<typeof SubjectAccessReview>;
