import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import { decodeObject } from '../../../../src/api/codec/index.js';
import {
  Container,
  MetaV1LabelSelector,
  Pod,
  PodList,
  Probe,
} from '../../../../src/api/kinds/core-v1/index.js';
import {
  labelSelectorAsSelector,
  type LabelSelectorObject,
} from '../../../../src/api/selectors/index.js';
import { expectRight } from '../../../support/either.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A running pod of a deployment, as `kubectl get pod -o json` prints it. */
const WEB = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-7d4b9c8f6-x2x9z',
    generateName: 'web-7d4b9c8f6-',
    namespace: 'default',
    uid: '3f1c2a9e-8b1d-4c55-9a0e-1f2b3c4d5e6f',
    resourceVersion: '48213',
    creationTimestamp: '2024-05-01T12:00:00Z',
    labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6' },
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web-7d4b9c8f6',
        uid: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  },
  spec: {
    volumes: [
      { name: 'config', configMap: { name: 'web-config', defaultMode: 420 } },
      {
        name: 'kube-api-access-abcde',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          ],
          defaultMode: 420,
        },
      },
    ],
    initContainers: [
      {
        name: 'migrate',
        image: 'registry.example.com/web:1.4.2',
        command: ['/bin/migrate'],
        args: ['--up'],
        env: [
          {
            name: 'DB_PASSWORD',
            valueFrom: { secretKeyRef: { name: 'db', key: 'password' } },
          },
        ],
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'IfNotPresent',
      },
    ],
    containers: [
      {
        name: 'web',
        image: 'registry.example.com/web:1.4.2',
        workingDir: '/srv',
        ports: [
          { name: 'http', containerPort: 8080, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
        ],
        env: [
          { name: 'LOG_LEVEL', value: 'info' },
          {
            name: 'POD_NAME',
            valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
          },
          {
            name: 'MEMORY_LIMIT',
            valueFrom: {
              resourceFieldRef: { containerName: 'web', resource: 'limits.memory', divisor: '1Mi' },
            },
          },
          {
            name: 'FEATURES',
            valueFrom: {
              configMapKeyRef: { name: 'web-config', key: 'features', optional: true },
            },
          },
        ],
        resources: {
          limits: { cpu: '1', memory: '512Mi' },
          requests: { cpu: '250m', memory: '256Mi' },
        },
        volumeMounts: [
          { name: 'config', readOnly: true, mountPath: '/etc/web' },
          {
            name: 'kube-api-access-abcde',
            readOnly: true,
            mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
          },
        ],
        livenessProbe: {
          httpGet: {
            path: '/healthz',
            port: 'http',
            scheme: 'HTTP',
            httpHeaders: [{ name: 'X-Probe', value: 'liveness' }],
          },
          initialDelaySeconds: 10,
          timeoutSeconds: 1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
        },
        readinessProbe: {
          tcpSocket: { port: 8080 },
          timeoutSeconds: 1,
          periodSeconds: 5,
          successThreshold: 1,
          failureThreshold: 3,
        },
        startupProbe: {
          exec: { command: ['cat', '/tmp/started'] },
          timeoutSeconds: 1,
          periodSeconds: 2,
          successThreshold: 1,
          failureThreshold: 30,
          terminationGracePeriodSeconds: 15,
        },
        lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'Always',
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          runAsNonRoot: true,
        },
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    serviceAccountName: 'web',
    serviceAccount: 'web',
    nodeName: 'node-1',
    securityContext: { fsGroup: 2000 },
    imagePullSecrets: [{ name: 'registry' }],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] },
              ],
              matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-9'] }],
            },
          ],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 10,
            preference: {
              matchExpressions: [{ key: 'node.example.com/cores', operator: 'Gt', values: ['8'] }],
            },
          },
        ],
      },
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              labelSelector: {
                matchLabels: { app: 'web' },
                matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }],
              },
              topologyKey: 'kubernetes.io/hostname',
            },
          },
        ],
      },
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            labelSelector: { matchLabels: { app: 'cache' } },
            namespaces: ['default'],
            namespaceSelector: {},
            topologyKey: 'topology.kubernetes.io/zone',
          },
        ],
      },
    },
    schedulerName: 'default-scheduler',
    tolerations: [
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' },
    ],
    priorityClassName: 'web-critical',
    priority: 1000,
    preemptionPolicy: 'PreemptLowerPriority',
    enableServiceLinks: true,
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: { app: 'web' } },
        minDomains: 2,
        matchLabelKeys: ['pod-template-hash'],
      },
    ],
  },
  status: {
    phase: 'Running',
    conditions: [
      {
        type: 'PodReadyToStartContainers',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: '2024-05-01T12:00:03Z',
      },
      {
        type: 'Initialized',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: '2024-05-01T12:00:05Z',
      },
      {
        type: 'Ready',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: '2024-05-01T12:00:20Z',
      },
      {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: '2024-05-01T12:00:00Z',
      },
    ],
    hostIP: '10.0.0.11',
    hostIPs: [{ ip: '10.0.0.11' }],
    podIP: '10.244.1.17',
    podIPs: [{ ip: '10.244.1.17' }, { ip: 'fd00:10:244:1::11' }],
    startTime: '2024-05-01T12:00:00Z',
    initContainerStatuses: [
      {
        name: 'migrate',
        state: {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt: '2024-05-01T12:00:03Z',
            finishedAt: '2024-05-01T12:00:04Z',
            containerID: 'containerd://0a1b2c',
          },
        },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: 'registry.example.com/web:1.4.2',
        imageID: 'registry.example.com/web@sha256:4f1e',
        containerID: 'containerd://0a1b2c',
        started: false,
      },
    ],
    containerStatuses: [
      {
        name: 'web',
        state: { running: { startedAt: '2024-05-01T12:00:06Z' } },
        lastState: {
          terminated: {
            exitCode: 137,
            signal: 9,
            reason: 'OOMKilled',
            startedAt: null,
            finishedAt: '2024-05-01T12:00:05Z',
            containerID: 'containerd://9f8e7d',
          },
        },
        ready: true,
        restartCount: 1,
        image: 'registry.example.com/web:1.4.2',
        imageID: 'registry.example.com/web@sha256:4f1e',
        containerID: 'containerd://5d6e7f',
        started: true,
        volumeMounts: [
          { name: 'config', mountPath: '/etc/web', readOnly: true, recursiveReadOnly: 'Disabled' },
        ],
      },
    ],
    qosClass: 'Burstable',
  },
};

/** A pending pod: waiting containers, an unschedulable condition. */
const PENDING = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'batch-1', namespace: 'jobs' },
  spec: {
    containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'exit 0'] }],
    restartPolicy: 'OnFailure',
    activeDeadlineSeconds: 600,
    hostNetwork: true,
    dnsPolicy: 'ClusterFirstWithHostNet',
    overhead: { cpu: '100m', memory: 64 },
  },
  status: {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: '2024-05-01T12:00:00Z',
        reason: 'Unschedulable',
        message: '0/3 nodes are available: 3 Insufficient cpu.',
      },
    ],
    qosClass: 'BestEffort',
  },
};

// A deep copy of WEB with its first container replaced.
function withWebContainer(patch: Record<string, unknown>): unknown {
  const [web] = WEB.spec.containers;
  return { ...WEB, spec: { ...WEB.spec, containers: [{ ...web, ...patch }] } };
}

describe('Pod', () => {
  it('decodes a running and a pending pod, and their list, strictly to equal values', () => {
    expectDecodesAsIs(Pod, WEB);
    expectDecodesAsIs(Pod, PENDING);
    expectDecodesAsIs(PodList, {
      apiVersion: 'v1',
      kind: 'PodList',
      metadata: { resourceVersion: '48300' },
      items: [WEB, PENDING],
    });
  });

  it('requires a container name and a container port, as upstream', () => {
    expect(strictErrors(Container, { image: 'nginx', ports: [{ name: 'http' }] })).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'name' },
      { reason: 'FieldValueRequired', field: 'ports[0].containerPort' },
    ]);
    expect(strictErrors(Pod, { spec: {} })).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'spec.containers' },
    ]);
  });

  it('reports an unknown container field with its path when strict', () => {
    expect(strictErrors(Pod, withWebContainer({ foo: 'bar' }))).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'spec.containers[0].foo' },
    ]);
  });

  it('keeps permissive objects (security context, lifecycle, volume sources) as they are', () => {
    const input = withWebContainer({ securityContext: { seccompProfile: { type: 'x' } } });
    expectDecodesAsIs(Pod, input);
    expect(
      strictErrors(Pod, {
        spec: { containers: [{ name: 'a' }], volumes: [{ name: 'v', emptyDir: {}, magic: {} }] },
      }),
    ).toStrictEqual([{ reason: 'FieldValueUnknown', field: 'spec.volumes[0].magic' }]);
    expect(strictErrors(Pod, withWebContainer({ lifecycle: 'stop' }))).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'spec.containers[0].lifecycle' },
    ]);
  });

  it('reports wrong types with their paths', () => {
    const input = withWebContainer({
      ports: [{ containerPort: '8080' }, { containerPort: 2 ** 31 }],
      args: 'serve',
    });
    expect(strictErrors(Pod, input)).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'spec.containers[0].args' },
      { reason: 'FieldValueTypeInvalid', field: 'spec.containers[0].ports[0].containerPort' },
      { reason: 'FieldValueInvalid', field: 'spec.containers[0].ports[1].containerPort' },
    ]);
  });

  it('reports values outside an enum as FieldValueNotSupported', () => {
    const input = {
      ...PENDING,
      spec: { ...PENDING.spec, restartPolicy: 'Sometimes' },
      status: { ...PENDING.status, qosClass: 'Premium' },
    };
    expect(strictErrors(Pod, input)).toStrictEqual([
      { reason: 'FieldValueNotSupported', field: 'spec.restartPolicy' },
      { reason: 'FieldValueNotSupported', field: 'status.qosClass' },
    ]);
    expect(
      strictErrors(Probe, { httpGet: { port: 80, scheme: 'FTP' }, tcpSocket: { port: 1.5 } }),
    ).toStrictEqual([
      { reason: 'FieldValueNotSupported', field: 'httpGet.scheme' },
      { reason: 'FieldValueTypeInvalid', field: 'tcpSocket.port' },
    ]);
  });

  it('reports a malformed quantity in resources with its path', () => {
    const input = withWebContainer({ resources: { requests: { cpu: '250 millicores' } } });
    expect(strictErrors(Pod, input)).toStrictEqual([
      { reason: 'FieldValueInvalid', field: 'spec.containers[0].resources.requests[cpu]' },
    ]);
  });

  it('reports malformed affinity and toleration fields with their paths', () => {
    const input = {
      ...PENDING,
      spec: {
        ...PENDING.spec,
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Like' }] }],
            },
          },
          podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {} }] },
        },
        tolerations: [{ operator: 'Equal', effect: 'NoRun', tolerationSeconds: 'forever' }],
      },
    };
    expect(strictErrors(Pod, input)).toStrictEqual([
      {
        reason: 'FieldValueNotSupported',
        field:
          'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator',
      },
      {
        reason: 'FieldValueRequired',
        field:
          'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey',
      },
      { reason: 'FieldValueNotSupported', field: 'spec.tolerations[0].effect' },
      { reason: 'FieldValueTypeInvalid', field: 'spec.tolerations[0].tolerationSeconds' },
    ]);
  });

  it("decodes label selectors the selectors module's object form accepts", () => {
    const decoded = expectRight(
      decodeObject(MetaV1LabelSelector, {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }],
      }),
    );
    const object: LabelSelectorObject = decoded;
    expect(isRight(labelSelectorAsSelector(object))).toBe(true);
  });

  it('has a schema with int32 ports, quantity maps, enums and list types', () => {
    expect(schemaAt(Pod, 'spec.containers[*].ports[*].containerPort')).toMatchObject({
      type: 'integer',
      format: 'int32',
    });
    expect(schemaAt(Pod, 'spec.containers[*].resources.requests[*]')).toMatchObject({
      'x-kubernetes-int-or-string': true,
    });
    expect(schemaAt(Pod, 'spec.restartPolicy').enum).toStrictEqual([
      'Always',
      'OnFailure',
      'Never',
    ]);
    expect(schemaAt(Pod, 'spec.terminationGracePeriodSeconds').format).toBe('int64');
    expect(schemaAt(Pod, 'spec.containers[*].livenessProbe.httpGet.port')).toMatchObject({
      'x-kubernetes-int-or-string': true,
    });
    expect(schemaAt(Pod, 'spec.containers[*].securityContext')).toMatchObject({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    });
    expect(schemaAt(Pod, 'spec.volumes[*].configMap')).toMatchObject({
      'x-kubernetes-preserve-unknown-fields': true,
    });
    expect(schemaAt(Pod, 'spec.containers')).toMatchObject({
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    });
    expect(schemaAt(Pod, 'spec.containers[*]').required).toStrictEqual(['name']);
    expect(schemaAt(Pod, 'spec').required).toStrictEqual(['containers']);
    expect(
      schemaAt(
        Pod,
        'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[*].podAffinityTerm.labelSelector.matchExpressions[*].operator',
      ).enum,
    ).toStrictEqual(['In', 'NotIn', 'Exists', 'DoesNotExist']);
    expect(schemaAt(Pod, 'spec.tolerations[*].tolerationSeconds').format).toBe('int64');
    expect(schemaAt(Pod, 'status.conditions[*].lastProbeTime')).toMatchObject({
      format: 'date-time',
      nullable: true,
    });
    expect(schemaAt(Pod, 'status.containerStatuses[*].restartCount').format).toBe('int32');
  });
});
