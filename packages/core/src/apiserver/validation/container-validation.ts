/**
 * Semantic validation of a pod's containers and init containers, as upstream's
 * `validateContainers` and `validateInitContainers`: names, images, ports, resources,
 * probes and volume mounts.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Container, ContainerPort, Probe } from '../../api/kinds/core-v1/index.js';
import {
  at,
  child,
  duplicate,
  forbidden,
  invalid,
  notFound,
  notSupported,
  required,
  validateNonnegative,
} from './field-errors.js';
import { isDNS1123Label, isValidPortName, isValidPortNumber } from './name-rules.js';
import { validateResourceRequirements } from './resource-requirements-validation.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'] as const;
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

/** What validating one list of containers needs to know of the rest of the pod. */
export interface ContainerListContext {
  /** The list's path, such as `spec.containers`. */
  readonly path: string;
  /** The names of the pod's volumes, which volume mounts must refer to. */
  readonly volumeNames: ReadonlySet<string>;
  /**
   * Container names already taken (by the other list); this list's names are added
   * to it as they are met.
   */
  readonly takenNames: Set<string>;
  /** Whether these are init containers, which take no liveness or readiness probes. */
  readonly init: boolean;
}

/**
 * The problems with one list of containers (expected defaulted, see `defaultPod`):
 * names are DNS-1123 labels unique across the pod (`Duplicate value`); images are set;
 * ports, resources, probes and volume mounts are valid; `imagePullPolicy` and
 * `terminationMessagePolicy` are set and supported.
 */
export function validateContainerList(
  containers: readonly Container[] | undefined,
  context: ContainerListContext,
): FieldError[] {
  const errors: FieldError[] = [];
  (containers ?? []).forEach((container, i) => {
    const path = at(context.path, i);
    const namePath = child(path, 'name');
    if (container.name === '') {
      errors.push(required(namePath));
    } else {
      for (const problem of isDNS1123Label(container.name)) {
        errors.push(invalid(namePath, container.name, problem));
      }
      if (context.takenNames.has(container.name)) {
        errors.push(duplicate(namePath, container.name));
      } else {
        context.takenNames.add(container.name);
      }
    }
    if ((container.image ?? '') === '') {
      errors.push(required(child(path, 'image')));
    }
    errors.push(...validatePorts(container.ports, child(path, 'ports')));
    errors.push(...validateResourceRequirements(container.resources, child(path, 'resources')));
    errors.push(...validateVolumeMounts(container, child(path, 'volumeMounts'), context));
    errors.push(
      ...validateEnum(container.imagePullPolicy, child(path, 'imagePullPolicy'), PULL_POLICIES),
    );
    errors.push(
      ...validateEnum(
        container.terminationMessagePolicy,
        child(path, 'terminationMessagePolicy'),
        TERMINATION_MESSAGE_POLICIES,
      ),
    );
    errors.push(...validateProbes(container, path, context.init));
  });
  return errors;
}

/** `Required value` when unset, `Unsupported value` when not one of `supported`. */
export function validateEnum(
  value: string | undefined,
  path: string,
  supported: readonly string[],
): FieldError[] {
  if (value === undefined || value === '') {
    return [required(path)];
  }
  return supported.includes(value) ? [] : [notSupported(path, value, supported)];
}

function validatePorts(ports: readonly ContainerPort[] | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const item = at(path, i);
    const name = port.name ?? '';
    if (name !== '') {
      const problems = isValidPortName(name);
      for (const problem of problems) {
        errors.push(invalid(child(item, 'name'), name, problem));
      }
      if (problems.length === 0 && names.has(name)) {
        errors.push(duplicate(child(item, 'name'), name));
      }
      names.add(name);
    }
    if (port.containerPort === 0) {
      errors.push(required(child(item, 'containerPort')));
    } else {
      for (const problem of isValidPortNumber(port.containerPort)) {
        errors.push(invalid(child(item, 'containerPort'), port.containerPort, problem));
      }
    }
    if (port.hostPort !== undefined && port.hostPort !== 0) {
      for (const problem of isValidPortNumber(port.hostPort)) {
        errors.push(invalid(child(item, 'hostPort'), port.hostPort, problem));
      }
    }
    errors.push(...validateEnum(port.protocol, child(item, 'protocol'), PROTOCOLS));
  });
  return errors;
}

function validateVolumeMounts(
  container: Container,
  path: string,
  context: ContainerListContext,
): FieldError[] {
  const errors: FieldError[] = [];
  const mountPaths = new Set<string>();
  (container.volumeMounts ?? []).forEach((mount, i) => {
    const item = at(path, i);
    if (mount.name === '') {
      errors.push(required(child(item, 'name')));
    } else if (!context.volumeNames.has(mount.name)) {
      errors.push(notFound(child(item, 'name'), mount.name));
    }
    if (mount.mountPath === '') {
      errors.push(required(child(item, 'mountPath')));
    } else if (mountPaths.has(mount.mountPath)) {
      errors.push(invalid(child(item, 'mountPath'), mount.mountPath, 'must be unique'));
    }
    mountPaths.add(mount.mountPath);
  });
  return errors;
}

function validateProbes(container: Container, path: string, init: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const probes = [
    ['livenessProbe', container.livenessProbe],
    ['readinessProbe', container.readinessProbe],
    ['startupProbe', container.startupProbe],
  ] as const;
  for (const [name, probe] of probes) {
    if (probe === undefined) {
      continue;
    }
    const probePath = child(path, name);
    if (init && container.restartPolicy !== 'Always') {
      errors.push(
        forbidden(probePath, 'may not be set for init containers without restartPolicy=Always'),
      );
      continue;
    }
    errors.push(...validateProbe(probe, probePath));
    if (
      name !== 'readinessProbe' &&
      probe.successThreshold !== undefined &&
      probe.successThreshold !== 1
    ) {
      errors.push(
        invalid(child(probePath, 'successThreshold'), probe.successThreshold, 'must be 1'),
      );
    }
  }
  return errors;
}

/**
 * The problems with one probe: exactly one handler (`Required value: must specify a
 * handler type`, `Forbidden: may not specify more than 1 handler type`), valid ports,
 * and non-negative timings.
 */
export function validateProbe(probe: Probe, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const handlers = PROBE_HANDLERS.filter((handler) => probe[handler] !== undefined);
  if (handlers.length === 0) {
    errors.push(required(path, 'must specify a handler type'));
  }
  for (const extra of handlers.slice(1)) {
    errors.push(forbidden(child(path, extra), 'may not specify more than 1 handler type'));
  }
  if (probe.httpGet !== undefined) {
    const httpGet = child(path, 'httpGet');
    if ((probe.httpGet.path ?? '') === '') {
      errors.push(required(child(httpGet, 'path')));
    }
    errors.push(...validatePortNumberOrName(probe.httpGet.port, child(httpGet, 'port')));
  }
  if (probe.tcpSocket !== undefined) {
    errors.push(
      ...validatePortNumberOrName(probe.tcpSocket.port, child(child(path, 'tcpSocket'), 'port')),
    );
  }
  if (probe.grpc !== undefined) {
    for (const problem of isValidPortNumber(probe.grpc.port)) {
      errors.push(invalid(child(child(path, 'grpc'), 'port'), probe.grpc.port, problem));
    }
  }
  for (const timing of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const) {
    errors.push(...validateNonnegative(child(path, timing), probe[timing]));
  }
  return errors;
}

function validatePortNumberOrName(port: number | string, path: string): FieldError[] {
  const problems = typeof port === 'number' ? isValidPortNumber(port) : isValidPortName(port);
  return problems.map((problem) => invalid(path, port, problem));
}
