/**
 * `rbacv1.ClusterRoleBinding`: grants a ClusterRole to subjects in every namespace and
 * at the cluster scope.
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
 * The codec of `rbacv1.ClusterRoleBinding` (`rbac.authorization.k8s.io/v1`,
 * cluster-scoped): `roleRef` (required, a ClusterRole), `metadata` and `subjects`
 * (optional). `apiVersion` and `kind` are the literals `rbac.authorization.k8s.io/v1`
 * and `ClusterRoleBinding`, optional in request bodies.
 */
export const ClusterRoleBinding = withSchema(
  t.intersection([
    t.partial({
      ...typeMetaOf('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'),
      metadata: ObjectMeta,
      subjects: withSchema(t.array(Subject), {
        description: 'Subjects holds references to the objects the role applies to.',
        'x-kubernetes-list-type': 'atomic',
      }),
    }),
    t.type({
      roleRef: withSchema(RoleRef, {
        description:
          'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot ' +
          'be resolved, the Authorizer must return an error. This field is immutable.',
      }),
    }),
  ]),
  {
    description:
      'ClusterRoleBinding references a ClusterRole, but does not contain it. It can reference a ' +
      'ClusterRole in the global namespace, and adds who information via Subject.',
  },
  'ClusterRoleBinding',
);

/** A cluster role binding, as {@link ClusterRoleBinding} decodes it. */
export type ClusterRoleBinding = t.TypeOf<typeof ClusterRoleBinding>;

/** The codec of `rbacv1.ClusterRoleBindingList`. */
export const ClusterRoleBindingList = listOf({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRoleBindingList',
  item: ClusterRoleBinding,
  description: 'ClusterRoleBindingList is a collection of ClusterRoleBindings.',
});

/** A list of cluster role bindings, as {@link ClusterRoleBindingList} decodes it. */
export type ClusterRoleBindingList = t.TypeOf<typeof ClusterRoleBindingList>;
