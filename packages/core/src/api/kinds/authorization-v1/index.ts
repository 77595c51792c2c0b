/**
 * The `authorization.k8s.io/v1` API group's access reviews as codecs:
 * {@link SubjectAccessReview} and {@link SelfSubjectAccessReview} (create-only, so
 * without lists), their specs, {@link ResourceAttributes},
 * {@link NonResourceAttributes} and {@link SubjectAccessReviewStatus}.
 *
 * @module
 */
export {
  NonResourceAttributes,
  ResourceAttributes,
  SubjectAccessReviewStatus,
} from './access-review-attributes.js';
export {
  SelfSubjectAccessReview,
  SelfSubjectAccessReviewSpec,
} from './self-subject-access-review.js';
export { SubjectAccessReview, SubjectAccessReviewSpec } from './subject-access-review.js';
