/**
 * `discoveryv1.EndpointSlice`: a slice of the endpoints of a service (at most 100 by
 * default), as the EndpointSlice controller writes them for kube-proxy and DNS.
 *
 * @module
 */
import * as t from 'io-ts';
import { Int32, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { ObjectReference } from '../core-v1/object-reference.js';
import { listOf, typeMetaOf } from '../kind-codec.js';

/**
 * The codec of `discoveryv1.EndpointConditions`: `ready`, `serving` and `terminating`,
 * each an optional boolean (absent means unknown).
 */
export const EndpointConditions = withSchema(
  t.partial({
    ready: withSchema(t.boolean, {
      description:
        'ready indicates that this endpoint is ready to receive traffic, according to whatever ' +
        'system is managing the endpoint; nil means unknown. Terminating endpoints are never ready.',
    }),
    serving: withSchema(t.boolean, {
      description:
        'serving indicates that this endpoint is able to receive traffic, according to whatever ' +
        'system is managing the endpoint; like ready, but set regardless of the terminating state.',
    }),
    terminating: withSchema(t.boolean, {
      description: 'terminating indicates that this endpoint is terminating; nil means unknown.',
    }),
  }),
  { description: 'EndpointConditions represents the current condition of an endpoint.' },
  'EndpointConditions',
);

/** An endpoint's conditions, as {@link EndpointConditions} decodes them. */
export type EndpointConditions = t.TypeOf<typeof EndpointConditions>;

/** The codec of `discoveryv1.ForZone`: the `name` of a zone (required). */
export const ForZone = withSchema(
  t.type({ name: withSchema(t.string, { description: 'name represents the name of the zone.' }) }),
  { description: 'ForZone provides information about which zones should consume this endpoint.' },
  'ForZone',
);

/** A zone hint, as {@link ForZone} decodes it. */
export type ForZone = t.TypeOf<typeof ForZone>;

/** The codec of `discoveryv1.ForNode`: the `name` of a node (required). */
export const ForNode = withSchema(
  t.type({ name: withSchema(t.string, { description: 'name represents the name of the node.' }) }),
  { description: 'ForNode provides information about which nodes should consume this endpoint.' },
  'ForNode',
);

/** A node hint, as {@link ForNode} decodes it. */
export type ForNode = t.TypeOf<typeof ForNode>;

/** The codec of `discoveryv1.EndpointHints`: `forZones` and `forNodes`, both optional. */
export const EndpointHints = withSchema(
  t.partial({
    forZones: withSchema(t.array(ForZone), {
      description: 'forZones indicates the zone(s) this endpoint should be consumed by.',
      'x-kubernetes-list-type': 'atomic',
    }),
    forNodes: withSchema(t.array(ForNode), {
      description: 'forNodes indicates the node(s) this endpoint should be consumed by.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  { description: 'EndpointHints provides hints describing how an endpoint should be consumed.' },
  'EndpointHints',
);

/** An endpoint's hints, as {@link EndpointHints} decodes them. */
export type EndpointHints = t.TypeOf<typeof EndpointHints>;

/**
 * The codec of `discoveryv1.Endpoint`: `addresses` is required (a set of 1 to 100
 * addresses, of the slice's `addressType`); `conditions`, `hostname`, `targetRef`,
 * `deprecatedTopology`, `nodeName`, `zone` and `hints` optional.
 */
export const Endpoint = withSchema(
  t.intersection([
    t.type({
      addresses: withSchema(t.array(t.string), {
        description:
          'addresses of this endpoint, interpreted according to the EndpointSlice addressType; ' +
          'consumers must handle different types of addresses.',
        'x-kubernetes-list-type': 'set',
      }),
    }),
    t.partial({
      conditions: withSchema(EndpointConditions, {
        description: 'conditions contains information about the current status of the endpoint.',
      }),
      hostname: withSchema(t.string, {
        description:
          'hostname of this endpoint, usable by consumers of endpoints to tell them apart.',
      }),
      targetRef: withSchema(ObjectReference, {
        description:
          'targetRef is a reference to a Kubernetes object that represents this endpoint.',
      }),
      deprecatedTopology: withSchema(t.record(t.string, t.string), {
        description:
          'deprecatedTopology contains topology information part of the v1beta1 API; deprecated.',
      }),
      nodeName: withSchema(t.string, {
        description: 'nodeName represents the name of the Node hosting this endpoint.',
      }),
      zone: withSchema(t.string, {
        description: 'zone is the name of the Zone this endpoint exists in.',
      }),
      hints: withSchema(EndpointHints, {
        description:
          'hints contains information associated with how an endpoint should be consumed.',
      }),
    }),
  ]),
  { description: 'Endpoint represents a single logical "backend" implementing a service.' },
  'Endpoint',
);

/** An endpoint of a slice, as {@link Endpoint} decodes it. */
export type Endpoint = t.TypeOf<typeof Endpoint>;

/**
 * The codec of `discoveryv1.EndpointPort`: `name`, `protocol` (`TCP`, `UDP`, `SCTP`),
 * `port` (an int32) and `appProtocol`, all optional (a slice's port without a number
 * means "all ports"). Atomic for server-side apply.
 *
 * (Named after its group because `EndpointPort` is core `v1`'s, whose `port` is
 * required.)
 */
export const DiscoveryV1EndpointPort = withSchema(
  t.partial({
    name: withSchema(t.string, {
      description:
        'name represents the name of this port; all ports in an EndpointSlice must have a unique name.',
    }),
    protocol: withSchema(t.keyof({ TCP: null, UDP: null, SCTP: null }), {
      description: 'protocol represents the IP protocol for this port: TCP, UDP or SCTP.',
    }),
    port: withSchema(Int32, {
      description:
        'port represents the port number of the endpoint; if unset, all ports are allowed.',
    }),
    appProtocol: withSchema(t.string, {
      description: 'The application protocol for this port, a hint for implementations.',
    }),
  }),
  {
    description: 'EndpointPort represents a Port used by an EndpointSlice.',
    'x-kubernetes-map-type': 'atomic',
  },
  'EndpointPort',
);

/** A port of an endpoint slice, as {@link DiscoveryV1EndpointPort} decodes it. */
export type DiscoveryV1EndpointPort = t.TypeOf<typeof DiscoveryV1EndpointPort>;

/**
 * The codec of `discoveryv1.EndpointSlice` (`discovery.k8s.io/v1`, namespaced):
 * `addressType` (`IPv4`, `IPv6` or `FQDN`) and `endpoints` are required, `metadata` and
 * `ports` optional. `apiVersion` and `kind` are the literals `discovery.k8s.io/v1` and
 * `EndpointSlice`, optional in request bodies.
 *
 * Caveats: `endpoints` and `ports` also accept `null` (schema: `nullable: true`):
 * upstream does not omit them when empty, so Go writes an empty list as `null` (a
 * service without pods, a headless service without ports), which `kubectl get -o json`
 * shows.
 */
export const EndpointSlice = withSchema(
  t.intersection([
    t.partial({
      ...typeMetaOf('discovery.k8s.io/v1', 'EndpointSlice'),
      metadata: ObjectMeta,
    }),
    t.type({
      addressType: withSchema(t.keyof({ IPv4: null, IPv6: null, FQDN: null }), {
        description:
          'addressType specifies the type of address carried by this EndpointSlice: IPv4, IPv6 ' +
          'or FQDN; immutable.',
      }),
      endpoints: withSchema(t.union([t.array(Endpoint), t.null]), {
        description: 'endpoints is a list of unique endpoints in this slice, at most 1000.',
        'x-kubernetes-list-type': 'atomic',
      }),
    }),
    t.partial({
      ports: withSchema(t.union([t.array(DiscoveryV1EndpointPort), t.null]), {
        description:
          'ports specifies the list of network ports exposed by each endpoint in this slice; ' +
          'when empty, no ports are defined; at most 100.',
        'x-kubernetes-list-type': 'atomic',
      }),
    }),
  ]),
  {
    description:
      'EndpointSlice represents a set of service endpoints. Most EndpointSlices are created by ' +
      'the EndpointSlice controller to represent the Pods selected by Service objects.',
  },
  'EndpointSlice',
);

/** An endpoint slice, as {@link EndpointSlice} decodes it. */
export type EndpointSlice = t.TypeOf<typeof EndpointSlice>;

/** The codec of `discoveryv1.EndpointSliceList`. */
export const EndpointSliceList = listOf({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSliceList',
  item: EndpointSlice,
  description: 'EndpointSliceList represents a list of endpoint slices.',
});

/** A list of endpoint slices, as {@link EndpointSliceList} decodes it. */
export type EndpointSliceList = t.TypeOf<typeof EndpointSliceList>;

/** The label naming an EndpointSlice's Service (upstream's `discoveryv1.LabelServiceName`). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
