/**
 * Whom a binding's subject names, as upstream's `appliesToUser`.
 *
 * @module
 */
import type { Subject } from '../../api/kinds/rbac-v1/index.js';
import { serviceAccountUsername, type UserInfo } from './user-info.js';

/**
 * The user name or group a subject stands for, or `undefined` when it can stand for
 * nobody:
 * - `User`: that user name;
 * - `Group`: that group;
 * - `ServiceAccount`: the user `system:serviceaccount:<ns>:<name>`, where `<ns>` is the
 *   subject's namespace or, when empty, the binding's (`''` for a
 *   ClusterRoleBinding, where such a subject names nobody);
 * - any other kind: nobody.
 *
 * The subject's `apiGroup` is not checked, as upstream.
 */
export type SubjectIdentity =
  | { readonly kind: 'user'; readonly name: string }
  | { readonly kind: 'group'; readonly name: string };

/** The identity a subject of a binding in `bindingNamespace` stands for; see {@link SubjectIdentity}. */
export function subjectIdentity(
  subject: Subject,
  bindingNamespace: string,
): SubjectIdentity | undefined {
  switch (subject.kind) {
    case 'User':
      return { kind: 'user', name: subject.name };
    case 'Group':
      return { kind: 'group', name: subject.name };
    case 'ServiceAccount': {
      const namespace =
        subject.namespace === undefined || subject.namespace === ''
          ? bindingNamespace
          : subject.namespace;
      return namespace === ''
        ? undefined
        : { kind: 'user', name: serviceAccountUsername({ namespace, name: subject.name }) };
    }
    default:
      return undefined;
  }
}

/**
 * Whether a subject of a binding in `bindingNamespace` (`''` for a ClusterRoleBinding)
 * applies to the user: by name for users and service accounts, by membership for
 * groups.
 */
export function subjectAppliesTo(args: {
  readonly subject: Subject;
  readonly bindingNamespace: string;
  readonly user: UserInfo;
}): boolean {
  const identity = subjectIdentity(args.subject, args.bindingNamespace);
  if (identity === undefined) {
    return false;
  }
  return identity.kind === 'user'
    ? identity.name === args.user.name
    : args.user.groups.includes(identity.name);
}

/**
 * The subject as upstream's RBAC reasons name it: `User "alice"`, `Group "devs"`, or a
 * service account as `ServiceAccount "name/namespace"` (the binding's namespace when
 * the subject has none).
 */
export function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') {
    const namespace =
      subject.namespace === undefined || subject.namespace === ''
        ? bindingNamespace
        : subject.namespace;
    return `${subject.kind} ${JSON.stringify(`${subject.name}/${namespace}`)}`;
  }
  return `${subject.kind} ${JSON.stringify(subject.name)}`;
}
