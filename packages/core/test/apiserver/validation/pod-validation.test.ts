import { describe, expect, it } from '@jest/globals';
import type { Container, Pod } from '../../../src/api/kinds/core-v1/index.js';
import { defaultPod } from '../../../src/apiserver/defaulting/index.js';
import { validatePod } from '../../../src/apiserver/validation/index.js';

const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** A defaulted pod with the given containers and spec fields. */
function pod(spec: Partial<NonNullable<Pod['spec']>> = {}): Pod {
  return defaultPod({
    metadata: { name: 'web', namespace: 'default' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
  });
}

function withContainer(container: Partial<Container>): Pod {
  return pod({ containers: [{ name: 'app', image: 'nginx:1.27', ...container }] });
}

describe('validatePod', () => {
  it('accepts a defaulted pod with volumes, ports, probes and resources', () => {
    expect(
      validatePod(
        pod({
          volumes: [{ name: 'data', emptyDir: {} }],
          initContainers: [{ name: 'init', image: 'busybox' }],
          containers: [
            {
              name: 'app',
              image: 'nginx:1.27',
              ports: [{ name: 'http', containerPort: 80 }, { containerPort: 443 }],
              volumeMounts: [{ name: 'data', mountPath: '/data' }],
              resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } },
              livenessProbe: { httpGet: { port: 'http' } },
              readinessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 },
            },
          ],
          tolerations: [
            { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        }),
      ),
    ).toStrictEqual([]);
  });

  it('requires a spec, and metadata as for any namespaced object', () => {
    expect(validatePod({ metadata: { name: 'web' } })).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'metadata.namespace', message: 'Required value' },
      { reason: 'FieldValueRequired', field: 'spec', message: 'Required value' },
    ]);
  });

  it('reports the fields defaulting fills when they are missing', () => {
    expect(
      validatePod({
        metadata: { name: 'web', namespace: 'default' },
        spec: { containers: [{ name: 'app', image: 'x', ports: [{ containerPort: 80 }] }] },
      }),
    ).toStrictEqual([
      {
        reason: 'FieldValueRequired',
        field: 'spec.containers[0].ports[0].protocol',
        message: 'Required value',
      },
      {
        reason: 'FieldValueRequired',
        field: 'spec.containers[0].imagePullPolicy',
        message: 'Required value',
      },
      {
        reason: 'FieldValueRequired',
        field: 'spec.containers[0].terminationMessagePolicy',
        message: 'Required value',
      },
      { reason: 'FieldValueRequired', field: 'spec.restartPolicy', message: 'Required value' },
      { reason: 'FieldValueRequired', field: 'spec.dnsPolicy', message: 'Required value' },
    ]);
  });

  it.each([
    [
      'no containers',
      pod({ containers: [] }),
      [{ reason: 'FieldValueRequired', field: 'spec.containers', message: 'Required value' }],
    ],
    [
      'a container name that is not a label',
      withContainer({ name: 'App' }),
      [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].name',
          message: `Invalid value: "App": ${LABEL_MESSAGE}`,
        },
      ],
    ],
    [
      'an empty container name',
      withContainer({ name: '' }),
      [
        {
          reason: 'FieldValueRequired',
          field: 'spec.containers[0].name',
          message: 'Required value',
        },
      ],
    ],
    [
      'a missing image',
      withContainer({ image: '' }),
      [
        {
          reason: 'FieldValueRequired',
          field: 'spec.containers[0].image',
          message: 'Required value',
        },
      ],
    ],
    [
      'a duplicate container name',
      pod({
        containers: [
          { name: 'app', image: 'a' },
          { name: 'app', image: 'b' },
        ],
      }),
      [
        {
          reason: 'FieldValueDuplicate',
          field: 'spec.containers[1].name',
          message: 'Duplicate value: "app"',
        },
      ],
    ],
    [
      'an init container named as a container',
      pod({ initContainers: [{ name: 'app', image: 'a' }] }),
      [
        {
          reason: 'FieldValueDuplicate',
          field: 'spec.initContainers[0].name',
          message: 'Duplicate value: "app"',
        },
      ],
    ],
    [
      'a container port out of range',
      withContainer({ ports: [{ containerPort: 70000 }, { containerPort: 0 }] }),
      [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].ports[0].containerPort',
          message: 'Invalid value: 70000: must be between 1 and 65535, inclusive',
        },
        {
          reason: 'FieldValueRequired',
          field: 'spec.containers[0].ports[1].containerPort',
          message: 'Required value',
        },
      ],
    ],
    [
      'a duplicate or bad port name',
      withContainer({
        ports: [
          { name: 'web', containerPort: 80 },
          { name: 'web', containerPort: 81 },
          { name: '8080', containerPort: 82 },
        ],
      }),
      [
        {
          reason: 'FieldValueDuplicate',
          field: 'spec.containers[0].ports[1].name',
          message: 'Duplicate value: "web"',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].ports[2].name',
          message: 'Invalid value: "8080": must contain at least one letter (a-z)',
        },
      ],
    ],
    [
      'a request above its limit',
      withContainer({ resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } }),
      [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].resources.requests',
          message: 'Invalid value: "2": must be less than or equal to cpu limit of 1',
        },
      ],
    ],
    [
      'a huge pages request that differs from its limit',
      withContainer({
        resources: { limits: { 'hugepages-2Mi': '4Mi' }, requests: { 'hugepages-2Mi': '2Mi' } },
      }),
      [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].resources.requests',
          message: 'Invalid value: "2Mi": must be equal to hugepages-2Mi limit of 4Mi',
        },
      ],
    ],
    [
      'an extended resource requested without a limit',
      withContainer({ resources: { requests: { 'example.com/gpu': '1' } } }),
      [
        {
          reason: 'FieldValueRequired',
          field: 'spec.containers[0].resources.limits',
          message: 'Required value: Limit must be set for non overcommitable resources',
        },
      ],
    ],
    [
      'a non-standard native resource',
      withContainer({ resources: { limits: { pods: '1' } } }),
      [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].resources.limits[pods]',
          message: 'Invalid value: "pods": must be a standard resource for containers',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].resources.requests[pods]',
          message: 'Invalid value: "pods": must be a standard resource for containers',
        },
      ],
    ],
    [
      'a probe with no handler and one with two',
      withContainer({
        livenessProbe: {},
        readinessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } },
      }),
      [
        {
          reason: 'FieldValueRequired',
          field: 'spec.containers[0].livenessProbe',
          message: 'Required value: must specify a handler type',
        },
        {
          reason: 'FieldValueForbidden',
          field: 'spec.containers[0].readinessProbe.tcpSocket',
          message: 'Forbidden: may not specify more than 1 handler type',
        },
      ],
    ],
    [
      'a liveness probe whose success threshold is not 1',
      withContainer({
        livenessProbe: { exec: { command: ['true'] }, successThreshold: 2, periodSeconds: -1 },
      }),
      [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].livenessProbe.periodSeconds',
          message: 'Invalid value: -1: must be greater than or equal to 0',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].livenessProbe.successThreshold',
          message: 'Invalid value: 2: must be 1',
        },
      ],
    ],
    [
      'a probe on a plain init container',
      pod({ initContainers: [{ name: 'init', image: 'a', readinessProbe: { exec: {} } }] }),
      [
        {
          reason: 'FieldValueForbidden',
          field: 'spec.initContainers[0].readinessProbe',
          message: 'Forbidden: may not be set for init containers without restartPolicy=Always',
        },
      ],
    ],
    [
      'duplicate volumes and a mount of a missing volume',
      pod({
        volumes: [
          { name: 'data', emptyDir: {} },
          { name: 'data', configMap: { name: 'c' }, secret: { secretName: 's' } },
        ],
        containers: [
          {
            name: 'app',
            image: 'a',
            volumeMounts: [
              { name: 'cache', mountPath: '/c' },
              { name: 'data', mountPath: '/c' },
            ],
          },
        ],
      }),
      [
        {
          reason: 'FieldValueDuplicate',
          field: 'spec.volumes[1].name',
          message: 'Duplicate value: "data"',
        },
        {
          reason: 'FieldValueForbidden',
          field: 'spec.volumes[1].secret',
          message: 'Forbidden: may not specify more than 1 volume type',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].volumeMounts[0].name',
          message: 'Not found: "cache"',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'spec.containers[0].volumeMounts[1].mountPath',
          message: 'Invalid value: "/c": must be unique',
        },
      ],
    ],
    [
      'a negative grace period and a zero deadline',
      pod({ terminationGracePeriodSeconds: -5, activeDeadlineSeconds: 0 }),
      [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.terminationGracePeriodSeconds',
          message: 'Invalid value: -5: must be greater than or equal to 0',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'spec.activeDeadlineSeconds',
          message: 'Invalid value: 0: must be between 1 and 2147483647, inclusive',
        },
      ],
    ],
    [
      'bad tolerations',
      pod({
        tolerations: [
          { operator: 'Equal', value: 'x' },
          { key: 'k', operator: 'Exists', value: 'v' },
          { key: 'k', tolerationSeconds: 5, effect: 'NoSchedule' },
        ],
      }),
      [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.tolerations[0].operator',
          message:
            'Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'spec.tolerations[1].operator',
          message:
            'Invalid value: {"key":"k","operator":"Exists","value":"v"}: value must be empty when `operator` is \'Exists\'',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'spec.tolerations[2].effect',
          message:
            'Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
        },
      ],
    ],
    [
      'a bad node selector and service account name',
      pod({ nodeSelector: { disk: 'a b' }, serviceAccountName: 'Robot' }),
      [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.nodeSelector',
          message:
            "Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        },
        {
          reason: 'FieldValueInvalid',
          field: 'spec.serviceAccountName',
          message:
            "Invalid value: \"Robot\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        },
      ],
    ],
  ] as const)('reports %s', (_case, input, expected) => {
    expect(validatePod(input)).toStrictEqual(expected);
  });
});
