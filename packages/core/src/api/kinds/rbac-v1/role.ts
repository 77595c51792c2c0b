/**
 * `rbacv1.Role`: a namespaced set of policy rules, granted by RoleBindings in its
 * namespace.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';
import { PolicyRules } from './policy-rule.js';

/**
 * The codec of `rbacv1.Role` (`rbac.authorization.k8s.io/v1`, namespaced): `metadata`
 * and `rules` (a list of {@link PolicyRule}s, or `null` as Go writes an empty one),
 * both optional. `apiVersion` and `kind` are the literals
 * `rbac.authorization.k8s.io/v1` and `Role`, optional in request bodies.
 */
export const Role = withSchema(
  t.partial({
    ...typeMetaOf('rbac.authorization.k8s.io/v1', 'Role'),
    metadata: ObjectMeta,
    rules: withSchema(PolicyRules, {
      description: 'Rules holds all the PolicyRules for this Role',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  {
    description:
      'Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.',
  },
  'Role',
);

/** A role, as {@link Role} decodes it. */
export type Role = t.TypeOf<typeof Role>;

/** The codec of `rbacv1.RoleList`. */
export const RoleList = listOf({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleList',
  item: Role,
  description: 'RoleList is a collection of Roles.',
});

/** A list of roles, as {@link RoleList} decodes it. */
export type RoleList = t.TypeOf<typeof RoleList>;
