/**
 * Realistic objects of a few kinds, as a cluster holds them: the starting points of the
 * compiled decoder's property tests.
 */

/** A Pod as a ReplicaSet controller creates it and a kubelet reports it. */
export function realisticPod(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-7d4b9c6f5-x2k9p',
      generateName: 'web-7d4b9c6f5-',
      namespace: 'default',
      uid: '0b5a0000002a-6c1e-4f5a-9d7e-3a2b1c0d9e8f',
      resourceVersion: '1042',
      creationTimestamp: '2026-01-01T00:00:00Z',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5', tier: 'frontend' },
      annotations: { 'prometheus.io/scrape': 'true' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-7d4b9c6f5',
          uid: '4f2c8a1e-9b3d-4e6f-8a7c-1d2e3f4a5b6c',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'registry.example.com/web:1.25.3',
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          env: [
            { name: 'LOG_LEVEL', value: 'info' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          ],
          resources: {
            requests: { cpu: '100m', memory: '128Mi' },
            limits: { cpu: 0.5, memory: '256Mi' },
          },
          readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 },
          volumeMounts: [
            {
              name: 'kube-api-access',
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              readOnly: true,
            },
          ],
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      nodeName: 'node-1',
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
      volumes: [
        { name: 'kube-api-access', projected: { defaultMode: 420, sources: [{ token: {} }] } },
      ],
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Ready', status: 'True', lastProbeTime: null },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' },
      ],
      podIP: '10.0.0.7',
      startTime: '2026-01-01T00:00:01Z',
      containerStatuses: [
        {
          name: 'web',
          state: { running: { startedAt: '2026-01-01T00:00:02Z' } },
          ready: true,
          restartCount: 0,
          image: 'registry.example.com/web:1.25.3',
          imageID: 'registry.example.com/web@sha256:4c1d6f0e9b8a',
        },
      ],
    },
  };
}

/** A worker node, as a kubelet registers and reports it. */
export function realisticNode(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'node-1',
      uid: '7c6b5a49-3827-4165-9a8b-7c6d5e4f3a2b',
      labels: { 'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux' },
    },
    spec: {
      podCIDR: '10.244.1.0/24',
      providerID: 'kind://docker/kind/node-1',
      taints: [{ key: 'dedicated', value: 'web', effect: 'PreferNoSchedule' }],
    },
    status: {
      capacity: { cpu: '8', memory: '32817192Ki', pods: '110' },
      allocatable: { cpu: '7800m', memory: '32714792Ki', pods: 110 },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: '2024-05-01T12:00:00Z',
          lastTransitionTime: null,
          reason: 'KubeletReady',
        },
      ],
      addresses: [{ type: 'InternalIP', address: '172.18.0.3' }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: 'a1',
        systemUUID: 'b2',
        bootID: 'c3',
        kernelVersion: '6.8.0',
        osImage: 'Debian GNU/Linux 12',
        containerRuntimeVersion: 'containerd://1.7.15',
        kubeletVersion: 'v1.30.0',
        kubeProxyVersion: 'v1.30.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [{ names: ['registry.k8s.io/pause:3.9'], sizeBytes: 321520 }],
    },
  };
}

/** A config map with text and binary data. */
export function realisticConfigMap(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'web-config', namespace: 'default', labels: { app: 'web' } },
    data: { 'app.properties': 'color=blue\nsize=10\n', LOG_LEVEL: 'info' },
    binaryData: { 'logo.png': 'iVBORw0KGgo=' },
    immutable: false,
  };
}

/** A TLS secret. */
export function realisticSecret(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'web-tls', namespace: 'default' },
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': 'LS0tLS1CRUdJTg==', 'tls.key': 'LS0tLS1CRUdJTiBL' },
    stringData: { note: 'rotated monthly' },
  };
}

/** A leader-election lease. */
export function realisticLease(): Record<string, unknown> {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'kube-scheduler', namespace: 'kube-system' },
    spec: {
      holderIdentity: 'scheduler-1_4f2c8a1e',
      leaseDurationSeconds: 15,
      acquireTime: '2026-01-01T00:00:00.000000Z',
      renewTime: '2026-01-01T00:10:00.5+02:00',
      leaseTransitions: 3,
    },
  };
}

/** A namespace being deleted. */
export function realisticNamespace(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: 'team-a',
      labels: { 'kubernetes.io/metadata.name': 'team-a' },
      deletionTimestamp: '2026-01-02T00:00:00Z',
    },
    spec: { finalizers: ['kubernetes'] },
    status: {
      phase: 'Terminating',
      conditions: [
        {
          type: 'NamespaceDeletionContentFailure',
          status: 'False',
          lastTransitionTime: '2026-01-02T00:00:01Z',
          reason: 'ContentDeleted',
        },
      ],
    },
  };
}
