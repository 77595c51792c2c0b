/**
 * `corev1.Pod`: a group of containers scheduled together onto one node, with its
 * spec (containers, volumes, scheduling constraints) and the status the kubelet reports.
 *
 * @module
 */
import * as t from 'io-ts';
import {
  DateTime,
  type DescribedType,
  Int32,
  Int64,
  QuantityCodec,
  withSchema,
} from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';
import { Affinity, TopologySpreadConstraint } from './affinity.js';
import { Container, ContainerStatus } from './container.js';
import { LocalObjectReference } from './object-reference.js';
import { Toleration } from './toleration.js';

/** The name of one of upstream's volume sources (`configMap`, `emptyDir`, `projected`...). */
export type VolumeSourceName =
  | 'hostPath'
  | 'emptyDir'
  | 'gcePersistentDisk'
  | 'awsElasticBlockStore'
  | 'gitRepo'
  | 'secret'
  | 'nfs'
  | 'iscsi'
  | 'glusterfs'
  | 'persistentVolumeClaim'
  | 'rbd'
  | 'flexVolume'
  | 'cinder'
  | 'cephfs'
  | 'flocker'
  | 'downwardAPI'
  | 'fc'
  | 'azureFile'
  | 'configMap'
  | 'vsphereVolume'
  | 'quobyte'
  | 'azureDisk'
  | 'photonPersistentDisk'
  | 'projected'
  | 'portworxVolume'
  | 'scaleIO'
  | 'storageos'
  | 'csi'
  | 'ephemeral'
  | 'image';

// Upstream's VolumeSource members, each kept as an unknown record (see Volume).
const VOLUME_SOURCES: Readonly<Record<VolumeSourceName, null>> = {
  hostPath: null,
  emptyDir: null,
  gcePersistentDisk: null,
  awsElasticBlockStore: null,
  gitRepo: null,
  secret: null,
  nfs: null,
  iscsi: null,
  glusterfs: null,
  persistentVolumeClaim: null,
  rbd: null,
  flexVolume: null,
  cinder: null,
  cephfs: null,
  flocker: null,
  downwardAPI: null,
  fc: null,
  azureFile: null,
  configMap: null,
  vsphereVolume: null,
  quobyte: null,
  azureDisk: null,
  photonPersistentDisk: null,
  projected: null,
  portworxVolume: null,
  scaleIO: null,
  storageos: null,
  csi: null,
  ephemeral: null,
  image: null,
};

const volumeSourceProps = Object.fromEntries(
  (Object.keys(VOLUME_SOURCES) as VolumeSourceName[]).map((source) => [
    source,
    withSchema(t.UnknownRecord, {
      description: `The ${source} volume source, kept as an unknown record.`,
    }),
  ]),
) as Record<VolumeSourceName, DescribedType<t.UnknownRecordC>>;

/**
 * The codec of `corev1.Volume`: `name` (required) and one volume source (upstream's
 * inlined `VolumeSource`), optional.
 *
 * Caveats: volume sources are kept as unknown records for now: each of upstream's
 * source fields (`configMap`, `secret`, `emptyDir`, `projected`,
 * `persistentVolumeClaim`, `hostPath`...) accepts any JSON object, kept as is (schema
 * `x-kubernetes-preserve-unknown-fields`), but a source upstream does not have is still
 * an unknown field. That exactly one source is set is the apiserver's validation.
 */
export const Volume = withSchema(
  t.intersection([
    t.type({
      name: withSchema(t.string, {
        description: 'Name of the volume, a DNS_LABEL unique within the pod.',
      }),
    }),
    t.partial(volumeSourceProps),
  ]),
  {
    description:
      'Volume represents a named volume in a pod that may be accessed by any container in the pod.',
  },
  'Volume',
);

/** A pod's volume, as {@link Volume} decodes it. */
export type Volume = t.TypeOf<typeof Volume>;

/**
 * The codec of `corev1.PodSpec`: `containers` is required, every other field optional.
 *
 * - `restartPolicy` is `Always`, `OnFailure` or `Never`; `dnsPolicy` `ClusterFirst`,
 *   `ClusterFirstWithHostNet`, `Default` or `None`; `preemptionPolicy`
 *   `PreemptLowerPriority` or `Never`;
 * - `terminationGracePeriodSeconds` and `activeDeadlineSeconds` are int64s, `priority`
 *   an int32; `overhead` maps resource names to quantities;
 * - `securityContext` is permissive (any JSON object, kept as is), as the container's.
 *
 * Caveats: the less used fields (`ephemeralContainers`, `hostAliases`, `dnsConfig`,
 * `readinessGates`, `resourceClaims`, `schedulingGates`, `os`, `setHostnameAsFQDN`,
 * `hostUsers`, `resources`...) are not modelled yet: strict decoding reports them as
 * unknown fields, and lenient decoding drops them.
 */
export const PodSpec = withSchema(
  t.intersection([
    t.type({
      containers: withSchema(t.array(Container), {
        description: 'List of containers belonging to the pod; at least one.',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      }),
    }),
    t.partial({
      volumes: withSchema(t.array(Volume), {
        description: 'List of volumes that can be mounted by containers belonging to the pod.',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      }),
      initContainers: withSchema(t.array(Container), {
        description: 'List of initialization containers, run in order before the containers.',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      }),
      restartPolicy: withSchema(t.keyof({ Always: null, OnFailure: null, Never: null }), {
        description: 'Restart policy for all containers within the pod; defaults to Always.',
      }),
      terminationGracePeriodSeconds: withSchema(Int64, {
        description: 'Duration in seconds the pod needs to terminate gracefully; defaults to 30.',
      }),
      activeDeadlineSeconds: withSchema(Int64, {
        description: 'Duration in seconds the pod may be active on the node before it is failed.',
      }),
      dnsPolicy: withSchema(
        t.keyof({ ClusterFirst: null, ClusterFirstWithHostNet: null, Default: null, None: null }),
        { description: 'Set DNS policy for the pod; defaults to ClusterFirst.' },
      ),
      nodeSelector: withSchema(t.record(t.string, t.string), {
        description: 'Labels a node must have for the pod to fit on it.',
        'x-kubernetes-map-type': 'atomic',
      }),
      serviceAccountName: withSchema(t.string, {
        description: 'Name of the ServiceAccount to use to run this pod.',
      }),
      serviceAccount: withSchema(t.string, {
        description: 'Deprecated alias for serviceAccountName.',
      }),
      automountServiceAccountToken: withSchema(t.boolean, {
        description: 'Whether a service account token should be automatically mounted.',
      }),
      nodeName: withSchema(t.string, {
        description: 'The node the pod is bound to; set by the scheduler.',
      }),
      hostNetwork: withSchema(t.boolean, {
        description: "Host networking requested for this pod; uses the host's network namespace.",
      }),
      hostPID: withSchema(t.boolean, { description: "Use the host's pid namespace." }),
      hostIPC: withSchema(t.boolean, { description: "Use the host's ipc namespace." }),
      shareProcessNamespace: withSchema(t.boolean, {
        description: 'Share a single process namespace between all of the containers in a pod.',
      }),
      securityContext: withSchema(t.UnknownRecord, {
        description: 'Pod-level security attributes and common container settings (kept as is).',
      }),
      imagePullSecrets: withSchema(t.array(LocalObjectReference), {
        description: 'References to secrets in the same namespace to use for pulling images.',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      }),
      hostname: withSchema(t.string, {
        description: "Specifies the hostname of the Pod; defaults to the pod's name.",
      }),
      subdomain: withSchema(t.string, { description: 'The subdomain of the pod.' }),
      affinity: withSchema(Affinity, { description: "The pod's scheduling constraints." }),
      schedulerName: withSchema(t.string, {
        description: 'The scheduler to dispatch the pod; defaults to default-scheduler.',
      }),
      tolerations: withSchema(t.array(Toleration), {
        description: "The pod's tolerations.",
        'x-kubernetes-list-type': 'atomic',
      }),
      priorityClassName: withSchema(t.string, {
        description: 'The name of the priority class giving the pod its priority.',
      }),
      priority: withSchema(Int32, {
        description: 'The priority value, resolved from priorityClassName by admission.',
      }),
      preemptionPolicy: withSchema(t.keyof({ PreemptLowerPriority: null, Never: null }), {
        description: 'Policy for preempting pods with lower priority.',
      }),
      runtimeClassName: withSchema(t.string, {
        description: 'The RuntimeClass to run this pod with.',
      }),
      enableServiceLinks: withSchema(t.boolean, {
        description:
          "Whether information about services should be injected into pod's environment variables.",
      }),
      overhead: withSchema(t.record(t.string, QuantityCodec), {
        description: 'The resource overhead of running the pod for its RuntimeClass.',
      }),
      topologySpreadConstraints: withSchema(t.array(TopologySpreadConstraint), {
        description: 'How a group of pods ought to spread across topology domains.',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['topologyKey', 'whenUnsatisfiable'],
      }),
    }),
  ]),
  { description: 'PodSpec is a description of a pod.' },
  'PodSpec',
);

/** A pod's spec, as {@link PodSpec} decodes it. */
export type PodSpec = t.TypeOf<typeof PodSpec>;

// A metav1.Time that is not a pointer: Go writes its zero value as null.
const nullableTime = t.union([DateTime, t.null]);

/**
 * The codec of `corev1.PodCondition`: `type` and `status` are required, the rest
 * optional. `type` is a string (`PodScheduled`, `Initialized`, `ContainersReady`,
 * `Ready`, `PodReadyToStartContainers`... and readiness gates' own); `status` is
 * `True`, `False` or `Unknown`; `lastProbeTime` and `lastTransitionTime` also accept
 * `null`, which `kubectl get -o json` shows for `lastProbeTime`.
 */
export const PodCondition = withSchema(
  t.intersection([
    t.type({
      type: withSchema(t.string, { description: 'Type is the type of the condition.' }),
      status: withSchema(t.keyof({ True: null, False: null, Unknown: null }), {
        description: 'Status is the status of the condition: True, False or Unknown.',
      }),
    }),
    t.partial({
      observedGeneration: withSchema(Int64, {
        description: 'The .metadata.generation that the pod condition was set based upon.',
      }),
      lastProbeTime: withSchema(nullableTime, {
        description: 'Last time we probed the condition.',
      }),
      lastTransitionTime: withSchema(nullableTime, {
        description: 'Last time the condition transitioned from one status to another.',
      }),
      reason: withSchema(t.string, {
        description: "Unique, one-word, CamelCase reason for the condition's last transition.",
      }),
      message: withSchema(t.string, {
        description: 'Human-readable message indicating details about last transition.',
      }),
    }),
  ]),
  { description: 'PodCondition contains details for the current condition of this pod.' },
  'PodCondition',
);

/** A pod's condition, as {@link PodCondition} decodes it. */
export type PodCondition = t.TypeOf<typeof PodCondition>;

/** The codec of `corev1.PodIP`: one IP address (`ip`, required) of a pod. */
export const PodIP = withSchema(
  t.type({
    ip: withSchema(t.string, { description: 'IP is the IP address assigned to the pod.' }),
  }),
  { description: 'PodIP represents a single IP address allocated to the pod.' },
  'PodIP',
);

/** A pod IP, as {@link PodIP} decodes it. */
export type PodIP = t.TypeOf<typeof PodIP>;

/** The codec of `corev1.HostIP`: one IP address (`ip`, required) of a pod's host. */
export const HostIP = withSchema(
  t.type({
    ip: withSchema(t.string, { description: 'IP is the IP address assigned to the host.' }),
  }),
  { description: 'HostIP represents a single IP address allocated to the host.' },
  'HostIP',
);

/** A host IP, as {@link HostIP} decodes it. */
export type HostIP = t.TypeOf<typeof HostIP>;

const containerStatuses = (of: string) =>
  withSchema(t.array(ContainerStatus), {
    description: `Statuses of the ${of} in this pod, one per container in the manifest.`,
    'x-kubernetes-list-type': 'atomic',
  });

/**
 * The codec of `corev1.PodStatus`: every field optional, as upstream. `phase` is
 * `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`; `qosClass` `Guaranteed`,
 * `Burstable` or `BestEffort`.
 *
 * Caveats: `ephemeralContainerStatuses`, `resize`, `resourceClaimStatuses`,
 * `observedGeneration` and `extendedResourceClaimStatus` are not modelled yet.
 */
export const PodStatus = withSchema(
  t.partial({
    phase: withSchema(
      t.keyof({ Pending: null, Running: null, Succeeded: null, Failed: null, Unknown: null }),
      { description: 'A simple, high-level summary of where the Pod is in its lifecycle.' },
    ),
    conditions: withSchema(t.array(PodCondition), {
      description: 'Current service state of pod.',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    }),
    message: withSchema(t.string, {
      description:
        'A human readable message indicating details about why the pod is in this condition.',
    }),
    reason: withSchema(t.string, {
      description:
        'A brief CamelCase message indicating details about why the pod is in this state.',
    }),
    nominatedNodeName: withSchema(t.string, {
      description: 'The node this pod is nominated to after preempting pods on it.',
    }),
    hostIP: withSchema(t.string, {
      description: 'The IP address of the host to which the pod is assigned.',
    }),
    hostIPs: withSchema(t.array(HostIP), {
      description: 'The IP addresses allocated to the host.',
      'x-kubernetes-list-type': 'atomic',
    }),
    podIP: withSchema(t.string, {
      description: 'The IP address allocated to the pod, routable at least within the cluster.',
    }),
    podIPs: withSchema(t.array(PodIP), {
      description: 'The IP addresses allocated to the pod; podIP first.',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['ip'],
    }),
    startTime: withSchema(DateTime, {
      description: 'Time the pod was acknowledged by the kubelet, before its images were pulled.',
    }),
    initContainerStatuses: containerStatuses('init containers'),
    containerStatuses: containerStatuses('containers'),
    qosClass: withSchema(t.keyof({ Guaranteed: null, Burstable: null, BestEffort: null }), {
      description:
        'The Quality of Service class assigned to the pod based on resource requirements.',
    }),
  }),
  { description: 'PodStatus represents information about the status of a pod.' },
  'PodStatus',
);

/** A pod's status, as {@link PodStatus} decodes it. */
export type PodStatus = t.TypeOf<typeof PodStatus>;

/**
 * The codec of `corev1.Pod` (`v1`, namespaced): `metadata`, `spec` and `status`, all
 * optional. `apiVersion` and `kind` are the literals `v1` and `Pod`, optional in
 * request bodies.
 */
export const Pod = withSchema(
  t.partial({
    ...typeMetaOf('v1', 'Pod'),
    metadata: ObjectMeta,
    spec: withSchema(PodSpec, { description: 'Specification of the desired behavior of the pod.' }),
    status: withSchema(PodStatus, {
      description: 'Most recently observed status of the pod; read-only.',
    }),
  }),
  {
    description:
      'Pod is a collection of containers that can run on a host, created by clients and scheduled onto hosts.',
  },
  'Pod',
);

/** A pod, as {@link Pod} decodes it. */
export type Pod = t.TypeOf<typeof Pod>;

/** The codec of `corev1.PodList`. */
export const PodList = listOf({
  apiVersion: 'v1',
  kind: 'PodList',
  item: Pod,
  description: 'PodList is a list of Pods.',
});

/** A list of pods, as {@link PodList} decodes it. */
export type PodList = t.TypeOf<typeof PodList>;
