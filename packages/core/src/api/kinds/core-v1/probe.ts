/**
 * `corev1.Probe` and its handlers: how the kubelet checks a container's liveness,
 * readiness and startup.
 *
 * @module
 */
import * as t from 'io-ts';
import { Int32, Int64, IntOrString, withSchema } from '../../codec/index.js';

/** The codec of `corev1.ExecAction`: the `command` to run (optional). */
export const ExecAction = withSchema(
  t.partial({
    command: withSchema(t.array(t.string), {
      description: 'Command line to execute inside the container, not run in a shell.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  { description: 'ExecAction describes a "run in container" action.' },
  'ExecAction',
);

/** An exec action, as {@link ExecAction} decodes it. */
export type ExecAction = t.TypeOf<typeof ExecAction>;

/** The codec of `corev1.HTTPHeader`: `name` and `value`, both required. */
export const HTTPHeader = withSchema(
  t.type({
    name: withSchema(t.string, { description: 'The header field name.' }),
    value: withSchema(t.string, { description: 'The header field value.' }),
  }),
  { description: 'HTTPHeader describes a custom header to be used in HTTP probes.' },
  'HTTPHeader',
);

/** An HTTP header, as {@link HTTPHeader} decodes it. */
export type HTTPHeader = t.TypeOf<typeof HTTPHeader>;

/**
 * The codec of `corev1.HTTPGetAction`: `port` (an {@link IntOrString}: a number or a
 * port name) is required; `path`, `host`, `scheme` (`HTTP`, `HTTPS`) and `httpHeaders`
 * optional.
 */
export const HTTPGetAction = withSchema(
  t.intersection([
    t.type({
      port: withSchema(IntOrString, {
        description: 'Number or name of the port to access on the container.',
      }),
    }),
    t.partial({
      path: withSchema(t.string, { description: 'Path to access on the HTTP server.' }),
      host: withSchema(t.string, {
        description: 'Host name to connect to, defaults to the pod IP.',
      }),
      scheme: withSchema(t.keyof({ HTTP: null, HTTPS: null }), {
        description: 'Scheme to use for connecting to the host; defaults to HTTP.',
      }),
      httpHeaders: withSchema(t.array(HTTPHeader), {
        description: 'Custom headers to set in the request.',
        'x-kubernetes-list-type': 'atomic',
      }),
    }),
  ]),
  { description: 'HTTPGetAction describes an action based on HTTP Get requests.' },
  'HTTPGetAction',
);

/** An HTTP GET action, as {@link HTTPGetAction} decodes it. */
export type HTTPGetAction = t.TypeOf<typeof HTTPGetAction>;

/** The codec of `corev1.TCPSocketAction`: `port` (required) and `host` (optional). */
export const TCPSocketAction = withSchema(
  t.intersection([
    t.type({
      port: withSchema(IntOrString, {
        description: 'Number or name of the port to access on the container.',
      }),
    }),
    t.partial({
      host: withSchema(t.string, {
        description: 'Host name to connect to, defaults to the pod IP.',
      }),
    }),
  ]),
  { description: 'TCPSocketAction describes an action based on opening a socket.' },
  'TCPSocketAction',
);

/** A TCP socket action, as {@link TCPSocketAction} decodes it. */
export type TCPSocketAction = t.TypeOf<typeof TCPSocketAction>;

/** The codec of `corev1.GRPCAction`: `port` (an int32, required) and `service` (optional). */
export const GRPCAction = withSchema(
  t.intersection([
    t.type({
      port: withSchema(Int32, { description: 'Port number of the gRPC service, 1-65535.' }),
    }),
    t.partial({
      service: withSchema(t.string, {
        description: 'The name of the service to place in the gRPC HealthCheckRequest.',
      }),
    }),
  ]),
  { description: 'GRPCAction specifies an action involving a GRPC service.' },
  'GRPCAction',
);

/** A gRPC action, as {@link GRPCAction} decodes it. */
export type GRPCAction = t.TypeOf<typeof GRPCAction>;

/**
 * The codec of `corev1.Probe`: one handler (`exec`, `httpGet`, `tcpSocket` or `grpc`,
 * upstream's inlined `ProbeHandler`) and its timing, every field optional.
 *
 * Caveats: that exactly one handler is set is the apiserver's validation, not decoding's.
 */
export const Probe = withSchema(
  t.partial({
    exec: withSchema(ExecAction, {
      description: 'Exec specifies a command to execute in the container.',
    }),
    httpGet: withSchema(HTTPGetAction, {
      description: 'HTTPGet specifies an HTTP GET request to perform.',
    }),
    tcpSocket: withSchema(TCPSocketAction, {
      description: 'TCPSocket specifies a connection to a TCP port.',
    }),
    grpc: withSchema(GRPCAction, { description: 'GRPC specifies a GRPC HealthCheckRequest.' }),
    initialDelaySeconds: withSchema(Int32, {
      description: 'Number of seconds after the container has started before probes are initiated.',
    }),
    timeoutSeconds: withSchema(Int32, {
      description: 'Number of seconds after which the probe times out; defaults to 1.',
    }),
    periodSeconds: withSchema(Int32, {
      description: 'How often (in seconds) to perform the probe; defaults to 10.',
    }),
    successThreshold: withSchema(Int32, {
      description:
        'Minimum consecutive successes for the probe to be considered successful after having failed.',
    }),
    failureThreshold: withSchema(Int32, {
      description:
        'Minimum consecutive failures for the probe to be considered failed after having succeeded.',
    }),
    terminationGracePeriodSeconds: withSchema(Int64, {
      description:
        'Optional duration in seconds the pod needs to terminate gracefully upon probe failure.',
    }),
  }),
  {
    description:
      'Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.',
  },
  'Probe',
);

/** A probe, as {@link Probe} decodes it. */
export type Probe = t.TypeOf<typeof Probe>;
