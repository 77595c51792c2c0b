/**
 * `rbacv1.RoleBinding`: grants a Role or ClusterRole to subjects within one namespace.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';
import { RoleRef } from './role-ref.js';
import { Subject } from './subject.js';

/**
 * The codec of `rbacv1.RoleBinding` (`rbac.authorization.k8s.io/v1`, namespaced):
 * `roleRef` (required), `metadata` and `subjects` (optional). `apiVersion` and `kind`
 * are the literals `rbac.authorization.k8s.io/v1` and `RoleBinding`, optional in
 * request bodies.
 *
 * The binding only has effect in its own namespace; its `roleRef` names a Role of that
 * namespace or a ClusterRole.
 */
export const RoleBinding = withSchema(
  t.intersection([
    t.partial({
      ...typeMetaOf('rbac.authorization.k8s.io/v1', 'RoleBinding'),
      metadata: ObjectMeta,
      subjects: withSchema(t.array(Subject), {
        description: 'Subjects holds references to the objects the role applies to.',
        'x-kubernetes-list-type': 'atomic',
      }),
    }),
    t.type({
      roleRef: withSchema(RoleRef, {
        description:
          'RoleRef can reference a Role in the current namespace or a ClusterRole in the global ' +
          'namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. ' +
          'This field is immutable.',
      }),
    }),
  ]),
  {
    description:
      'RoleBinding references a role, but does not contain it. It can reference a Role in the same ' +
      'namespace or a ClusterRole in the global namespace, and only has effect in its own namespace.',
  },
  'RoleBinding',
);

/** A role binding, as {@link RoleBinding} decodes it. */
export type RoleBinding = t.TypeOf<typeof RoleBinding>;

/** The codec of `rbacv1.RoleBindingList`. */
export const RoleBindingList = listOf({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBindingList',
  item: RoleBinding,
  description: 'RoleBindingList is a collection of RoleBindings.',
});

/** A list of role bindings, as {@link RoleBindingList} decodes it. */
export type RoleBindingList = t.TypeOf<typeof RoleBindingList>;
