import { describe, expect, it } from '@jest/globals';
import {
  RbacAuthorizer,
  type AuthorizationAttributes,
  type RbacObject,
} from '../../../src/apiserver/rbac/index.js';
import {
  clusterRole,
  clusterRoleBinding,
  groupSubject,
  pathRequest,
  resourceRequest,
  role,
  roleBinding,
  serviceAccountSubject,
  user,
  userSubject,
} from './rbac-fixtures.js';

const POD_READER = clusterRole('pod-reader', [
  { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
]);
const SECRET_READER = role('default', 'secret-reader', [
  { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
]);
const READ_SECRETS = roleBinding(
  'default',
  'read-secrets',
  { kind: 'Role', name: 'secret-reader' },
  [userSubject('bob')],
);

/** A small cluster: one object per combination the table exercises. */
const OBJECTS: readonly RbacObject[] = [
  POD_READER,
  clusterRole('log-reader', [{ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }]),
  clusterRole('status-writer', [
    { apiGroups: ['*'], resources: ['*/status'], verbs: ['update', 'patch'] },
  ]),
  clusterRole('apps-admin', [{ apiGroups: ['apps'], resources: ['*'], verbs: ['*'] }]),
  clusterRole('web-deployer', [
    {
      apiGroups: ['apps'],
      resources: ['deployments'],
      resourceNames: ['web'],
      verbs: ['get', 'list', 'watch', 'create', 'update', 'delete', 'deletecollection'],
    },
  ]),
  clusterRole('health-checker', [{ nonResourceURLs: ['/healthz', '/livez*'], verbs: ['get'] }]),
  clusterRole('namespace-creator', [
    { apiGroups: [''], resources: ['namespaces'], verbs: ['create'] },
  ]),
  SECRET_READER,
  role('default', 'config-editor', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['*'] }]),
  clusterRoleBinding('read-pods-everywhere', 'pod-reader', [userSubject('alice')]),
  clusterRoleBinding('health', 'health-checker', [groupSubject('system:authenticated')]),
  clusterRoleBinding('status-writers', 'status-writer', [groupSubject('controllers')]),
  clusterRoleBinding('namespace-creators', 'namespace-creator', [userSubject('nina')]),
  clusterRoleBinding('namespace-less-sa', 'pod-reader', [serviceAccountSubject('ghost')]),
  READ_SECRETS,
  roleBinding('default', 'read-logs', { kind: 'ClusterRole', name: 'log-reader' }, [
    userSubject('bob'),
  ]),
  roleBinding('default', 'apps-admins', { kind: 'ClusterRole', name: 'apps-admin' }, [
    groupSubject('devs'),
  ]),
  roleBinding('default', 'deployer', { kind: 'ClusterRole', name: 'web-deployer' }, [
    serviceAccountSubject('deployer'),
  ]),
  roleBinding('default', 'builders', { kind: 'Role', name: 'config-editor' }, [
    serviceAccountSubject('builder', 'ci'),
  ]),
  roleBinding('default', 'health-in-namespace', { kind: 'ClusterRole', name: 'health-checker' }, [
    userSubject('hal'),
  ]),
  roleBinding('other', 'read-pods-in-other', { kind: 'ClusterRole', name: 'pod-reader' }, [
    userSubject('dave'),
  ]),
];

const authenticated = (name: string, ...groups: string[]) =>
  user(name, [...groups, 'system:authenticated']);
const serviceAccount = (namespace: string, name: string) =>
  user(`system:serviceaccount:${namespace}:${name}`, [
    'system:serviceaccounts',
    `system:serviceaccounts:${namespace}`,
    'system:authenticated',
  ]);

const alice = authenticated('alice');
const bob = authenticated('bob');
const dave = authenticated('dave');
const erin = authenticated('erin', 'devs');
const hal = user('hal');
const kcm = user('kube-controller-manager', ['controllers']);
const nina = authenticated('nina');
const root = user('root', ['system:masters']);
const anonymous = user('system:anonymous', ['system:unauthenticated']);
const deployer = serviceAccount('default', 'deployer');
const builder = serviceAccount('ci', 'builder');
const localBuilder = serviceAccount('default', 'builder');
const ghost = serviceAccount('default', 'ghost');

interface Case {
  readonly behaviour: string;
  readonly request: AuthorizationAttributes;
  readonly allowed: boolean;
}

const core = (resource: string, extra: Partial<AuthorizationAttributes> = {}) => ({
  apiGroup: '',
  resource,
  ...extra,
});
const apps = (resource: string, extra: Partial<AuthorizationAttributes> = {}) => ({
  apiGroup: 'apps',
  resource,
  ...extra,
});
const inDefault = { namespace: 'default' };

const CASES: readonly Case[] = [
  // ClusterRole through a ClusterRoleBinding: every namespace and the cluster scope.
  {
    behaviour: 'a ClusterRoleBinding lets alice list pods in default',
    request: resourceRequest(alice, 'list', core('pods', inDefault)),
    allowed: true,
  },
  {
    behaviour: 'a ClusterRoleBinding lets alice get a pod in another namespace',
    request: resourceRequest(alice, 'get', core('pods', { namespace: 'other', name: 'web-0' })),
    allowed: true,
  },
  {
    behaviour: 'a ClusterRoleBinding lets alice watch pods across namespaces',
    request: resourceRequest(alice, 'watch', core('pods')),
    allowed: true,
  },
  {
    behaviour: 'alice may not delete pods: the verb is not granted',
    request: resourceRequest(alice, 'delete', core('pods', { ...inDefault, name: 'web-0' })),
    allowed: false,
  },
  {
    behaviour: 'alice may not read pods/log: "pods" does not cover subresources',
    request: resourceRequest(
      alice,
      'get',
      core('pods', { ...inDefault, subresource: 'log', name: 'web-0' }),
    ),
    allowed: false,
  },
  {
    behaviour: 'alice may not list apps pods: the group is not granted',
    request: resourceRequest(alice, 'list', apps('pods', inDefault)),
    allowed: false,
  },
  // Role through a RoleBinding: its namespace only.
  {
    behaviour: 'a RoleBinding to a Role lets bob get a secret in its namespace',
    request: resourceRequest(bob, 'get', core('secrets', { ...inDefault, name: 'token' })),
    allowed: true,
  },
  {
    behaviour: 'a RoleBinding in default grants nothing in another namespace',
    request: resourceRequest(bob, 'get', core('secrets', { namespace: 'other', name: 'token' })),
    allowed: false,
  },
  {
    behaviour: 'a RoleBinding grants nothing at the cluster scope',
    request: resourceRequest(bob, 'get', core('secrets', { name: 'token' })),
    allowed: false,
  },
  {
    behaviour: 'bob may not list secrets: only get is granted',
    request: resourceRequest(bob, 'list', core('secrets', inDefault)),
    allowed: false,
  },
  // ClusterRole through a RoleBinding.
  {
    behaviour: 'a RoleBinding to a ClusterRole lets bob read pods/log in its namespace',
    request: resourceRequest(
      bob,
      'get',
      core('pods', { ...inDefault, subresource: 'log', name: 'web-0' }),
    ),
    allowed: true,
  },
  {
    behaviour: 'a rule for pods/log does not cover the pods themselves',
    request: resourceRequest(bob, 'get', core('pods', { ...inDefault, name: 'web-0' })),
    allowed: false,
  },
  {
    behaviour: 'a RoleBinding to a ClusterRole grants nothing in another namespace',
    request: resourceRequest(
      bob,
      'get',
      core('pods', { namespace: 'other', subresource: 'log', name: 'web-0' }),
    ),
    allowed: false,
  },
  {
    behaviour: 'a RoleBinding in another namespace lets dave list pods there',
    request: resourceRequest(dave, 'list', core('pods', { namespace: 'other' })),
    allowed: true,
  },
  {
    behaviour: 'a RoleBinding in another namespace does not let dave list pods in default',
    request: resourceRequest(dave, 'list', core('pods', inDefault)),
    allowed: false,
  },
  // */subresource and * resources, through groups.
  {
    behaviour: '*/status lets a controller update deployments/status in any group',
    request: resourceRequest(
      kcm,
      'update',
      apps('deployments', { ...inDefault, subresource: 'status', name: 'web' }),
    ),
    allowed: true,
  },
  {
    behaviour: '*/status lets a controller patch a node status at the cluster scope',
    request: resourceRequest(
      kcm,
      'patch',
      core('nodes', { subresource: 'status', name: 'node-1' }),
    ),
    allowed: true,
  },
  {
    behaviour: '*/status does not cover the resource itself',
    request: resourceRequest(kcm, 'update', core('nodes', { name: 'node-1' })),
    allowed: false,
  },
  {
    behaviour: '*/status does not cover another subresource',
    request: resourceRequest(
      kcm,
      'update',
      apps('deployments', { ...inDefault, subresource: 'scale', name: 'web' }),
    ),
    allowed: false,
  },
  {
    behaviour: '*/status does not cover a subresource that only starts with status',
    request: resourceRequest(
      kcm,
      'update',
      core('pods', { ...inDefault, subresource: 'statusx', name: 'p' }),
    ),
    allowed: false,
  },
  {
    behaviour: 'resources * and verbs * let a group member create any apps resource',
    request: resourceRequest(erin, 'create', apps('deployments', inDefault)),
    allowed: true,
  },
  {
    behaviour: 'resources * covers subresources',
    request: resourceRequest(
      erin,
      'update',
      apps('deployments', { ...inDefault, subresource: 'scale', name: 'web' }),
    ),
    allowed: true,
  },
  {
    behaviour: 'verbs * covers any verb, even an unusual one',
    request: resourceRequest(erin, 'deletecollection', apps('replicasets', inDefault)),
    allowed: true,
  },
  {
    behaviour: 'a group grant through a RoleBinding stays in its namespace',
    request: resourceRequest(erin, 'create', apps('deployments', { namespace: 'other' })),
    allowed: false,
  },
  {
    behaviour: 'apiGroups [apps] does not cover the core group',
    request: resourceRequest(erin, 'get', core('pods', { ...inDefault, name: 'p' })),
    allowed: false,
  },
  // resourceNames, through a namespace-less ServiceAccount subject of a RoleBinding.
  {
    behaviour: 'resourceNames let the deployer get the named deployment',
    request: resourceRequest(deployer, 'get', apps('deployments', { ...inDefault, name: 'web' })),
    allowed: true,
  },
  {
    behaviour: 'resourceNames let the deployer update the named deployment',
    request: resourceRequest(
      deployer,
      'update',
      apps('deployments', { ...inDefault, name: 'web' }),
    ),
    allowed: true,
  },
  {
    behaviour: 'resourceNames let the deployer delete the named deployment',
    request: resourceRequest(
      deployer,
      'delete',
      apps('deployments', { ...inDefault, name: 'web' }),
    ),
    allowed: true,
  },
  {
    behaviour: 'resourceNames deny another deployment',
    request: resourceRequest(deployer, 'get', apps('deployments', { ...inDefault, name: 'api' })),
    allowed: false,
  },
  {
    behaviour: 'resourceNames never allow create, which has no name',
    request: resourceRequest(deployer, 'create', apps('deployments', inDefault)),
    allowed: false,
  },
  {
    behaviour: 'resourceNames never allow list',
    request: resourceRequest(deployer, 'list', apps('deployments', inDefault)),
    allowed: false,
  },
  {
    behaviour: 'resourceNames never allow watch',
    request: resourceRequest(deployer, 'watch', apps('deployments', inDefault)),
    allowed: false,
  },
  {
    behaviour: 'resourceNames never allow deletecollection',
    request: resourceRequest(deployer, 'deletecollection', apps('deployments', inDefault)),
    allowed: false,
  },
  // ServiceAccount subjects.
  {
    behaviour: 'a ServiceAccount subject with a namespace matches that account',
    request: resourceRequest(builder, 'delete', core('configmaps', { ...inDefault, name: 'cfg' })),
    allowed: true,
  },
  {
    behaviour: 'a ServiceAccount subject with a namespace lets the account create',
    request: resourceRequest(builder, 'create', core('configmaps', inDefault)),
    allowed: true,
  },
  {
    behaviour: 'a ServiceAccount of the same name in another namespace does not match',
    request: resourceRequest(localBuilder, 'create', core('configmaps', inDefault)),
    allowed: false,
  },
  {
    behaviour: 'a namespace-less ServiceAccount subject of a ClusterRoleBinding matches nobody',
    request: resourceRequest(ghost, 'list', core('pods', inDefault)),
    allowed: false,
  },
  {
    behaviour: 'a user named like a service account is that service account',
    request: resourceRequest(
      user('system:serviceaccount:ci:builder'),
      'get',
      core('configmaps', { ...inDefault, name: 'cfg' }),
    ),
    allowed: true,
  },
  // Non-resource URLs.
  {
    behaviour: 'an exact non-resource URL allows that path',
    request: pathRequest(alice, 'get', '/healthz'),
    allowed: true,
  },
  {
    behaviour: 'a prefix* URL allows paths under the prefix',
    request: pathRequest(alice, 'get', '/livez/ping'),
    allowed: true,
  },
  {
    behaviour: 'a prefix* URL allows the prefix itself',
    request: pathRequest(alice, 'get', '/livez'),
    allowed: true,
  },
  {
    behaviour: 'an exact URL does not allow paths under it',
    request: pathRequest(alice, 'get', '/healthz/ready'),
    allowed: false,
  },
  {
    behaviour: 'a non-resource URL rule checks the verb',
    request: pathRequest(alice, 'post', '/healthz'),
    allowed: false,
  },
  {
    behaviour: 'an unauthenticated user is not in system:authenticated',
    request: pathRequest(anonymous, 'get', '/healthz'),
    allowed: false,
  },
  {
    behaviour: 'a RoleBinding never grants non-resource URLs',
    request: pathRequest(hal, 'get', '/healthz'),
    allowed: false,
  },
  {
    behaviour: 'a non-resource rule does not grant resources',
    request: resourceRequest(alice, 'get', core('healthz', inDefault)),
    allowed: false,
  },
  // Cluster-scoped resources and the superuser group.
  {
    behaviour: 'a ClusterRoleBinding lets nina create namespaces at the cluster scope',
    request: resourceRequest(nina, 'create', core('namespaces')),
    allowed: true,
  },
  {
    behaviour: 'nina may not delete namespaces',
    request: resourceRequest(nina, 'delete', core('namespaces', { name: 'default' })),
    allowed: false,
  },
  {
    behaviour: 'system:masters may delete any node',
    request: resourceRequest(root, 'delete', core('nodes', { name: 'node-1' })),
    allowed: true,
  },
  {
    behaviour: 'system:masters may get any path',
    request: pathRequest(root, 'get', '/metrics'),
    allowed: true,
  },
  {
    behaviour: 'system:masters may do anything in any namespace',
    request: resourceRequest(root, 'escalate', {
      apiGroup: 'rbac.authorization.k8s.io',
      resource: 'roles',
      namespace: 'kube-system',
    }),
    allowed: true,
  },
  {
    behaviour: 'a user with no binding may do nothing',
    request: resourceRequest(user('mallory'), 'get', core('pods', { ...inDefault, name: 'p' })),
    allowed: false,
  },
];

describe('RbacAuthorizer.authorize', () => {
  const rbac = new RbacAuthorizer({ objects: OBJECTS });

  it.each(CASES)('$behaviour', ({ request, allowed }) => {
    expect(rbac.authorize(request).allowed).toBe(allowed);
  });

  it('names the ClusterRoleBinding, role and subject that allowed', () => {
    expect(rbac.authorize(resourceRequest(alice, 'list', core('pods', inDefault)))).toStrictEqual({
      allowed: true,
      reason:
        'RBAC: allowed by ClusterRoleBinding "read-pods-everywhere" of ClusterRole "pod-reader" to User "alice"',
    });
  });

  it('names a RoleBinding as name/namespace and a service account as name/namespace', () => {
    expect(
      rbac.authorize(
        resourceRequest(deployer, 'get', apps('deployments', { ...inDefault, name: 'web' })),
      ).reason,
    ).toBe(
      'RBAC: allowed by RoleBinding "deployer/default" of ClusterRole "web-deployer" to ServiceAccount "deployer/default"',
    );
    expect(rbac.authorize(pathRequest(alice, 'get', '/healthz')).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "health" of ClusterRole "health-checker" to Group "system:authenticated"',
    );
  });

  it('allows system:masters without a reason and denies with an empty reason', () => {
    expect(rbac.authorize(pathRequest(root, 'get', '/metrics'))).toStrictEqual({
      allowed: true,
      reason: '',
    });
    expect(rbac.authorize(pathRequest(anonymous, 'get', '/metrics'))).toStrictEqual({
      allowed: false,
      reason: '',
    });
  });

  it('names a missing role in the reason of a denial', () => {
    const dangling = new RbacAuthorizer({
      objects: [
        roleBinding('default', 'dangling', { kind: 'Role', name: 'gone' }, [userSubject('bob')]),
        clusterRoleBinding('dangling-cluster', 'vanished', [userSubject('bob')]),
        roleBinding('default', 'odd', { kind: 'Policy', name: 'p' }, [userSubject('carol')]),
      ],
    });
    expect(dangling.authorize(resourceRequest(bob, 'list', core('pods', inDefault)))).toStrictEqual(
      {
        allowed: false,
        reason:
          'RBAC: [clusterrole.rbac.authorization.k8s.io "vanished" not found, role.rbac.authorization.k8s.io "gone" not found]',
      },
    );
    expect(dangling.authorize(pathRequest(bob, 'get', '/healthz')).reason).toBe(
      'RBAC: clusterrole.rbac.authorization.k8s.io "vanished" not found',
    );
    expect(
      dangling.authorize(resourceRequest(user('carol'), 'get', core('pods', inDefault))).reason,
    ).toBe('RBAC: unsupported role reference kind: "Policy"');
  });

  it('ignores a subject of an unknown kind, and a ClusterRoleBinding to a Role resolves nothing', () => {
    const listPods = resourceRequest(alice, 'list', core('pods', inDefault));
    const robots = new RbacAuthorizer({
      objects: [
        POD_READER,
        clusterRoleBinding('robots', 'pod-reader', [{ kind: 'Robot', name: 'alice' }]),
      ],
    });
    expect(robots.authorize(listPods)).toStrictEqual({ allowed: false, reason: '' });
    const toRole = new RbacAuthorizer({
      objects: [
        role('default', 'pod-reader', POD_READER.rules ?? []),
        {
          ...clusterRoleBinding('to-a-role', 'pod-reader', [userSubject('alice')]),
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
        },
      ],
    });
    expect(toRole.authorize(listPods)).toStrictEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "pod-reader" not found',
    });
  });
});

describe('RbacAuthorizer updates', () => {
  const getSecret = resourceRequest(bob, 'get', core('secrets', { ...inDefault, name: 'token' }));

  it('denies once a role is replaced by one with fewer rules', () => {
    const rbac = new RbacAuthorizer({ objects: [SECRET_READER, READ_SECRETS] });
    expect(rbac.authorize(getSecret).allowed).toBe(true);
    rbac.upsert(
      role('default', 'secret-reader', [
        { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
      ]),
    );
    expect(rbac.authorize(getSecret).allowed).toBe(false);
  });

  it('denies once the binding is removed, and allows again once it is back', () => {
    const rbac = new RbacAuthorizer({ objects: [SECRET_READER, READ_SECRETS] });
    rbac.remove(READ_SECRETS);
    expect(rbac.authorize(getSecret).allowed).toBe(false);
    rbac.upsert(READ_SECRETS);
    expect(rbac.authorize(getSecret).allowed).toBe(true);
  });

  it('follows a binding whose subjects change', () => {
    const rbac = new RbacAuthorizer({ objects: [SECRET_READER, READ_SECRETS] });
    rbac.upsert({ ...READ_SECRETS, subjects: [userSubject('carol')] });
    expect(rbac.authorize(getSecret).allowed).toBe(false);
    expect(rbac.authorize({ ...getSecret, user: user('carol') }).allowed).toBe(true);
  });

  it('allows once a missing role is created, and denies with a reason once it is removed', () => {
    const rbac = new RbacAuthorizer({ objects: [READ_SECRETS] });
    expect(rbac.authorize(getSecret)).toStrictEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "secret-reader" not found',
    });
    rbac.upsert(SECRET_READER);
    expect(rbac.authorize(getSecret).allowed).toBe(true);
    rbac.remove(SECRET_READER);
    expect(rbac.authorize(getSecret).allowed).toBe(false);
  });

  it('removes a ClusterRole and a ClusterRoleBinding', () => {
    const binding = clusterRoleBinding('read-pods', 'pod-reader', [userSubject('alice')]);
    const listPods = resourceRequest(alice, 'list', core('pods', inDefault));
    const rbac = new RbacAuthorizer({ objects: [POD_READER, binding] });
    rbac.remove(POD_READER);
    expect(rbac.authorize(listPods).allowed).toBe(false);
    rbac.upsert(POD_READER);
    rbac.remove(binding);
    expect(rbac.authorize(listPods)).toStrictEqual({ allowed: false, reason: '' });
  });

  it('ignores the removal of objects it does not hold', () => {
    const rbac = new RbacAuthorizer({ objects: [SECRET_READER, READ_SECRETS] });
    rbac.remove(roleBinding('elsewhere', 'read-secrets', { kind: 'Role', name: 'x' }, []));
    rbac.remove(role('elsewhere', 'secret-reader', []));
    rbac.remove(clusterRoleBinding('read-secrets', 'secret-reader', []));
    expect(rbac.authorize(getSecret).allowed).toBe(true);
  });

  it('does not modify the objects it is given', () => {
    const frozen = OBJECTS.map((object) => structuredClone(object));
    const rbac = new RbacAuthorizer({ objects: frozen });
    rbac.remove(frozen[0] as RbacObject);
    expect(frozen).toStrictEqual(OBJECTS);
  });
});

describe('RbacAuthorizer.rulesFor', () => {
  const rbac = new RbacAuthorizer({ objects: OBJECTS });

  it('lists the ClusterRoleBindings’ rules at the cluster scope', () => {
    expect(rbac.rulesFor(alice)).toStrictEqual([
      ...(POD_READER.rules ?? []),
      { nonResourceURLs: ['/healthz', '/livez*'], verbs: ['get'] },
    ]);
  });

  it('adds the RoleBindings of the namespace', () => {
    expect(rbac.rulesFor(bob, 'default')).toStrictEqual([
      { nonResourceURLs: ['/healthz', '/livez*'], verbs: ['get'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    ]);
    expect(rbac.rulesFor(bob, 'other')).toStrictEqual([
      { nonResourceURLs: ['/healthz', '/livez*'], verbs: ['get'] },
    ]);
  });

  it('lists a binding once when it names both the user and one of its groups', () => {
    const twice = new RbacAuthorizer({
      objects: [
        POD_READER,
        clusterRoleBinding('both', 'pod-reader', [userSubject('erin'), groupSubject('devs')]),
      ],
    });
    expect(twice.rulesFor(erin)).toStrictEqual(POD_READER.rules);
  });

  it('reports missing roles as the evaluation error of a rules review', () => {
    const dangling = new RbacAuthorizer({ objects: [READ_SECRETS] });
    expect(dangling.rulesReview(bob, 'default')).toStrictEqual({
      rules: [],
      evaluationError: 'RBAC: role.rbac.authorization.k8s.io "secret-reader" not found',
    });
  });
});

describe('RbacAuthorizer with many bindings', () => {
  it('finds the one binding that allows among 100, every time', () => {
    const objects: RbacObject[] = [
      clusterRole('creator', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['create'] }]),
    ];
    for (let index = 0; index < 100; index++) {
      objects.push(
        index % 2 === 0
          ? clusterRoleBinding(`crb-${index}`, 'creator', [
              userSubject(`user-${index}`),
              groupSubject(`team-${index}`),
            ])
          : roleBinding(`ns-${index}`, `rb-${index}`, { kind: 'ClusterRole', name: 'creator' }, [
              userSubject(`user-${index}`),
            ]),
      );
    }
    const rbac = new RbacAuthorizer({ objects });
    const request = resourceRequest(
      user('user-99', ['system:authenticated', 'team-7']),
      'create',
      core('configmaps', { namespace: 'ns-99' }),
    );
    const decisions = Array.from({ length: 3 }, () => rbac.authorize(request));
    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    expect(decisions[0]?.reason).toContain('RoleBinding "rb-99/ns-99"');
    // user-99's only binding is in ns-99: the same request elsewhere is denied.
    const elsewhere = rbac.authorize(
      resourceRequest(
        user('user-99', ['system:authenticated']),
        'create',
        core('configmaps', { namespace: 'ns-1' }),
      ),
    );
    expect(elsewhere.allowed).toBe(false);
  });
});
