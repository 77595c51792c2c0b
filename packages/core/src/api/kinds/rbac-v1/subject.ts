/**
 * `rbacv1.Subject`: who a binding grants its role to.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';

/**
 * The codec of `rbacv1.Subject`: `kind` and `name` (required), `apiGroup` and
 * `namespace` (optional).
 *
 * `kind` is an open string, as upstream: `User`, `Group` and `ServiceAccount` are the
 * kinds RBAC knows, and a binding to any other kind grants nothing. A ServiceAccount
 * subject without a `namespace` in a RoleBinding means the binding's namespace.
 */
export const Subject = withSchema(
  t.intersection([
    t.type({
      kind: withSchema(t.string, {
        description:
          'Kind of object being referenced. Values defined by this API group are "User", "Group", and ' +
          '"ServiceAccount". If the Authorizer does not recognize the kind value, it should report an error.',
      }),
      name: withSchema(t.string, { description: 'Name of the object being referenced.' }),
    }),
    t.partial({
      apiGroup: withSchema(t.string, {
        description:
          'APIGroup holds the API group of the referenced subject. Defaults to "" for ServiceAccount ' +
          'subjects and to "rbac.authorization.k8s.io" for User and Group subjects.',
      }),
      namespace: withSchema(t.string, {
        description:
          'Namespace of the referenced object. If the object kind is non-namespaced, such as "User" ' +
          'or "Group", and this value is not empty the Authorizer should report an error.',
      }),
    }),
  ]),
  {
    description:
      'Subject contains a reference to the object or user identities a role binding applies to: an ' +
      'API object reference, or a value for non-objects such as user and group names.',
    'x-kubernetes-map-type': 'atomic',
  },
  'Subject',
);

/** A binding's subject, as {@link Subject} decodes it. */
export type Subject = t.TypeOf<typeof Subject>;
