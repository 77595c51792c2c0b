/**
 * `corev1.Service`: a stable name and virtual IP in front of a set of pods, with its
 * ports, its type (`ClusterIP`, `NodePort`, `LoadBalancer`, `ExternalName`) and the
 * load balancer status a cloud controller reports.
 *
 * @module
 */
import * as t from 'io-ts';
import { Int32, IntOrString, withSchema } from '../../codec/index.js';
import { Condition } from '../../meta/condition.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';

// corev1.Protocol, an enum upstream.
const protocol = t.keyof({ TCP: null, UDP: null, SCTP: null });

// corev1.ServiceInternalTrafficPolicy and corev1.ServiceExternalTrafficPolicy.
const trafficPolicy = t.keyof({ Cluster: null, Local: null });

/**
 * The codec of `corev1.ServicePort`: `port` (an int32) is required; `name`,
 * `protocol` (`TCP`, `UDP`, `SCTP`), `appProtocol`, `targetPort` (a number or the name
 * of a container port: {@link IntOrString}) and `nodePort` optional.
 */
export const ServicePort = withSchema(
  t.intersection([
    t.type({
      port: withSchema(Int32, { description: 'The port that will be exposed by this service.' }),
    }),
    t.partial({
      name: withSchema(t.string, {
        description:
          'The name of this port within the service, a DNS_LABEL. Optional if only one ServicePort ' +
          'is defined on this service; all ports must have unique names.',
      }),
      protocol: withSchema(protocol, {
        description: 'The IP protocol for this port: "TCP", "UDP" or "SCTP"; defaults to TCP.',
      }),
      appProtocol: withSchema(t.string, {
        description:
          'The application protocol for this port, a hint for implementations (IANA service names ' +
          'or prefixed names such as mycompany.com/my-custom-protocol).',
      }),
      targetPort: withSchema(IntOrString, {
        description:
          'Number or name of the port to access on the pods targeted by the service; defaults to ' +
          "the value of the 'port' field.",
      }),
      nodePort: withSchema(Int32, {
        description:
          'The port on each node on which this service is exposed when type is NodePort or ' +
          'LoadBalancer; usually assigned by the system.',
      }),
    }),
  ]),
  { description: "ServicePort contains information on service's port." },
  'ServicePort',
);

/** A service's port, as {@link ServicePort} decodes it. */
export type ServicePort = t.TypeOf<typeof ServicePort>;

/**
 * The codec of `corev1.SessionAffinityConfig`: its `clientIP.timeoutSeconds` (an int32),
 * all optional.
 */
export const SessionAffinityConfig = withSchema(
  t.partial({
    clientIP: withSchema(
      t.partial({
        timeoutSeconds: withSchema(Int32, {
          description:
            'The seconds of ClientIP type session sticky time, 0 < x <= 86400 (1 day); defaults to 10800.',
        }),
      }),
      { description: 'The configurations of Client IP based session affinity.' },
    ),
  }),
  { description: 'SessionAffinityConfig represents the configurations of session affinity.' },
  'SessionAffinityConfig',
);

/** A service's session affinity configuration, as {@link SessionAffinityConfig} decodes it. */
export type SessionAffinityConfig = t.TypeOf<typeof SessionAffinityConfig>;

/**
 * The codec of `corev1.ServiceSpec`: every field optional, as upstream.
 *
 * - `type` is `ClusterIP`, `NodePort`, `LoadBalancer` or `ExternalName`;
 *   `sessionAffinity` `ClientIP` or `None`; `externalTrafficPolicy` and
 *   `internalTrafficPolicy` `Cluster` or `Local`; `ipFamilies` items `IPv4` or `IPv6`;
 *   `ipFamilyPolicy` `SingleStack`, `PreferDualStack` or `RequireDualStack`;
 * - `ports` is a map list keyed by `port` and `protocol`; `selector` an atomic map.
 *
 * Caveats: upstream's validation (port ranges, that `clusterIP` and `clusterIPs[0]`
 * agree, which fields each type allows) is the apiserver's business, not decoding's.
 */
export const ServiceSpec = withSchema(
  t.partial({
    ports: withSchema(t.array(ServicePort), {
      description: 'The list of ports that are exposed by this service.',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['port', 'protocol'],
    }),
    selector: withSchema(t.record(t.string, t.string), {
      description:
        'Route service traffic to pods with label keys and values matching this selector. ' +
        'If empty or not present, the service is assumed to have an external process managing ' +
        'its endpoints. Ignored if type is ExternalName.',
      'x-kubernetes-map-type': 'atomic',
    }),
    clusterIP: withSchema(t.string, {
      description:
        'clusterIP is the IP address of the service, usually assigned randomly; "None" makes a ' +
        'headless service.',
    }),
    clusterIPs: withSchema(t.array(t.string), {
      description:
        'ClusterIPs is a list of IP addresses assigned to this service, usually assigned randomly; ' +
        'the first is clusterIP.',
      'x-kubernetes-list-type': 'atomic',
    }),
    type: withSchema(
      t.keyof({ ClusterIP: null, NodePort: null, LoadBalancer: null, ExternalName: null }),
      {
        description:
          'type determines how the Service is exposed: ClusterIP, NodePort, LoadBalancer or ' +
          'ExternalName; defaults to ClusterIP.',
      },
    ),
    externalIPs: withSchema(t.array(t.string), {
      description:
        'externalIPs is a list of IP addresses for which nodes in the cluster will also accept ' +
        'traffic for this service.',
      'x-kubernetes-list-type': 'atomic',
    }),
    sessionAffinity: withSchema(t.keyof({ ClientIP: null, None: null }), {
      description:
        'Supports "ClientIP" and "None". Used to maintain session affinity; defaults to None.',
    }),
    loadBalancerIP: withSchema(t.string, {
      description: 'Only applies to Service Type: LoadBalancer. Deprecated.',
    }),
    loadBalancerSourceRanges: withSchema(t.array(t.string), {
      description:
        'If specified and supported by the platform, traffic through the cloud-provider ' +
        'load-balancer will be restricted to the specified client IPs.',
      'x-kubernetes-list-type': 'atomic',
    }),
    externalName: withSchema(t.string, {
      description:
        'externalName is the external reference that discovery mechanisms will return as an alias ' +
        'for this service (a DNS CNAME record); requires type ExternalName.',
    }),
    externalTrafficPolicy: withSchema(trafficPolicy, {
      description:
        'externalTrafficPolicy describes how nodes distribute service traffic they receive on one ' +
        'of the Service\'s "externally-facing" addresses: Cluster or Local.',
    }),
    healthCheckNodePort: withSchema(Int32, {
      description:
        'healthCheckNodePort specifies the healthcheck nodePort for the service, for type ' +
        'LoadBalancer with externalTrafficPolicy Local.',
    }),
    publishNotReadyAddresses: withSchema(t.boolean, {
      description:
        'publishNotReadyAddresses indicates that any agent which deals with endpoints for this ' +
        'Service should disregard any indications of ready/not-ready.',
    }),
    sessionAffinityConfig: withSchema(SessionAffinityConfig, {
      description: 'sessionAffinityConfig contains the configurations of session affinity.',
    }),
    ipFamilies: withSchema(t.array(t.keyof({ IPv4: null, IPv6: null })), {
      description:
        'IPFamilies is a list of IP families (IPv4, IPv6) assigned to this service, in the order ' +
        'of clusterIPs.',
      'x-kubernetes-list-type': 'atomic',
    }),
    ipFamilyPolicy: withSchema(
      t.keyof({ SingleStack: null, PreferDualStack: null, RequireDualStack: null }),
      {
        description:
          'IPFamilyPolicy represents the dual-stack-ness requested or required by this Service: ' +
          'SingleStack, PreferDualStack or RequireDualStack.',
      },
    ),
    allocateLoadBalancerNodePorts: withSchema(t.boolean, {
      description:
        'allocateLoadBalancerNodePorts defines if NodePorts will be automatically allocated for ' +
        'services with type LoadBalancer; defaults to true.',
    }),
    loadBalancerClass: withSchema(t.string, {
      description:
        'loadBalancerClass is the class of the load balancer implementation this Service belongs to.',
    }),
    internalTrafficPolicy: withSchema(trafficPolicy, {
      description:
        'InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ' +
        'ClusterIP: Cluster or Local.',
    }),
    trafficDistribution: withSchema(t.string, {
      description:
        'TrafficDistribution offers a way to express preferences for how traffic is distributed ' +
        'to Service endpoints (PreferClose, PreferSameZone, PreferSameNode).',
    }),
  }),
  { description: 'ServiceSpec describes the attributes that a user creates on a service.' },
  'ServiceSpec',
);

/** A service's spec, as {@link ServiceSpec} decodes it. */
export type ServiceSpec = t.TypeOf<typeof ServiceSpec>;

/**
 * The codec of `corev1.PortStatus`: `port` and `protocol` are required, `error`
 * optional.
 */
export const PortStatus = withSchema(
  t.intersection([
    t.type({
      port: withSchema(Int32, { description: 'Port is the port number of the service port.' }),
      protocol: withSchema(protocol, {
        description: 'Protocol is the protocol of the service port: TCP, UDP or SCTP.',
      }),
    }),
    t.partial({
      error: withSchema(t.string, {
        description:
          'Error is to record the problem with the service port, as a CamelCase reason; empty ' +
          'when there is none.',
      }),
    }),
  ]),
  { description: 'PortStatus represents the error condition of a service port.' },
  'PortStatus',
);

/** The status of a load balancer's port, as {@link PortStatus} decodes it. */
export type PortStatus = t.TypeOf<typeof PortStatus>;

/**
 * The codec of `corev1.LoadBalancerIngress`: `ip`, `hostname`, `ipMode` (`VIP` or
 * `Proxy`) and `ports`, all optional.
 */
export const LoadBalancerIngress = withSchema(
  t.partial({
    ip: withSchema(t.string, {
      description: 'IP is set for load-balancer ingress points that are IP based.',
    }),
    hostname: withSchema(t.string, {
      description: 'Hostname is set for load-balancer ingress points that are DNS based.',
    }),
    ipMode: withSchema(t.keyof({ VIP: null, Proxy: null }), {
      description:
        'IPMode specifies how the load-balancer IP behaves: VIP (traffic is delivered to the ' +
        'node with the destination set to the IP) or Proxy.',
    }),
    ports: withSchema(t.array(PortStatus), {
      description: 'Ports is a list of records of service ports.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  {
    description:
      'LoadBalancerIngress represents the status of a load-balancer ingress point: traffic ' +
      'intended for the service should be sent to an ingress point.',
  },
  'LoadBalancerIngress',
);

/** A load balancer's ingress point, as {@link LoadBalancerIngress} decodes it. */
export type LoadBalancerIngress = t.TypeOf<typeof LoadBalancerIngress>;

/** The codec of `corev1.LoadBalancerStatus`: its `ingress` points (optional). */
export const LoadBalancerStatus = withSchema(
  t.partial({
    ingress: withSchema(t.array(LoadBalancerIngress), {
      description: 'Ingress is a list containing ingress points for the load-balancer.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  { description: 'LoadBalancerStatus represents the status of a load-balancer.' },
  'LoadBalancerStatus',
);

/** A load balancer's status, as {@link LoadBalancerStatus} decodes it. */
export type LoadBalancerStatus = t.TypeOf<typeof LoadBalancerStatus>;

/**
 * The codec of `corev1.ServiceStatus`: `loadBalancer` and `conditions` (each a
 * `metav1.Condition`, see {@link Condition}, a map list keyed by `type`), both optional.
 */
export const ServiceStatus = withSchema(
  t.partial({
    loadBalancer: withSchema(LoadBalancerStatus, {
      description:
        'LoadBalancer contains the current status of the load-balancer, if one is present.',
    }),
    conditions: withSchema(t.array(Condition), {
      description: 'Current service state.',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    }),
  }),
  { description: 'ServiceStatus represents the current status of a service.' },
  'ServiceStatus',
);

/** A service's status, as {@link ServiceStatus} decodes it. */
export type ServiceStatus = t.TypeOf<typeof ServiceStatus>;

/**
 * The codec of `corev1.Service` (`v1`, namespaced): `metadata`, `spec` and `status`,
 * all optional. `apiVersion` and `kind` are the literals `v1` and `Service`, optional
 * in request bodies.
 */
export const Service = withSchema(
  t.partial({
    ...typeMetaOf('v1', 'Service'),
    metadata: ObjectMeta,
    spec: withSchema(ServiceSpec, {
      description: 'Spec defines the behavior of a service.',
    }),
    status: withSchema(ServiceStatus, {
      description: 'Most recently observed status of the service; read-only.',
    }),
  }),
  {
    description:
      'Service is a named abstraction of software service (for example, mysql) consisting of ' +
      'local port (for example 3306) that the proxy listens on, and the selector that determines ' +
      'which pods will answer requests sent through the proxy.',
  },
  'Service',
);

/** A service, as {@link Service} decodes it. */
export type Service = t.TypeOf<typeof Service>;

/** The codec of `corev1.ServiceList`. */
export const ServiceList = listOf({
  apiVersion: 'v1',
  kind: 'ServiceList',
  item: Service,
  description: 'ServiceList holds a list of services.',
});

/** A list of services, as {@link ServiceList} decodes it. */
export type ServiceList = t.TypeOf<typeof ServiceList>;
