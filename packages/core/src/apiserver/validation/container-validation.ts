/**
 * Semantic validation of a pod's containers and init containers, as upstream's
 * `validateContainers` and `validateInitContainers`: names, images, ports, resources,
 * probes and volume mounts.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Container, ContainerPort, VolumeMount } from '../../api/kinds/core-v1/index.js';
import {
  at,
  child,
  duplicate,
  fieldPath,
  invalid,
  notFound,
  notSupported,
  required,
} from './field-errors.js';
import { isValidDNS1123Label, isValidPortNameFormat } from './name-format-scans.js';
import { isDNS1123Label, isValidPortName, isValidPortNumber } from './name-rules.js';
import { validateProbes } from './probe-validation.js';
import { validateResourceRequirementsInto } from './resource-requirements-validation.js';

export { validateProbe } from './probe-validation.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'] as const;
const PROTOCOLS_SET: ReadonlySet<string> = new Set(PROTOCOLS);
const PULL_POLICIES_SET: ReadonlySet<string> = new Set(PULL_POLICIES);
const TERMINATION_MESSAGE_POLICIES_SET: ReadonlySet<string> = new Set(TERMINATION_MESSAGE_POLICIES);

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
  validateContainerListInto(containers, context, errors);
  return errors;
}

/** {@link validateContainerList} appending its problems to `errors`. */
export function validateContainerListInto(
  containers: readonly Container[] | undefined,
  context: ContainerListContext,
  errors: FieldError[],
): void {
  if (containers === undefined) {
    return;
  }
  for (let i = 0; i < containers.length; i++) {
    validateContainer(containers[i] as Container, i, context, errors);
  }
}

/** `Required value` when unset, `Unsupported value` when not one of `supported`. */
export function validateEnum(
  value: string | undefined,
  path: string,
  supported: readonly string[],
): FieldError[] {
  const errors: FieldError[] = [];
  validateEnumInto(value, path, '', supported, errors);
  return errors;
}

/** {@link validateEnum} appending to `errors`, at `fieldPath(parent, name)`. */
export function validateEnumInto(
  value: string | undefined,
  parent: string,
  name: string,
  supported: readonly string[],
  errors: FieldError[],
): void {
  if (value === undefined || value === '') {
    errors.push(required(fieldPath(parent, name)));
  } else if (!supported.includes(value)) {
    errors.push(notSupported(fieldPath(parent, name), value, supported));
  }
}

function validateContainer(
  container: Container,
  index: number,
  context: ContainerListContext,
  errors: FieldError[],
): void {
  const listPath = context.path;
  const name = container.name;
  if (name === '') {
    errors.push(required(child(at(listPath, index), 'name')));
  } else {
    if (!isValidDNS1123Label(name)) {
      for (const problem of isDNS1123Label(name)) {
        errors.push(invalid(child(at(listPath, index), 'name'), name, problem));
      }
    }
    if (context.takenNames.has(name)) {
      errors.push(duplicate(child(at(listPath, index), 'name'), name));
    } else {
      context.takenNames.add(name);
    }
  }
  if ((container.image ?? '') === '') {
    errors.push(required(child(at(listPath, index), 'image')));
  }
  if (container.ports !== undefined) {
    validatePorts(container.ports, listPath, index, errors);
  }
  if (container.resources !== undefined) {
    validateResourceRequirementsInto(container.resources, at(listPath, index), 'resources', errors);
  }
  if (container.volumeMounts !== undefined) {
    validateVolumeMounts(container.volumeMounts, listPath, index, context, errors);
  }
  const imagePullPolicy = container.imagePullPolicy;
  if (imagePullPolicy === undefined || !PULL_POLICIES_SET.has(imagePullPolicy)) {
    validateEnumInto(
      imagePullPolicy,
      at(listPath, index),
      'imagePullPolicy',
      PULL_POLICIES,
      errors,
    );
  }
  const messagePolicy = container.terminationMessagePolicy;
  if (messagePolicy === undefined || !TERMINATION_MESSAGE_POLICIES_SET.has(messagePolicy)) {
    validateEnumInto(
      messagePolicy,
      at(listPath, index),
      'terminationMessagePolicy',
      TERMINATION_MESSAGE_POLICIES,
      errors,
    );
  }
  if (
    container.livenessProbe !== undefined ||
    container.readinessProbe !== undefined ||
    container.startupProbe !== undefined
  ) {
    validateProbes(container, at(listPath, index), context.init, errors);
  }
}

function validatePorts(
  ports: readonly ContainerPort[],
  listPath: string,
  index: number,
  errors: FieldError[],
): void {
  const names = ports.length > 1 ? new Set<string>() : undefined;
  for (let i = 0; i < ports.length; i++) {
    const port = ports[i] as ContainerPort;
    const name = port.name ?? '';
    if (name !== '') {
      if (isValidPortNameFormat(name)) {
        if (names?.has(name) === true) {
          errors.push(duplicate(portField(listPath, index, i, 'name'), name));
        }
      } else {
        for (const problem of isValidPortName(name)) {
          errors.push(invalid(portField(listPath, index, i, 'name'), name, problem));
        }
      }
      names?.add(name);
    }
    const containerPort = port.containerPort;
    if (containerPort === 0) {
      errors.push(required(portField(listPath, index, i, 'containerPort')));
    } else if (!(containerPort >= 1 && containerPort <= 65535)) {
      for (const problem of isValidPortNumber(containerPort)) {
        errors.push(
          invalid(portField(listPath, index, i, 'containerPort'), containerPort, problem),
        );
      }
    }
    const hostPort = port.hostPort;
    if (hostPort !== undefined && hostPort !== 0 && !(hostPort >= 1 && hostPort <= 65535)) {
      for (const problem of isValidPortNumber(hostPort)) {
        errors.push(invalid(portField(listPath, index, i, 'hostPort'), hostPort, problem));
      }
    }
    const protocol = port.protocol;
    if (protocol === undefined || !PROTOCOLS_SET.has(protocol)) {
      validateEnumInto(protocol, portField(listPath, index, i, ''), 'protocol', PROTOCOLS, errors);
    }
  }
}

// `<list>[<index>].ports[<port>].<name>`, or the port's path when `name` is empty.
function portField(listPath: string, index: number, port: number, name: string): string {
  return fieldPath(at(child(at(listPath, index), 'ports'), port), name);
}

function validateVolumeMounts(
  mounts: readonly VolumeMount[],
  listPath: string,
  index: number,
  context: ContainerListContext,
  errors: FieldError[],
): void {
  const mountPaths = mounts.length > 1 ? new Set<string>() : undefined;
  for (let i = 0; i < mounts.length; i++) {
    const mount = mounts[i] as VolumeMount;
    if (mount.name === '') {
      errors.push(required(mountField(listPath, index, i, 'name')));
    } else if (!context.volumeNames.has(mount.name)) {
      errors.push(notFound(mountField(listPath, index, i, 'name'), mount.name));
    }
    const mountPath = mount.mountPath;
    if (mountPath === '') {
      errors.push(required(mountField(listPath, index, i, 'mountPath')));
    } else if (mountPaths?.has(mountPath) === true) {
      errors.push(
        invalid(mountField(listPath, index, i, 'mountPath'), mountPath, 'must be unique'),
      );
    }
    mountPaths?.add(mountPath);
  }
}

function mountField(listPath: string, index: number, mount: number, name: string): string {
  return child(at(child(at(listPath, index), 'volumeMounts'), mount), name);
}
