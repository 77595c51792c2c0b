import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Container, Pod } from '../../../src/api/kinds/core-v1/index.js';
import { defaultPod, defaultPodSpec } from '../../../src/apiserver/defaulting/index.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) {
      deepFreeze(item);
    }
  }
  return value;
}

const NOT_READY = {
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};
const UNREACHABLE = {
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};

describe('defaultPod', () => {
  it('fills in the spec, container and admission defaults', () => {
    const pod = deepFreeze<Pod>({
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx',
            ports: [{ containerPort: 80 }],
            resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } },
            livenessProbe: { httpGet: { port: 80 } },
          },
        ],
        volumes: [{ name: 'scratch' }],
      },
    });
    expect(defaultPod(pod).spec).toStrictEqual({
      containers: [
        {
          name: 'app',
          image: 'nginx',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {
            limits: { cpu: '1', memory: '1Gi' },
            requests: { cpu: '500m', memory: '1Gi' },
          },
          livenessProbe: {
            httpGet: { port: 80, path: '/', scheme: 'HTTP' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      volumes: [{ name: 'scratch', emptyDir: {} }],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
      securityContext: {},
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: [NOT_READY, UNREACHABLE],
      serviceAccountName: 'default',
      serviceAccount: 'default',
    });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v1', 'IfNotPresent'],
    ['nginx@sha256:abc', 'IfNotPresent'],
    ['nginx:latest@sha256:abc', 'Always'],
  ])('gives image %j the pull policy %s', (image, policy) => {
    const pod = defaultPod({ spec: { containers: [{ name: 'c', image }] } });
    expect(pod.spec?.containers[0]?.imagePullPolicy).toBe(policy);
  });

  it('keeps what the pod sets, and adds only the tolerations not already there', () => {
    const pod = defaultPod({
      spec: {
        containers: [{ name: 'c', image: 'x', imagePullPolicy: 'Never' }],
        restartPolicy: 'Never',
        priorityClassName: 'high',
        serviceAccount: 'robot',
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }],
      },
    });
    expect(pod.spec).toMatchObject({
      restartPolicy: 'Never',
      serviceAccountName: 'robot',
      serviceAccount: 'robot',
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }, UNREACHABLE],
    });
    expect(pod.spec?.priority).toBeUndefined();
    expect(pod.spec?.containers[0]?.imagePullPolicy).toBe('Never');
  });

  it('adds no toleration when one tolerates every taint', () => {
    const pod = defaultPod({
      spec: { containers: [{ name: 'c', image: 'x' }], tolerations: [{ operator: 'Exists' }] },
    });
    expect(pod.spec?.tolerations).toStrictEqual([{ operator: 'Exists' }]);
  });

  it('shares the two default tolerations, frozen, between pods', () => {
    const first = defaultPod({ spec: { containers: [{ name: 'c', image: 'x' }] } });
    const second = defaultPod({ spec: { containers: [{ name: 'c', image: 'y' }] } });
    expect(first.spec?.tolerations).toStrictEqual([NOT_READY, UNREACHABLE]);
    expect(second.spec?.tolerations).toBe(first.spec?.tolerations);
    expect(Object.isFrozen(first.spec?.tolerations)).toBe(true);
    const partial = defaultPod({
      spec: {
        containers: [{ name: 'c', image: 'x' }],
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }],
      },
    });
    expect(partial.spec?.tolerations?.[1]).toBe(first.spec?.tolerations?.[1]);
    expect(Object.isFrozen(partial.spec?.tolerations?.[1])).toBe(true);
  });

  it('returns the same pod when every default is there, and a pod without spec as is', () => {
    const once = defaultPod({
      spec: { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 1 }] }] },
    });
    expect(defaultPod(once)).toBe(once);
    const noSpec = { metadata: { name: 'x' } };
    expect(defaultPod(noSpec)).toBe(noSpec);
  });

  const container: fc.Arbitrary<Container> = fc.record(
    {
      name: fc.constantFrom('a', 'b', 'c'),
      image: fc.constantFrom('nginx', 'nginx:1.27', 'nginx:latest', 'r.io/x@sha256:ab', ''),
      imagePullPolicy: fc.constantFrom('Always' as const, 'Never' as const),
      ports: fc.array(
        fc.record(
          {
            containerPort: fc.integer({ min: 1, max: 65535 }),
            protocol: fc.constantFrom('TCP' as const, 'UDP' as const),
          },
          { requiredKeys: ['containerPort'] },
        ),
        { maxLength: 2 },
      ),
      resources: fc.record(
        {
          limits: fc.dictionary(
            fc.constantFrom('cpu', 'memory'),
            fc.constantFrom('1', '500m', '2Gi'),
          ),
          requests: fc.dictionary(fc.constantFrom('cpu', 'memory'), fc.constantFrom('1', '100m')),
        },
        { requiredKeys: [] },
      ),
      readinessProbe: fc.record(
        {
          tcpSocket: fc.constant({ port: 80 }),
          httpGet: fc.record(
            { port: fc.constant(8080), path: fc.constant('/healthz') },
            { requiredKeys: ['port'] },
          ),
          periodSeconds: fc.integer({ min: 1, max: 60 }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['name'] },
  );
  const pod: fc.Arbitrary<Pod> = fc.record(
    {
      metadata: fc.constant({ name: 'p', namespace: 'default' }),
      spec: fc.record(
        {
          containers: fc.array(container, { minLength: 1, maxLength: 3 }),
          initContainers: fc.array(container, { maxLength: 2 }),
          restartPolicy: fc.constantFrom('Always' as const, 'OnFailure' as const, 'Never' as const),
          priorityClassName: fc.constantFrom('', 'high'),
          serviceAccountName: fc.constantFrom('', 'robot'),
          serviceAccount: fc.constantFrom('', 'legacy'),
          tolerations: fc.array(
            fc.record(
              {
                key: fc.constantFrom(
                  '',
                  'node.kubernetes.io/not-ready',
                  'node.kubernetes.io/unreachable',
                  'k',
                ),
                operator: fc.constantFrom('Exists' as const, 'Equal' as const),
                effect: fc.constantFrom('NoExecute' as const, 'NoSchedule' as const),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
          volumes: fc.array(
            fc.record(
              { name: fc.constantFrom('v', 'w'), emptyDir: fc.constant({}) },
              { requiredKeys: ['name'] },
            ),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: ['containers'] },
      ),
    },
    { requiredKeys: [] },
  );

  it('is idempotent and never changes its (deeply frozen) input', () => {
    fc.assert(
      fc.property(pod, (input) => {
        const snapshot = structuredClone(input);
        const once = defaultPod(deepFreeze(input));
        expect(input).toEqual(snapshot);
        const twice = defaultPod(once);
        expect(twice).toStrictEqual(once);
        expect(twice).toBe(once);
      }),
    );
  });
});

describe('defaultPodSpec', () => {
  const limited: Container = {
    name: 'app',
    image: 'nginx:1.27',
    resources: { limits: { cpu: '1' } },
  };

  it('gives a pod template only the spec and container defaults, as upstream', () => {
    expect(defaultPodSpec({ containers: [limited] })).toStrictEqual({
      containers: [
        {
          ...limited,
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
    });
  });

  it('leaves to the pod what only pods get, and defaulting a template first changes nothing', () => {
    const template = defaultPodSpec({ containers: [limited] });
    expect(defaultPodSpec(template)).toBe(template);
    const fromTemplate = defaultPod({ spec: template }).spec;
    const direct = defaultPod({ spec: { containers: [limited] } }).spec;
    expect(fromTemplate).toStrictEqual(direct);
    expect(fromTemplate?.containers[0]?.resources?.requests).toStrictEqual({ cpu: '1' });
    expect(fromTemplate).toMatchObject({
      enableServiceLinks: true,
      priority: 0,
      serviceAccountName: 'default',
    });
    expect(fromTemplate?.tolerations).toHaveLength(2);
  });
});
