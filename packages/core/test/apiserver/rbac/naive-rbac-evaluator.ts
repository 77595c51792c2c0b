import type { PolicyRule, Subject } from '../../../src/api/kinds/rbac-v1/index.js';
import type {
  AuthorizationAttributes,
  RbacObject,
  UserInfo,
} from '../../../src/apiserver/rbac/index.js';

/**
 * A reference evaluator written straight from upstream's `rbac.go` and
 * `evaluation_helpers.go`, scanning every binding and building strings freely: the
 * index must agree with it.
 */
export function naiveAllows(
  objects: readonly RbacObject[],
  attributes: AuthorizationAttributes,
): boolean {
  if (attributes.user.groups.includes('system:masters')) {
    return true;
  }
  return naiveApplicableRules(objects, attributes.user, requestNamespace(attributes)).some((rule) =>
    naiveRuleAllows(attributes, rule),
  );
}

/** Every rule of every binding that applies to the user in the namespace (`''`: cluster only). */
export function naiveApplicableRules(
  objects: readonly RbacObject[],
  who: UserInfo,
  namespace: string,
): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const object of objects) {
    if (object.kind === 'ClusterRoleBinding') {
      if ((object.subjects ?? []).some((subject) => applies(subject, who, ''))) {
        rules.push(...(roleRules(objects, object.roleRef, '') ?? []));
      }
    }
  }
  if (namespace === '') {
    return rules;
  }
  for (const object of objects) {
    if (object.kind === 'RoleBinding' && (object.metadata?.namespace ?? '') === namespace) {
      if ((object.subjects ?? []).some((subject) => applies(subject, who, namespace))) {
        rules.push(...(roleRules(objects, object.roleRef, namespace) ?? []));
      }
    }
  }
  return rules;
}

function requestNamespace(attributes: AuthorizationAttributes): string {
  return attributes.resourceRequest ? (attributes.namespace ?? '') : '';
}

function roleRules(
  objects: readonly RbacObject[],
  roleRef: { readonly kind: string; readonly name: string },
  namespace: string,
): readonly PolicyRule[] | undefined {
  const found = objects.find(
    (object) =>
      object.kind === roleRef.kind &&
      (object.metadata?.name ?? '') === roleRef.name &&
      (object.kind === 'ClusterRole' || (object.metadata?.namespace ?? '') === namespace),
  );
  return found !== undefined && (found.kind === 'Role' || found.kind === 'ClusterRole')
    ? (found.rules ?? [])
    : undefined;
}

function applies(subject: Subject, who: UserInfo, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === who.name;
    case 'Group':
      return who.groups.includes(subject.name);
    case 'ServiceAccount': {
      const namespace =
        subject.namespace !== undefined && subject.namespace !== ''
          ? subject.namespace
          : bindingNamespace;
      return namespace !== '' && who.name === `system:serviceaccount:${namespace}:${subject.name}`;
    }
    default:
      return false;
  }
}

function naiveRuleAllows(attributes: AuthorizationAttributes, rule: PolicyRule): boolean {
  const has = (values: readonly string[] | undefined, value: string): boolean =>
    (values ?? []).some((candidate) => candidate === '*' || candidate === value);
  if (!has(rule.verbs, attributes.verb)) {
    return false;
  }
  if (!attributes.resourceRequest) {
    const path = attributes.path ?? '';
    return (rule.nonResourceURLs ?? []).some(
      (url) =>
        url === '*' ||
        url === path ||
        (url.endsWith('*') && path.startsWith(url.replace(/\*+$/, ''))),
    );
  }
  const resource = attributes.resource ?? '';
  const subresource = attributes.subresource ?? '';
  const combined = subresource === '' ? resource : `${resource}/${subresource}`;
  const name = attributes.name ?? '';
  const resourceOk = (rule.resources ?? []).some(
    (candidate) =>
      candidate === '*' ||
      candidate === combined ||
      (subresource !== '' && candidate === `*/${subresource}`),
  );
  const names = rule.resourceNames ?? [];
  const nameOk = names.length === 0 || (name !== '' && names.includes(name));
  return has(rule.apiGroups, attributes.apiGroup ?? '') && resourceOk && nameOk;
}
