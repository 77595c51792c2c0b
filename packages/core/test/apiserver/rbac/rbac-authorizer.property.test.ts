import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { PolicyRule, Subject } from '../../../src/api/kinds/rbac-v1/index.js';
import {
  RbacAuthorizer,
  type AuthorizationAttributes,
  type RbacObject,
  type UserInfo,
} from '../../../src/apiserver/rbac/index.js';
import { naiveAllows, naiveApplicableRules } from './naive-rbac-evaluator.js';

const NAMESPACES = ['n1', 'n2'] as const;
const USERS = ['u1', 'system:serviceaccount:n1:s1'] as const;
const GROUPS = ['g1', 'g2'] as const;
const API_VERSION = 'rbac.authorization.k8s.io/v1';

const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

const policyRule: fc.Arbitrary<PolicyRule> = fc.record(
  {
    verbs: subset(['get', 'list', 'create', 'update', '*']),
    apiGroups: subset(['', 'apps', '*']),
    resources: subset(['pods', 'pods/log', '*/log', '*/status', 'deployments', '*']),
    resourceNames: subset(['a', 'b']),
    nonResourceURLs: subset(['/healthz', '/api*', '/api/v1', '*']),
  },
  { requiredKeys: ['verbs'] },
);

const subject: fc.Arbitrary<Subject> = fc.oneof(
  fc.record({ kind: fc.constant('User'), name: fc.constantFrom('u1', 'u2') }),
  fc.record({ kind: fc.constant('Group'), name: fc.constantFrom(...GROUPS) }),
  fc.record(
    {
      kind: fc.constant('ServiceAccount'),
      name: fc.constantFrom('s1'),
      namespace: fc.constantFrom('', ...NAMESPACES),
    },
    { requiredKeys: ['kind', 'name'] },
  ),
  fc.record({ kind: fc.constant('Robot'), name: fc.constant('u1') }),
);

const roleRef = fc.record({
  apiGroup: fc.constant('rbac.authorization.k8s.io'),
  kind: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('Role', 'ClusterRole') },
    { weight: 1, arbitrary: fc.constant('Policy') },
  ),
  name: fc.constantFrom('r1', 'r2'),
});

const rbacObject: fc.Arbitrary<RbacObject> = fc.oneof(
  fc.record({
    apiVersion: fc.constant(API_VERSION),
    kind: fc.constant('ClusterRole' as const),
    metadata: fc.record({ name: fc.constantFrom('r1', 'r2') }),
    rules: fc.array(policyRule, { maxLength: 3 }),
  }),
  fc.record({
    apiVersion: fc.constant(API_VERSION),
    kind: fc.constant('Role' as const),
    metadata: fc.record({
      name: fc.constantFrom('r1', 'r2'),
      namespace: fc.constantFrom(...NAMESPACES),
    }),
    rules: fc.array(policyRule, { maxLength: 3 }),
  }),
  fc.record({
    apiVersion: fc.constant(API_VERSION),
    kind: fc.constant('ClusterRoleBinding' as const),
    metadata: fc.record({ name: fc.constantFrom('b1', 'b2', 'b3') }),
    roleRef,
    subjects: fc.array(subject, { maxLength: 3 }),
  }),
  fc.record({
    apiVersion: fc.constant(API_VERSION),
    kind: fc.constant('RoleBinding' as const),
    metadata: fc.record({
      name: fc.constantFrom('b1', 'b2'),
      namespace: fc.constantFrom(...NAMESPACES),
    }),
    roleRef,
    subjects: fc.array(subject, { maxLength: 3 }),
  }),
);

/** A change to the cluster: an object upserted, or removed. */
const change = fc.record({
  remove: fc.integer({ min: 0, max: 4 }).map((draw) => draw === 0),
  object: rbacObject,
});

const userInfo: fc.Arbitrary<UserInfo> = fc.record({
  name: fc.constantFrom(...USERS, 'u3'),
  groups: subset(GROUPS).chain((groups) =>
    fc.oneof(
      { weight: 9, arbitrary: fc.constant(groups) },
      { weight: 1, arbitrary: fc.constant([...groups, 'system:masters']) },
    ),
  ),
});

const request: fc.Arbitrary<AuthorizationAttributes> = fc.oneof(
  fc.record(
    {
      user: userInfo,
      verb: fc.constantFrom('get', 'list', 'create', 'update', 'delete'),
      resourceRequest: fc.constant(true),
      namespace: fc.constantFrom('', ...NAMESPACES),
      apiGroup: fc.constantFrom('', 'apps'),
      resource: fc.constantFrom('pods', 'deployments', 'nodes'),
      subresource: fc.constantFrom('', 'log', 'status'),
      name: fc.constantFrom('', 'a', 'b', 'c'),
    },
    { requiredKeys: ['user', 'verb', 'resourceRequest'] },
  ),
  fc.record({
    user: userInfo,
    verb: fc.constantFrom('get', 'post'),
    resourceRequest: fc.constant(false),
    namespace: fc.constantFrom('', ...NAMESPACES),
    path: fc.constantFrom('/healthz', '/api', '/api/v1', '/apis', '/healthz/ready'),
  }),
);

/** What the cluster holds after the changes: the last upsert of each object not removed since. */
function applyChanges(
  changes: readonly { readonly remove: boolean; readonly object: RbacObject }[],
): RbacObject[] {
  const held = new Map<string, RbacObject>();
  for (const { remove, object } of changes) {
    const key = `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
    if (remove) {
      held.delete(key);
    } else {
      held.set(key, object);
    }
  }
  return [...held.values()];
}

function replay(
  changes: readonly { readonly remove: boolean; readonly object: RbacObject }[],
): RbacAuthorizer {
  const rbac = new RbacAuthorizer();
  for (const { remove, object } of changes) {
    if (remove) {
      rbac.remove(object);
    } else {
      rbac.upsert(object);
    }
  }
  return rbac;
}

describe('RbacAuthorizer against a naive evaluator', () => {
  it('allows exactly what a scan of every binding allows, after any upserts and removals', () => {
    fc.assert(
      fc.property(
        fc.array(change, { minLength: 4, maxLength: 30 }),
        fc.array(request, { minLength: 1, maxLength: 10 }),
        (changes, requests) => {
          const rbac = replay(changes);
          const objects = applyChanges(changes);
          for (const attributes of requests) {
            const decision = rbac.authorize(attributes);
            expect(decision.allowed).toBe(naiveAllows(objects, attributes));
            const bySuperuser = attributes.user.groups.includes('system:masters');
            const reasonNamesBinding = /^RBAC: allowed by (Cluster)?RoleBinding "/.test(
              decision.reason,
            );
            expect(!decision.allowed || bySuperuser || reasonNamesBinding).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('lists the same rules as a scan of every binding, in any order', () => {
    const sorted = (rules: readonly PolicyRule[]) =>
      rules.map((rule) => JSON.stringify(rule)).sort();
    fc.assert(
      fc.property(
        fc.array(change, { minLength: 4, maxLength: 30 }),
        userInfo,
        fc.constantFrom('', ...NAMESPACES),
        (changes, who, namespace) => {
          const rbac = replay(changes);
          expect(sorted(rbac.rulesFor(who, namespace))).toStrictEqual(
            sorted(naiveApplicableRules(applyChanges(changes), who, namespace)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
