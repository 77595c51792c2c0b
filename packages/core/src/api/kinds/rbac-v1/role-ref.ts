/**
 * `rbacv1.RoleRef`: which role a binding grants.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';

/**
 * The codec of `rbacv1.RoleRef`: `apiGroup` (`rbac.authorization.k8s.io`), `kind`
 * (`Role` or `ClusterRole`) and `name`, all required. Immutable once the binding
 * exists (the apiserver's business, not decoding's).
 */
export const RoleRef = withSchema(
  t.type({
    apiGroup: withSchema(t.string, {
      description: 'APIGroup is the group for the resource being referenced',
    }),
    kind: withSchema(t.string, { description: 'Kind is the type of resource being referenced' }),
    name: withSchema(t.string, { description: 'Name is the name of resource being referenced' }),
  }),
  {
    description: 'RoleRef contains information that points to the role being used',
    'x-kubernetes-map-type': 'atomic',
  },
  'RoleRef',
);

/** A role reference, as {@link RoleRef} decodes it. */
export type RoleRef = t.TypeOf<typeof RoleRef>;
