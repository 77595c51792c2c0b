/**
 * `metav1.OwnerReference`: a dependent's link to the object that owns it.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../codec/index.js';

/**
 * The codec of `metav1.OwnerReference`: `apiVersion`, `kind`, `name` and `uid` are
 * required; `controller` and `blockOwnerDeletion` are optional. Atomic for server-side
 * apply (`x-kubernetes-map-type: atomic`, upstream's `+structType=atomic`).
 */
export const OwnerReference = withSchema(
  t.intersection([
    t.type({
      apiVersion: withSchema(t.string, { description: 'API version of the referent.' }),
      kind: withSchema(t.string, { description: 'Kind of the referent.' }),
      name: withSchema(t.string, { description: 'Name of the referent.' }),
      uid: withSchema(t.string, { description: 'UID of the referent.' }),
    }),
    t.partial({
      controller: withSchema(t.boolean, {
        description: 'If true, this reference points to the managing controller.',
      }),
      blockOwnerDeletion: withSchema(t.boolean, {
        description:
          'If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be ' +
          'deleted from the key-value store until this reference is removed. Defaults to false.',
      }),
    }),
  ]),
  {
    description:
      'OwnerReference contains enough information to let you identify an owning object. ' +
      'An owning object must be in the same namespace as the dependent, or be cluster-scoped, so there is no namespace field.',
    'x-kubernetes-map-type': 'atomic',
  },
  'OwnerReference',
);

/** A reference from a dependent to its owner, as {@link OwnerReference} decodes it. */
export type OwnerReference = t.TypeOf<typeof OwnerReference>;
