/**
 * `corev1.Container` and its parts (ports, environment, resources, volume mounts),
 * and `corev1.ContainerStatus`, what the kubelet reports of a running container.
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, Int32, QuantityCodec, withSchema } from '../../codec/index.js';
import { Probe } from './probe.js';

/**
 * The codec of `corev1.ContainerPort`: `containerPort` (an int32) is required; `name`,
 * `hostPort`, `protocol` (`TCP`, `UDP`, `SCTP`) and `hostIP` optional.
 */
export const ContainerPort = withSchema(
  t.intersection([
    t.type({
      containerPort: withSchema(Int32, {
        description: "Number of port to expose on the pod's IP address, 0 < x < 65536.",
      }),
    }),
    t.partial({
      name: withSchema(t.string, {
        description: 'An IANA_SVC_NAME, unique within the pod, that services can refer to.',
      }),
      hostPort: withSchema(Int32, {
        description: 'Number of port to expose on the host, 0 < x < 65536.',
      }),
      protocol: withSchema(t.keyof({ TCP: null, UDP: null, SCTP: null }), {
        description: 'Protocol for port, UDP, TCP or SCTP; defaults to TCP.',
      }),
      hostIP: withSchema(t.string, { description: 'What host IP to bind the external port to.' }),
    }),
  ]),
  { description: 'ContainerPort represents a network port in a single container.' },
  'ContainerPort',
);

/** A container port, as {@link ContainerPort} decodes it. */
export type ContainerPort = t.TypeOf<typeof ContainerPort>;

/** The codec of `corev1.ObjectFieldSelector`: `fieldPath` (required) and `apiVersion`. */
export const ObjectFieldSelector = withSchema(
  t.intersection([
    t.type({
      fieldPath: withSchema(t.string, {
        description: 'Path of the field to select in the specified API version.',
      }),
    }),
    t.partial({
      apiVersion: withSchema(t.string, {
        description:
          'Version of the schema the FieldPath is written in terms of; defaults to "v1".',
      }),
    }),
  ]),
  {
    description: 'ObjectFieldSelector selects an APIVersioned field of an object.',
    'x-kubernetes-map-type': 'atomic',
  },
  'ObjectFieldSelector',
);

/** An object field selector, as {@link ObjectFieldSelector} decodes it. */
export type ObjectFieldSelector = t.TypeOf<typeof ObjectFieldSelector>;

/**
 * The codec of `corev1.ResourceFieldSelector`: `resource` (required), `containerName`
 * and `divisor` (a quantity).
 */
export const ResourceFieldSelector = withSchema(
  t.intersection([
    t.type({
      resource: withSchema(t.string, { description: 'Required: resource to select.' }),
    }),
    t.partial({
      containerName: withSchema(t.string, {
        description: 'Container name: required for volumes, optional for env vars.',
      }),
      divisor: withSchema(QuantityCodec, {
        description: 'Specifies the output format of the exposed resources; defaults to "1".',
      }),
    }),
  ]),
  {
    description:
      'ResourceFieldSelector represents container resources (cpu, memory) and their output format.',
    'x-kubernetes-map-type': 'atomic',
  },
  'ResourceFieldSelector',
);

/** A resource field selector, as {@link ResourceFieldSelector} decodes it. */
export type ResourceFieldSelector = t.TypeOf<typeof ResourceFieldSelector>;

// A key of a config map or secret: the key (required), its object's name and whether it must exist.
function keySelector(of: string) {
  return t.intersection([
    t.type({
      key: withSchema(t.string, { description: `The key of the ${of} to select.` }),
    }),
    t.partial({
      name: withSchema(t.string, { description: 'Name of the referent.' }),
      optional: withSchema(t.boolean, {
        description: `Specify whether the ${of} or its key must be defined.`,
      }),
    }),
  ]);
}

/** The codec of `corev1.ConfigMapKeySelector`: `key` (required), `name` and `optional`. */
export const ConfigMapKeySelector = withSchema(
  keySelector('ConfigMap'),
  {
    description: 'Selects a key from a ConfigMap.',
    'x-kubernetes-map-type': 'atomic',
  },
  'ConfigMapKeySelector',
);

/** A config map key selector, as {@link ConfigMapKeySelector} decodes it. */
export type ConfigMapKeySelector = t.TypeOf<typeof ConfigMapKeySelector>;

/** The codec of `corev1.SecretKeySelector`: `key` (required), `name` and `optional`. */
export const SecretKeySelector = withSchema(
  keySelector('Secret'),
  {
    description: 'SecretKeySelector selects a key of a Secret.',
    'x-kubernetes-map-type': 'atomic',
  },
  'SecretKeySelector',
);

/** A secret key selector, as {@link SecretKeySelector} decodes it. */
export type SecretKeySelector = t.TypeOf<typeof SecretKeySelector>;

/**
 * The codec of `corev1.EnvVarSource`: one of `fieldRef`, `resourceFieldRef`,
 * `configMapKeyRef` and `secretKeyRef`, all optional. (Upstream's alpha
 * `fileKeyRef` is not modelled.)
 */
export const EnvVarSource = withSchema(
  t.partial({
    fieldRef: withSchema(ObjectFieldSelector, {
      description: 'Selects a field of the pod, such as metadata.name or status.podIP.',
    }),
    resourceFieldRef: withSchema(ResourceFieldSelector, {
      description: 'Selects a resource of the container: limits or requests of cpu or memory.',
    }),
    configMapKeyRef: withSchema(ConfigMapKeySelector, {
      description: "Selects a key of a ConfigMap in the pod's namespace.",
    }),
    secretKeyRef: withSchema(SecretKeySelector, {
      description: "Selects a key of a secret in the pod's namespace.",
    }),
  }),
  { description: 'EnvVarSource represents a source for the value of an EnvVar.' },
  'EnvVarSource',
);

/** The source of an environment variable, as {@link EnvVarSource} decodes it. */
export type EnvVarSource = t.TypeOf<typeof EnvVarSource>;

/** The codec of `corev1.EnvVar`: `name` (required), and `value` or `valueFrom`. */
export const EnvVar = withSchema(
  t.intersection([
    t.type({
      name: withSchema(t.string, { description: 'Name of the environment variable.' }),
    }),
    t.partial({
      value: withSchema(t.string, {
        description: 'Variable value, expanding $(VAR_NAME) references; defaults to "".',
      }),
      valueFrom: withSchema(EnvVarSource, {
        description: "Source for the environment variable's value; not with a non-empty value.",
      }),
    }),
  ]),
  { description: 'EnvVar represents an environment variable present in a Container.' },
  'EnvVar',
);

/** An environment variable, as {@link EnvVar} decodes it. */
export type EnvVar = t.TypeOf<typeof EnvVar>;

/**
 * The codec of `corev1.EnvFromSource`: a `prefix` and a `configMapRef` or `secretRef`
 * (each a `name` and `optional`), all optional.
 */
export const EnvFromSource = withSchema(
  t.partial({
    prefix: withSchema(t.string, {
      description: 'An optional identifier to prepend to each key in the ConfigMap or Secret.',
    }),
    configMapRef: withSchema(
      t.partial({
        name: withSchema(t.string, { description: 'Name of the referent.' }),
        optional: withSchema(t.boolean, {
          description: 'Specify whether the ConfigMap must be defined.',
        }),
      }),
      { description: 'The ConfigMap to select from.' },
    ),
    secretRef: withSchema(
      t.partial({
        name: withSchema(t.string, { description: 'Name of the referent.' }),
        optional: withSchema(t.boolean, {
          description: 'Specify whether the Secret must be defined.',
        }),
      }),
      { description: 'The Secret to select from.' },
    ),
  }),
  { description: 'EnvFromSource represents the source of a set of ConfigMaps or Secrets.' },
  'EnvFromSource',
);

/** A source of environment variables, as {@link EnvFromSource} decodes it. */
export type EnvFromSource = t.TypeOf<typeof EnvFromSource>;

// A map of resource names (cpu, memory, ephemeral-storage...) to quantities.
const resourceList = t.record(t.string, QuantityCodec);

/**
 * The codec of `corev1.ResourceRequirements`: `limits` and `requests` (maps of
 * resource names to quantities, see {@link QuantityCodec}) and `claims`, all optional.
 */
export const ResourceRequirements = withSchema(
  t.partial({
    limits: withSchema(resourceList, {
      description: 'Limits describes the maximum amount of compute resources allowed.',
    }),
    requests: withSchema(resourceList, {
      description: 'Requests describes the minimum amount of compute resources required.',
    }),
    claims: withSchema(
      t.array(
        withSchema(
          t.intersection([
            t.type({
              name: withSchema(t.string, {
                description: 'Name of an entry of pod.spec.resourceClaims.',
              }),
            }),
            t.partial({
              request: withSchema(t.string, {
                description: 'The name of a request in the referenced claim.',
              }),
            }),
          ]),
          { description: 'ResourceClaim references one entry in PodSpec.ResourceClaims.' },
        ),
      ),
      {
        description:
          'Claims lists the names of resources, defined in spec.resourceClaims, used by this container.',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      },
    ),
  }),
  { description: 'ResourceRequirements describes the compute resource requirements.' },
  'ResourceRequirements',
);

/** A container's resource requirements, as {@link ResourceRequirements} decodes them. */
export type ResourceRequirements = t.TypeOf<typeof ResourceRequirements>;

/**
 * The codec of `corev1.VolumeMount`: `name` and `mountPath` are required; `readOnly`,
 * `recursiveReadOnly`, `mountPropagation`, `subPath` and `subPathExpr` optional.
 */
export const VolumeMount = withSchema(
  t.intersection([
    t.type({
      name: withSchema(t.string, { description: 'This must match the Name of a Volume.' }),
      mountPath: withSchema(t.string, {
        description: 'Path within the container at which the volume should be mounted.',
      }),
    }),
    t.partial({
      readOnly: withSchema(t.boolean, {
        description: 'Mounted read-only if true, read-write otherwise; defaults to false.',
      }),
      recursiveReadOnly: withSchema(t.string, {
        description:
          'Whether read-only mounts are recursively read-only: Disabled, IfPossible or Enabled.',
      }),
      subPath: withSchema(t.string, {
        description: "Path within the volume from which the container's volume should be mounted.",
      }),
      mountPropagation: withSchema(t.string, {
        description:
          'How mounts are propagated from the host to container and the other way around.',
      }),
      subPathExpr: withSchema(t.string, {
        description: 'Expanded path within the volume, with $(VAR_NAME) references.',
      }),
    }),
  ]),
  { description: 'VolumeMount describes a mounting of a Volume within a container.' },
  'VolumeMount',
);

/** A volume mount, as {@link VolumeMount} decodes it. */
export type VolumeMount = t.TypeOf<typeof VolumeMount>;

/**
 * The codec of `corev1.Container` (also used for `initContainers`): `name` is
 * required, every other field optional.
 *
 * Caveats:
 * - `securityContext` and `lifecycle` are permissive: any JSON object is accepted and
 *   kept as is (`t.UnknownRecord`, schema `x-kubernetes-preserve-unknown-fields`), not
 *   yet modelled field by field;
 * - `imagePullPolicy` is `Always`, `Never` or `IfNotPresent`, and
 *   `terminationMessagePolicy` `File` or `FallbackToLogsOnError`; `restartPolicy`
 *   (`Always` on sidecar init containers) is a string;
 * - `volumeDevices` and `resizePolicy` are not modelled (strict decoding reports them).
 */
export const Container = withSchema(
  t.intersection([
    t.type({
      name: withSchema(t.string, {
        description: 'Name of the container specified as a DNS_LABEL, unique within the pod.',
      }),
    }),
    t.partial({
      image: withSchema(t.string, { description: 'Container image name.' }),
      command: withSchema(t.array(t.string), {
        description: "Entrypoint array, not run within a shell; the image's ENTRYPOINT if unset.",
        'x-kubernetes-list-type': 'atomic',
      }),
      args: withSchema(t.array(t.string), {
        description: "Arguments to the entrypoint; the image's CMD if unset.",
        'x-kubernetes-list-type': 'atomic',
      }),
      workingDir: withSchema(t.string, { description: "Container's working directory." }),
      ports: withSchema(t.array(ContainerPort), {
        description: 'List of ports to expose from the container; primarily informational.',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
      }),
      envFrom: withSchema(t.array(EnvFromSource), {
        description: 'List of sources to populate environment variables in the container.',
        'x-kubernetes-list-type': 'atomic',
      }),
      env: withSchema(t.array(EnvVar), {
        description: 'List of environment variables to set in the container.',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      }),
      resources: withSchema(ResourceRequirements, {
        description: 'Compute Resources required by this container.',
      }),
      restartPolicy: withSchema(t.string, {
        description:
          'The restart behavior of an individual container; Always makes an init container a sidecar.',
      }),
      volumeMounts: withSchema(t.array(VolumeMount), {
        description: "Pod volumes to mount into the container's filesystem.",
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['mountPath'],
      }),
      livenessProbe: withSchema(Probe, {
        description:
          'Periodic probe of container liveness; the container is restarted if it fails.',
      }),
      readinessProbe: withSchema(Probe, {
        description: 'Periodic probe of container service readiness.',
      }),
      startupProbe: withSchema(Probe, {
        description: 'StartupProbe indicates that the Pod has successfully initialized.',
      }),
      lifecycle: withSchema(t.UnknownRecord, {
        description:
          'Actions the system should take in response to container lifecycle events (kept as is).',
      }),
      terminationMessagePath: withSchema(t.string, {
        description: "Path at which the container's termination message is written.",
      }),
      terminationMessagePolicy: withSchema(t.keyof({ File: null, FallbackToLogsOnError: null }), {
        description: 'Indicate how the termination message should be populated.',
      }),
      imagePullPolicy: withSchema(t.keyof({ Always: null, Never: null, IfNotPresent: null }), {
        description: 'Image pull policy: one of Always, Never, IfNotPresent.',
      }),
      securityContext: withSchema(t.UnknownRecord, {
        description: 'The security options the container should be run with (kept as is).',
      }),
      stdin: withSchema(t.boolean, {
        description:
          'Whether this container should allocate a buffer for stdin in the container runtime.',
      }),
      stdinOnce: withSchema(t.boolean, {
        description:
          'Whether the container runtime should close the stdin channel after it has been opened by a single attach.',
      }),
      tty: withSchema(t.boolean, {
        description: 'Whether this container should allocate a TTY for itself.',
      }),
    }),
  ]),
  { description: 'A single application container that you want to run within a pod.' },
  'Container',
);

/** A container, as {@link Container} decodes it. */
export type Container = t.TypeOf<typeof Container>;

// A metav1.Time that is not a pointer: Go writes its zero value as null.
const nullableTime = t.union([DateTime, t.null]);

/** The codec of `corev1.ContainerStateWaiting`: `reason` and `message`, both optional. */
export const ContainerStateWaiting = withSchema(
  t.partial({
    reason: withSchema(t.string, {
      description: 'Brief reason the container is not yet running (e.g. ContainerCreating).',
    }),
    message: withSchema(t.string, {
      description: 'Message regarding why the container is not yet running.',
    }),
  }),
  { description: 'ContainerStateWaiting is a waiting state of a container.' },
  'ContainerStateWaiting',
);

/** A waiting container's state, as {@link ContainerStateWaiting} decodes it. */
export type ContainerStateWaiting = t.TypeOf<typeof ContainerStateWaiting>;

/** The codec of `corev1.ContainerStateRunning`: `startedAt` (optional, nullable). */
export const ContainerStateRunning = withSchema(
  t.partial({
    startedAt: withSchema(nullableTime, {
      description: 'Time at which the container was last (re-)started.',
    }),
  }),
  { description: 'ContainerStateRunning is a running state of a container.' },
  'ContainerStateRunning',
);

/** A running container's state, as {@link ContainerStateRunning} decodes it. */
export type ContainerStateRunning = t.TypeOf<typeof ContainerStateRunning>;

/**
 * The codec of `corev1.ContainerStateTerminated`: `exitCode` (an int32) is required;
 * `signal`, `reason`, `message`, `startedAt`, `finishedAt` (nullable) and
 * `containerID` optional.
 */
export const ContainerStateTerminated = withSchema(
  t.intersection([
    t.type({
      exitCode: withSchema(Int32, {
        description: 'Exit status from the last termination of the container.',
      }),
    }),
    t.partial({
      signal: withSchema(Int32, {
        description: 'Signal from the last termination of the container.',
      }),
      reason: withSchema(t.string, {
        description: 'Brief reason from the last termination of the container.',
      }),
      message: withSchema(t.string, {
        description: 'Message regarding the last termination of the container.',
      }),
      startedAt: withSchema(nullableTime, {
        description: 'Time at which previous execution of the container started.',
      }),
      finishedAt: withSchema(nullableTime, {
        description: 'Time at which the container last terminated.',
      }),
      containerID: withSchema(t.string, {
        description: "Container's ID in the format '<type>://<container_id>'.",
      }),
    }),
  ]),
  { description: 'ContainerStateTerminated is a terminated state of a container.' },
  'ContainerStateTerminated',
);

/** A terminated container's state, as {@link ContainerStateTerminated} decodes it. */
export type ContainerStateTerminated = t.TypeOf<typeof ContainerStateTerminated>;

/** The codec of `corev1.ContainerState`: one of `waiting`, `running` and `terminated`. */
export const ContainerState = withSchema(
  t.partial({
    waiting: withSchema(ContainerStateWaiting, {
      description: 'Details about a waiting container.',
    }),
    running: withSchema(ContainerStateRunning, {
      description: 'Details about a running container.',
    }),
    terminated: withSchema(ContainerStateTerminated, {
      description: 'Details about a terminated container.',
    }),
  }),
  {
    description:
      'ContainerState holds a possible state of container; only one of its members may be specified.',
  },
  'ContainerState',
);

/** A container's state, as {@link ContainerState} decodes it. */
export type ContainerState = t.TypeOf<typeof ContainerState>;

/**
 * The codec of `corev1.VolumeMountStatus`: `name` and `mountPath` are required,
 * `readOnly` and `recursiveReadOnly` optional.
 */
export const VolumeMountStatus = withSchema(
  t.intersection([
    t.type({
      name: withSchema(t.string, {
        description: 'Name corresponds to the name of the original VolumeMount.',
      }),
      mountPath: withSchema(t.string, {
        description: 'MountPath corresponds to the original VolumeMount.',
      }),
    }),
    t.partial({
      readOnly: withSchema(t.boolean, {
        description: 'ReadOnly corresponds to the original VolumeMount.',
      }),
      recursiveReadOnly: withSchema(t.string, {
        description: 'RecursiveReadOnly must be set to Disabled, Enabled, or unspecified.',
      }),
    }),
  ]),
  { description: 'VolumeMountStatus shows status of volume mounts.' },
  'VolumeMountStatus',
);

/** A volume mount's status, as {@link VolumeMountStatus} decodes it. */
export type VolumeMountStatus = t.TypeOf<typeof VolumeMountStatus>;

/**
 * The codec of `corev1.ContainerStatus`: `name`, `ready`, `restartCount`, `image` and
 * `imageID` are required; `state`, `lastState`, `containerID`, `started`,
 * `allocatedResources`, `resources` and `volumeMounts` optional.
 *
 * Caveats: the newer `user`, `allocatedResourcesStatus` and `stopSignal` are not
 * modelled (strict decoding reports them).
 */
export const ContainerStatus = withSchema(
  t.intersection([
    t.type({
      name: withSchema(t.string, {
        description: 'Name is a DNS_LABEL representing the unique name of the container.',
      }),
      ready: withSchema(t.boolean, {
        description:
          'Ready specifies whether the container is currently passing its readiness check.',
      }),
      restartCount: withSchema(Int32, {
        description: 'RestartCount holds the number of times the container has been restarted.',
      }),
      image: withSchema(t.string, {
        description: 'Image is the name of container image that the container is running.',
      }),
      imageID: withSchema(t.string, {
        description: "ImageID is the image ID of the container's image.",
      }),
    }),
    t.partial({
      state: withSchema(ContainerState, {
        description: "State holds details about the container's current condition.",
      }),
      lastState: withSchema(ContainerState, {
        description: 'LastTerminationState holds the last termination state of the container.',
      }),
      containerID: withSchema(t.string, {
        description:
          "ContainerID is the ID of the container in the format '<type>://<container_id>'.",
      }),
      started: withSchema(t.boolean, {
        description:
          'Started indicates whether the container has finished its postStart hook and passed its startup probe.',
      }),
      allocatedResources: withSchema(resourceList, {
        description:
          'AllocatedResources represents the compute resources allocated for this container by the node.',
      }),
      resources: withSchema(ResourceRequirements, {
        description:
          'Resources represents the compute resource requests and limits applied to the running container.',
      }),
      volumeMounts: withSchema(t.array(VolumeMountStatus), {
        description: 'Status of volume mounts.',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['mountPath'],
      }),
    }),
  ]),
  { description: 'ContainerStatus contains details for the current status of this container.' },
  'ContainerStatus',
);

/** A container's status, as {@link ContainerStatus} decodes it. */
export type ContainerStatus = t.TypeOf<typeof ContainerStatus>;
