/**
 * `corev1.Endpoints`: the addresses and ports that implement a service (deprecated
 * upstream since v1.33 in favour of `discovery.k8s.io/v1` EndpointSlice, and still
 * served).
 *
 * @module
 */
import * as t from 'io-ts';
import { Int32, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';
import { ObjectReference } from './object-reference.js';

/**
 * The codec of `corev1.EndpointAddress`: `ip` is required; `hostname`, `nodeName` and
 * `targetRef` (the pod, an {@link ObjectReference}) optional. Atomic for server-side
 * apply.
 */
export const EndpointAddress = withSchema(
  t.intersection([
    t.type({
      ip: withSchema(t.string, { description: 'The IP of this endpoint.' }),
    }),
    t.partial({
      hostname: withSchema(t.string, { description: 'The Hostname of this endpoint.' }),
      nodeName: withSchema(t.string, {
        description: 'Optional: Node hosting this endpoint, to decide endpoints local to a node.',
      }),
      targetRef: withSchema(ObjectReference, {
        description: 'Reference to object providing the endpoint.',
      }),
    }),
  ]),
  {
    description: 'EndpointAddress is a tuple that describes single IP address.',
    'x-kubernetes-map-type': 'atomic',
  },
  'EndpointAddress',
);

/** An endpoint's address, as {@link EndpointAddress} decodes it. */
export type EndpointAddress = t.TypeOf<typeof EndpointAddress>;

/**
 * The codec of `corev1.EndpointPort`: `port` (an int32) is required; `name`,
 * `protocol` (`TCP`, `UDP`, `SCTP`) and `appProtocol` optional. Atomic for server-side
 * apply.
 */
export const EndpointPort = withSchema(
  t.intersection([
    t.type({
      port: withSchema(Int32, { description: 'The port number of the endpoint.' }),
    }),
    t.partial({
      name: withSchema(t.string, {
        description:
          "The name of this port, which must match the 'name' field in the corresponding " +
          'ServicePort; optional only if one port is defined.',
      }),
      protocol: withSchema(t.keyof({ TCP: null, UDP: null, SCTP: null }), {
        description: 'The IP protocol for this port: TCP, UDP or SCTP; defaults to TCP.',
      }),
      appProtocol: withSchema(t.string, {
        description: 'The application protocol for this port, a hint for implementations.',
      }),
    }),
  ]),
  {
    description: 'EndpointPort is a tuple that describes a single port.',
    'x-kubernetes-map-type': 'atomic',
  },
  'EndpointPort',
);

/** An endpoint's port, as {@link EndpointPort} decodes it. */
export type EndpointPort = t.TypeOf<typeof EndpointPort>;

/**
 * The codec of `corev1.EndpointSubset`: `addresses` (ready), `notReadyAddresses` and
 * `ports`, all optional; the endpoints are the cross product of addresses and ports.
 */
export const EndpointSubset = withSchema(
  t.partial({
    addresses: withSchema(t.array(EndpointAddress), {
      description: 'IP addresses which offer the related ports that are marked as ready.',
      'x-kubernetes-list-type': 'atomic',
    }),
    notReadyAddresses: withSchema(t.array(EndpointAddress), {
      description:
        'IP addresses which offer the related ports but are not currently marked as ready ' +
        'because they have not yet finished starting, have recently failed a readiness check, ' +
        'or have recently failed a liveness check.',
      'x-kubernetes-list-type': 'atomic',
    }),
    ports: withSchema(t.array(EndpointPort), {
      description: 'Port numbers available on the related IP addresses.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  {
    description:
      'EndpointSubset is a group of addresses with a common set of ports: the expanded set of ' +
      'endpoints is the Cartesian product of Addresses x Ports.',
  },
  'EndpointSubset',
);

/** A group of endpoints, as {@link EndpointSubset} decodes it. */
export type EndpointSubset = t.TypeOf<typeof EndpointSubset>;

/**
 * The codec of `corev1.Endpoints` (`v1`, namespaced): `metadata` and `subsets`, both
 * optional. `apiVersion` and `kind` are the literals `v1` and `Endpoints`, optional in
 * request bodies.
 */
export const Endpoints = withSchema(
  t.partial({
    ...typeMetaOf('v1', 'Endpoints'),
    metadata: ObjectMeta,
    subsets: withSchema(t.array(EndpointSubset), {
      description:
        'The set of all endpoints is the union of all subsets; addresses are placed into subsets ' +
        'according to the IPs they share.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  {
    description:
      'Endpoints is a collection of endpoints that implement the actual service (deprecated in ' +
      'favour of discovery.k8s.io/v1 EndpointSlice).',
  },
  'Endpoints',
);

/** The endpoints of a service, as {@link Endpoints} decodes them. */
export type Endpoints = t.TypeOf<typeof Endpoints>;

/** The codec of `corev1.EndpointsList`. */
export const EndpointsList = listOf({
  apiVersion: 'v1',
  kind: 'EndpointsList',
  item: Endpoints,
  description: 'EndpointsList is a list of endpoints.',
});

/** A list of endpoints objects, as {@link EndpointsList} decodes it. */
export type EndpointsList = t.TypeOf<typeof EndpointsList>;
