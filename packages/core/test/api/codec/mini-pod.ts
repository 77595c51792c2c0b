import * as t from 'io-ts';
import { withSchema, Int32, IntOrString, QuantityCodec } from '../../../src/api/codec/index.js';

/** A Pod-like spec: the fixture the schema and decoding tests share. */
export const ContainerPort = t.intersection([
  t.type({ containerPort: Int32 }),
  t.partial({
    name: t.string,
    protocol: t.keyof({ TCP: null, UDP: null, SCTP: null }),
  }),
]);

export const ResourceRequirements = t.partial({
  limits: t.record(t.string, QuantityCodec),
  requests: t.record(t.string, QuantityCodec),
});

export const Probe = t.type({
  port: IntOrString,
  path: t.union([t.string, t.null]),
});

export const Container = t.intersection([
  t.type({
    name: withSchema(t.string, { description: 'The container name, unique in the pod.' }),
    image: t.string,
  }),
  t.partial({
    args: t.array(t.string),
    ports: withSchema(t.array(ContainerPort), {
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
    }),
    resources: ResourceRequirements,
    imagePullPolicy: t.union([t.literal('Always'), t.literal('IfNotPresent'), t.literal('Never')]),
    readinessProbe: Probe,
  }),
]);

export const PodSpec = t.intersection([
  t.type({ containers: t.array(Container) }),
  t.partial({
    restartPolicy: t.keyof({ Always: null, OnFailure: null, Never: null }),
    nodeSelector: t.record(t.string, t.string),
    hostNetwork: t.boolean,
    priority: t.union([Int32, t.null]),
  }),
]);

export const Pod = t.type({
  metadata: t.intersection([
    t.type({ name: t.string }),
    t.partial({ labels: t.record(t.string, t.string) }),
  ]),
  spec: PodSpec,
});
