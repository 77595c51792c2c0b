/**
 * Semantic validation of a container's probes, as upstream's `validateProbe` and the
 * probe checks of `validateContainers` and `validateInitContainers`.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Container, Probe } from '../../api/kinds/core-v1/index.js';
import { child, fieldPath, forbidden, invalid, required } from './field-errors.js';
import { isValidPortNameFormat } from './name-format-scans.js';
import { isValidPortName, isValidPortNumber } from './name-rules.js';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const PROBE_TIMINGS = [
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
] as const;
/**
 * The problems with a container's liveness, readiness and startup probes, at
 * `<path>.livenessProbe`...: init containers take none unless `restartPolicy` is
 * `Always`, and only readiness probes may need more than one success.
 */
export function validateProbes(
  container: Container,
  path: string,
  init: boolean,
  errors: FieldError[],
): void {
  validateContainerProbe(container, container.livenessProbe, path, 'livenessProbe', init, errors);
  validateContainerProbe(container, container.readinessProbe, path, 'readinessProbe', init, errors);
  validateContainerProbe(container, container.startupProbe, path, 'startupProbe', init, errors);
}

// One of a container's probes, at `<path>.<name>`.
function validateContainerProbe(
  container: Container,
  probe: Probe | undefined,
  path: string,
  name: 'livenessProbe' | 'readinessProbe' | 'startupProbe',
  init: boolean,
  errors: FieldError[],
): void {
  if (probe === undefined) {
    return;
  }
  if (init && container.restartPolicy !== 'Always') {
    errors.push(
      forbidden(
        child(path, name),
        'may not be set for init containers without restartPolicy=Always',
      ),
    );
    return;
  }
  validateProbeInto(probe, path, name, errors);
  if (
    name !== 'readinessProbe' &&
    probe.successThreshold !== undefined &&
    probe.successThreshold !== 1
  ) {
    errors.push(
      invalid(child(child(path, name), 'successThreshold'), probe.successThreshold, 'must be 1'),
    );
  }
}

/**
 * The problems with one probe: exactly one handler (`Required value: must specify a
 * handler type`, `Forbidden: may not specify more than 1 handler type`), valid ports,
 * and non-negative timings.
 */
export function validateProbe(probe: Probe, path: string): FieldError[] {
  const errors: FieldError[] = [];
  validateProbeInto(probe, path, '', errors);
  return errors;
}

/** {@link validateProbe} appending to `errors`, at `fieldPath(parent, name)`. */
export function validateProbeInto(
  probe: Probe,
  parent: string,
  name: string,
  errors: FieldError[],
): void {
  let handlers = 0;
  for (const handler of PROBE_HANDLERS) {
    if (probe[handler] !== undefined) {
      handlers++;
    }
  }
  if (handlers !== 1) {
    reportProbeHandlers(probe, fieldPath(parent, name), errors);
  }
  const httpGet = probe.httpGet;
  if (httpGet !== undefined) {
    if ((httpGet.path ?? '') === '') {
      errors.push(required(child(child(fieldPath(parent, name), 'httpGet'), 'path')));
    }
    checkPortNumberOrName(httpGet.port, parent, name, 'httpGet', errors);
  }
  if (probe.tcpSocket !== undefined) {
    checkPortNumberOrName(probe.tcpSocket.port, parent, name, 'tcpSocket', errors);
  }
  if (probe.grpc !== undefined) {
    const port = probe.grpc.port;
    if (!(port >= 1 && port <= 65535)) {
      for (const problem of isValidPortNumber(port)) {
        errors.push(invalid(child(child(fieldPath(parent, name), 'grpc'), 'port'), port, problem));
      }
    }
  }
  for (const timing of PROBE_TIMINGS) {
    const value = probe[timing];
    if (value !== undefined && value < 0) {
      errors.push(
        invalid(
          child(fieldPath(parent, name), timing),
          value,
          'must be greater than or equal to 0',
        ),
      );
    }
  }
}

// The handler problems of a probe with no handler or more than one.
function reportProbeHandlers(probe: Probe, path: string, errors: FieldError[]): void {
  const handlers = PROBE_HANDLERS.filter((handler) => probe[handler] !== undefined);
  if (handlers.length === 0) {
    errors.push(required(path, 'must specify a handler type'));
  }
  for (const extra of handlers.slice(1)) {
    errors.push(forbidden(child(path, extra), 'may not specify more than 1 handler type'));
  }
}

// A handler's `port`, a port number or name, at `<probe>.<handler>.port`.
function checkPortNumberOrName(
  port: number | string,
  parent: string,
  name: string,
  handler: string,
  errors: FieldError[],
): void {
  const valid = typeof port === 'number' ? port >= 1 && port <= 65535 : isValidPortNameFormat(port);
  if (valid) {
    return;
  }
  const problems = typeof port === 'number' ? isValidPortNumber(port) : isValidPortName(port);
  for (const problem of problems) {
    errors.push(invalid(child(child(fieldPath(parent, name), handler), 'port'), port, problem));
  }
}
