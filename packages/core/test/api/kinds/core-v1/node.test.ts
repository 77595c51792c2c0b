import { describe, expect, it } from '@jest/globals';
import { Node, NodeList } from '../../../../src/api/kinds/core-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A cordoned worker node, as `kubectl get node -o json` prints it (images trimmed). */
const NODE_1 = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'node-1',
    uid: '7c6b5a49-3827-4165-9a8b-7c6d5e4f3a2b',
    resourceVersion: '51234',
    creationTimestamp: '2024-04-30T08:00:00Z',
    labels: {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'node-1',
      'kubernetes.io/os': 'linux',
      'topology.kubernetes.io/zone': 'zone-a',
    },
    annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
  },
  spec: {
    podCIDR: '10.244.1.0/24',
    podCIDRs: ['10.244.1.0/24', 'fd00:10:244:1::/64'],
    providerID: 'kind://docker/kind/node-1',
    unschedulable: true,
    taints: [
      {
        key: 'node.kubernetes.io/unschedulable',
        effect: 'NoSchedule',
        timeAdded: '2024-05-01T09:00:00Z',
      },
      { key: 'dedicated', value: 'web', effect: 'PreferNoSchedule' },
    ],
  },
  status: {
    capacity: {
      cpu: '8',
      'ephemeral-storage': '102625208Ki',
      'hugepages-2Mi': '0',
      memory: '32817192Ki',
      pods: '110',
    },
    allocatable: {
      cpu: '7800m',
      'ephemeral-storage': '94580335255',
      'hugepages-2Mi': '0',
      memory: '32714792Ki',
      pods: '110',
    },
    conditions: [
      {
        type: 'MemoryPressure',
        status: 'False',
        lastHeartbeatTime: '2024-05-01T12:00:00Z',
        lastTransitionTime: '2024-04-30T08:00:00Z',
        reason: 'KubeletHasSufficientMemory',
        message: 'kubelet has sufficient memory available',
      },
      {
        type: 'Ready',
        status: 'True',
        lastHeartbeatTime: '2024-05-01T12:00:00Z',
        lastTransitionTime: '2024-04-30T08:00:30Z',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
      },
    ],
    addresses: [
      { type: 'InternalIP', address: '10.0.0.11' },
      { type: 'Hostname', address: 'node-1' },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      systemUUID: '4c4c4544-0042-4810-8052-b7c04f4e3732',
      bootID: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      kernelVersion: '6.5.0-1020-aws',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: 'containerd://1.7.13',
      kubeletVersion: 'v1.30.0',
      kubeProxyVersion: 'v1.30.0',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
    images: [
      {
        names: [
          'registry.k8s.io/etcd@sha256:44a8e24dcbba3470ee1fee21d5e88d128c936e9b55d4bc51fbef8086f8ed123b',
          'registry.k8s.io/etcd:3.5.12-0',
        ],
        sizeBytes: 57236178,
      },
      { names: ['registry.k8s.io/pause:3.9'], sizeBytes: 321520 },
    ],
  },
};

describe('Node', () => {
  it('decodes a node and its list strictly to equal values', () => {
    expectDecodesAsIs(Node, NODE_1);
    expectDecodesAsIs(Node, { metadata: { name: 'new' } });
    expectDecodesAsIs(NodeList, {
      apiVersion: 'v1',
      kind: 'NodeList',
      metadata: {},
      items: [NODE_1],
    });
  });

  it('requires taint keys and effects, and rejects unknown effects', () => {
    const input = {
      spec: { taints: [{ value: 'x' }, { key: 'k', effect: 'NoRun' }] },
    };
    expect(strictErrors(Node, input)).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'spec.taints[0].key' },
      { reason: 'FieldValueRequired', field: 'spec.taints[0].effect' },
      { reason: 'FieldValueNotSupported', field: 'spec.taints[1].effect' },
    ]);
  });

  it('reports malformed capacities, ports and unknown fields with their paths', () => {
    const input = {
      ...NODE_1,
      status: {
        ...NODE_1.status,
        capacity: { ...NODE_1.status.capacity, memory: '32 GB' },
        daemonEndpoints: { kubeletEndpoint: { port: 10250 } },
      },
    };
    expect(strictErrors(Node, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'status.daemonEndpoints.kubeletEndpoint.port' },
      { reason: 'FieldValueInvalid', field: 'status.capacity[memory]' },
      { reason: 'FieldValueRequired', field: 'status.daemonEndpoints.kubeletEndpoint.Port' },
    ]);
  });

  it('has a schema with quantity maps, required taint fields and an int64 image size', () => {
    expect(schemaAt(Node, 'status.capacity[*]')).toMatchObject({
      'x-kubernetes-int-or-string': true,
    });
    expect(schemaAt(Node, 'status.allocatable').type).toBe('object');
    expect(schemaAt(Node, 'spec.taints[*]').required).toStrictEqual(['key', 'effect']);
    expect(schemaAt(Node, 'spec.taints[*].effect').enum).toStrictEqual([
      'NoSchedule',
      'PreferNoSchedule',
      'NoExecute',
    ]);
    expect(schemaAt(Node, 'status.images[*].sizeBytes').format).toBe('int64');
    expect(schemaAt(Node, 'status.daemonEndpoints.kubeletEndpoint.Port').format).toBe('int32');
    expect(schemaAt(Node, 'status.nodeInfo').required).toHaveLength(10);
    expect(schemaAt(Node, 'status.conditions[*].lastHeartbeatTime').nullable).toBe(true);
  });
});
