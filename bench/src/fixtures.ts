/**
 * Realistic objects for benchmarks: what the store and the apiserver hold in a real
 * cluster, at their real size.
 *
 * @module
 */

/**
 * A Pod as a ReplicaSet controller creates it and a kubelet reports it: about 2 KiB
 * of JSON. Every call builds a new object with its own name, uid and addresses.
 */
export function realisticPod(index: number): Record<string, unknown> {
  const name = `web-7d4b9c6f5-${index.toString(36).padStart(5, '0')}`;
  const uid = `0b5a${index.toString(16).padStart(8, '0')}-6c1e-4f5a-9d7e-3a2b1c0d9e8f`;
  const podIP = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: 'web-7d4b9c6f5-',
      namespace: 'default',
      uid,
      resourceVersion: String(1000 + index),
      creationTimestamp: '2026-01-01T00:00:00Z',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5', tier: 'frontend' },
      annotations: { 'kubernetes.io/psp': 'restricted', 'prometheus.io/scrape': 'true' },
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
            limits: { cpu: '500m', memory: '256Mi' },
          },
          readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 },
          volumeMounts: [
            {
              name: 'kube-api-access',
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              readOnly: true,
            },
          ],
          terminationMessagePath: '/dev/termination-log',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      nodeName: `node-${index % 5000}`,
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
      ],
      volumes: [{ name: 'kube-api-access', projected: { defaultMode: 420 } }],
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True', lastTransitionTime: '2026-01-01T00:00:01Z' },
        { type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:03Z' },
        { type: 'ContainersReady', status: 'True', lastTransitionTime: '2026-01-01T00:00:03Z' },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' },
      ],
      hostIP: `192.168.${(index >> 8) & 255}.${index & 255}`,
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: '2026-01-01T00:00:01Z',
      containerStatuses: [
        {
          name: 'web',
          state: { running: { startedAt: '2026-01-01T00:00:02Z' } },
          ready: true,
          restartCount: 0,
          image: 'registry.example.com/web:1.25.3',
          imageID:
            'registry.example.com/web@sha256:4c1d6f0e9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d',
          containerID: `containerd://${uid.replace(/-/g, '')}${uid.replace(/-/g, '')}`.slice(0, 77),
          started: true,
        },
      ],
      qosClass: 'Burstable',
    },
  };
}

/** An object whose JSON encoding is exactly `bytes` long (at least 32). */
export function valueOfSize(
  bytes: number,
  seed: number,
): { readonly id: number; readonly data: string } {
  const shell = JSON.stringify({ id: seed, data: '' }).length;
  return { id: seed, data: 'x'.repeat(bytes - shell) };
}
