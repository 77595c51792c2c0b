/**
 * A simulated container runtime: the {@link ContainerRuntime} a drydock node runs,
 * whose containers do what a {@link RuntimeScript} says, on a {@link Clock}.
 *
 * @module
 */
import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { Subject, type Observable } from 'rxjs';
import type { Clock } from '../../clock/clock.js';
import type {
  ContainerConfig,
  ContainerEvent,
  ContainerRuntime,
  ContainerRuntimeState,
  ContainerRuntimeStatus,
  ContainerStats,
  ImageInfo,
  PodSandboxConfig,
  PodSandboxState,
  PodSandboxStatus,
  ProbeKind,
  ProbeOutcome,
  RuntimeError,
  RuntimeResult,
} from './container-runtime.js';
import { ContainerLifecycle } from './container-lifecycle.js';
import { normalizeImage } from './image-reference.js';
import { ImageStore } from './image-store.js';
import {
  containerNotFound,
  RUNTIME_UNAVAILABLE,
  runtimeError,
  sandboxNotFound,
} from './runtime-errors.js';
import {
  ContainerRecord,
  containerStatusOf,
  SandboxRecord,
  sandboxStatusOf,
} from './runtime-records.js';
import { RuntimeScript } from './runtime-script.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** Options of {@link simulatedRuntime}. */
export interface SimulatedRuntimeOptions {
  /** The clock every delay runs on. */
  readonly clock: Clock;
  /** What containers do; share one between the runtimes of every node. Default: a new, empty one. */
  readonly script?: RuntimeScript;
  /** The node it runs on; the default `idPrefix` is `<nodeName>-`. */
  readonly nodeName?: string;
  /** What sandbox and container ids start with. Default: `<nodeName>-`, or nothing. */
  readonly idPrefix?: string;
}

/**
 * A simulated container runtime, with the controls a test has over a node's runtime.
 */
export interface SimulatedRuntime extends ContainerRuntime {
  /**
   * The node died: every sandbox and container is gone at once (no events), every
   * pending call answers `Unavailable`, and so does every call until `revive`.
   * Images are kept (they are on the node's disk).
   */
  kill(): void;
  /** The node is back: calls work again, on an empty runtime (ids keep counting). */
  revive(): void;
  /** Whether it runs (not killed, or revived since). */
  readonly alive: boolean;
  /** The script its containers follow. */
  readonly script: RuntimeScript;
}

/** The runtime name and version a simulated runtime reports. */
export const SIMULATED_RUNTIME_VERSION = Object.freeze({
  runtimeName: 'drydock',
  runtimeVersion: '0.1.0',
});

const DONE_PROMISE: RuntimeResult<void> = Promise.resolve(right(undefined));
const UNAVAILABLE_PROMISE: RuntimeResult<never> = Promise.resolve(RUNTIME_UNAVAILABLE);
const SUCCESS_PROMISE: Promise<ProbeOutcome> = Promise.resolve('Success');
const FAILURE_PROMISE: Promise<ProbeOutcome> = Promise.resolve('Failure');
const NO_USAGE = Object.freeze({ milliCpu: 0, memory: 0 });

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * A simulated container runtime on `options.clock`, its containers scripted by
 * `options.script`.
 *
 * Guarantees:
 * - Every delay is a timer on the given clock, and a delay of 0 sets none: with no
 *   delays scripted, the promise of each call is already resolved when it returns.
 * - Ids are `<idPrefix>sandbox-<n>` and `<idPrefix>container-<n>`, counting from 1.
 * - `events$` emits synchronously, after the change it reports is visible.
 * - A container holds at most one timer, cancelled when it exits, is stopped or
 *   killed, or the runtime is killed.
 * - A stopped container exits with code 0 (`Completed`) after its
 *   `terminationDelay` if that is within the stop's timeout, else with 137 (`Error`)
 *   at the timeout; a container exiting by itself first exits as scripted.
 *
 * Errors (as `left`): `NotFound` for unknown ids; `InvalidState` for starting a
 * container that is not `Created`, removing a running one or a `Ready` sandbox,
 * creating or starting in a stopped sandbox; `CreateFailed` for an image not pulled,
 * a name and attempt already used in the sandbox, or a scripted `createError`;
 * `ImagePullFailed` for an invalid reference or a scripted `pullError`;
 * `StartFailed` for a scripted `startError`; `Unavailable` once killed.
 * `probe` answers `Failure` for a container that is not running or not known.
 *
 * Caveats: a behaviour function (`exit`, probes) that throws makes the call or
 * timer that ran it throw: a bug in the test, surfaced where it happens.
 */
export function simulatedRuntime(options: SimulatedRuntimeOptions): SimulatedRuntime {
  return new SimulatedContainerRuntime(options);
}

class SimulatedContainerRuntime implements SimulatedRuntime {
  readonly script: RuntimeScript;
  readonly events$: Observable<ContainerEvent>;
  readonly #clock: Clock;
  readonly #idPrefix: string;
  readonly #events = new Subject<ContainerEvent>();
  readonly #images: ImageStore;
  readonly #lifecycle: ContainerLifecycle;
  readonly #sandboxes = new Map<string, SandboxRecord>();
  readonly #containers = new Map<string, ContainerRecord>();
  #alive = true;
  #sandboxCount = 0;
  #containerCount = 0;

  constructor(options: SimulatedRuntimeOptions) {
    this.#clock = options.clock;
    this.script = options.script ?? new RuntimeScript();
    this.#idPrefix =
      options.idPrefix ?? (options.nodeName === undefined ? '' : `${options.nodeName}-`);
    this.#images = new ImageStore({ clock: options.clock });
    this.#lifecycle = new ContainerLifecycle({
      clock: options.clock,
      script: this.script,
      emit: (type, container) => this.#emit(type, container),
    });
    this.events$ = this.#events.asObservable();
  }

  get alive(): boolean {
    return this.#alive;
  }

  version(): { readonly runtimeName: string; readonly runtimeVersion: string } {
    return SIMULATED_RUNTIME_VERSION;
  }

  kill(): void {
    this.#alive = false;
    const containers = [...this.#containers.values()];
    this.#containers.clear();
    this.#sandboxes.clear();
    for (const container of containers) {
      this.#lifecycle.abandon(container, RUNTIME_UNAVAILABLE);
    }
    this.#images.abort(RUNTIME_UNAVAILABLE);
  }

  revive(): void {
    this.#alive = true;
  }

  // --- images --------------------------------------------------------------

  pullImage(request: {
    readonly image: string;
    readonly sandboxConfig?: PodSandboxConfig;
    readonly containerName?: string;
  }): RuntimeResult<string> {
    if (!this.#alive) {
      return UNAVAILABLE_PROMISE;
    }
    const normalized = normalizeImage(request.image);
    if (isLeft(normalized)) {
      return Promise.resolve(
        runtimeError(
          'ImagePullFailed',
          `couldn't parse image name "${request.image}": ${normalized.left}`,
        ),
      );
    }
    const behaviour = this.script.behaviourFor({
      image: request.image,
      namespace: request.sandboxConfig?.namespace,
      podName: request.sandboxConfig?.name,
      containerName: request.containerName,
    });
    return this.#images.pull(normalized.right, behaviour);
  }

  listImages(): readonly ImageInfo[] {
    return this.#alive ? this.#images.list() : [];
  }

  // --- sandboxes -----------------------------------------------------------

  runPodSandbox(config: PodSandboxConfig): RuntimeResult<string> {
    if (!this.#alive) {
      return UNAVAILABLE_PROMISE;
    }
    const id = `${this.#idPrefix}sandbox-${++this.#sandboxCount}`;
    this.#sandboxes.set(id, new SandboxRecord(id, config, this.#clock.now()));
    return Promise.resolve(right(id));
  }

  stopPodSandbox(podSandboxId: string): RuntimeResult<void> {
    const sandbox = this.#sandboxes.get(podSandboxId);
    if (!this.#alive || sandbox === undefined) {
      return this.#alive ? Promise.resolve(sandboxNotFound(podSandboxId)) : UNAVAILABLE_PROMISE;
    }
    sandbox.state = 'NotReady';
    // Event subscribers may remove containers meanwhile: go over a copy.
    for (const container of [...sandbox.containers]) {
      this.#lifecycle.kill(container);
    }
    return DONE_PROMISE;
  }

  removePodSandbox(podSandboxId: string): RuntimeResult<void> {
    const sandbox = this.#sandboxes.get(podSandboxId);
    if (!this.#alive || sandbox === undefined) {
      return this.#alive ? Promise.resolve(sandboxNotFound(podSandboxId)) : UNAVAILABLE_PROMISE;
    }
    if (sandbox.state === 'Ready') {
      return Promise.resolve(
        runtimeError(
          'InvalidState',
          `pod sandbox "${podSandboxId}" is Ready: stop it before removing it`,
        ),
      );
    }
    this.#sandboxes.delete(podSandboxId);
    for (const container of sandbox.containers.splice(0)) {
      this.#containers.delete(container.id);
      this.#emit('ContainerDeleted', container);
    }
    return DONE_PROMISE;
  }

  podSandboxStatus(podSandboxId: string): Either<RuntimeError, PodSandboxStatus> {
    if (!this.#alive) {
      return RUNTIME_UNAVAILABLE;
    }
    const sandbox = this.#sandboxes.get(podSandboxId);
    return sandbox === undefined ? sandboxNotFound(podSandboxId) : right(sandboxStatusOf(sandbox));
  }

  listPodSandboxes(filter?: {
    readonly state?: PodSandboxState;
    readonly labels?: Readonly<Record<string, string>>;
  }): readonly PodSandboxStatus[] {
    if (!this.#alive) {
      return [];
    }
    const statuses: PodSandboxStatus[] = [];
    for (const sandbox of this.#sandboxes.values()) {
      if (
        (filter?.state === undefined || sandbox.state === filter.state) &&
        (filter?.labels === undefined || hasLabels(sandbox.config, filter.labels))
      ) {
        statuses.push(sandboxStatusOf(sandbox));
      }
    }
    return statuses;
  }

  // --- containers ----------------------------------------------------------

  createContainer(request: {
    readonly podSandboxId: string;
    readonly config: ContainerConfig;
  }): RuntimeResult<string> {
    return Promise.resolve(this.#create(request.podSandboxId, request.config));
  }

  startContainer(containerId: string): RuntimeResult<void> {
    const container = this.#containers.get(containerId);
    if (!this.#alive || container === undefined) {
      return this.#alive ? Promise.resolve(containerNotFound(containerId)) : UNAVAILABLE_PROMISE;
    }
    if (container.phase !== 'Created') {
      return Promise.resolve(
        runtimeError(
          'InvalidState',
          `container "${containerId}" is ${container.phase}: only a Created container can be started`,
        ),
      );
    }
    if (container.sandbox.state !== 'Ready') {
      return Promise.resolve(
        runtimeError(
          'InvalidState',
          `pod sandbox "${container.sandbox.id}" of container "${containerId}" is not Ready`,
        ),
      );
    }
    return this.#lifecycle.start(container);
  }

  stopContainer(request: {
    readonly containerId: string;
    readonly timeoutSeconds: number;
  }): RuntimeResult<void> {
    const { containerId, timeoutSeconds } = request;
    const container = this.#containers.get(containerId);
    if (!this.#alive || container === undefined) {
      return this.#alive ? Promise.resolve(containerNotFound(containerId)) : UNAVAILABLE_PROMISE;
    }
    return this.#lifecycle.stop(container, timeoutSeconds);
  }

  removeContainer(containerId: string): RuntimeResult<void> {
    const container = this.#containers.get(containerId);
    if (!this.#alive || container === undefined) {
      return this.#alive ? Promise.resolve(containerNotFound(containerId)) : UNAVAILABLE_PROMISE;
    }
    if (container.phase !== 'Created' && container.phase !== 'Exited') {
      return Promise.resolve(
        runtimeError(
          'InvalidState',
          `container "${containerId}" is ${container.phase}: stop it before removing it`,
        ),
      );
    }
    this.#containers.delete(containerId);
    const siblings = container.sandbox.containers;
    siblings.splice(siblings.indexOf(container), 1);
    this.#emit('ContainerDeleted', container);
    return DONE_PROMISE;
  }

  containerStatus(containerId: string): Either<RuntimeError, ContainerRuntimeStatus> {
    if (!this.#alive) {
      return RUNTIME_UNAVAILABLE;
    }
    const container = this.#containers.get(containerId);
    return container === undefined
      ? containerNotFound(containerId)
      : right(containerStatusOf(container));
  }

  listContainers(filter?: {
    readonly podSandboxId?: string;
    readonly state?: ContainerRuntimeState;
  }): readonly ContainerRuntimeStatus[] {
    if (!this.#alive) {
      return [];
    }
    const podSandboxId = filter?.podSandboxId;
    const containers =
      podSandboxId === undefined
        ? this.#containers.values()
        : (this.#sandboxes.get(podSandboxId)?.containers ?? []);
    const statuses: ContainerRuntimeStatus[] = [];
    for (const container of containers) {
      if (filter?.state === undefined || container.state === filter.state) {
        statuses.push(containerStatusOf(container));
      }
    }
    return statuses;
  }

  containerStats(containerId: string): Either<RuntimeError, ContainerStats> {
    if (!this.#alive) {
      return RUNTIME_UNAVAILABLE;
    }
    const container = this.#containers.get(containerId);
    if (container === undefined) {
      return containerNotFound(containerId);
    }
    const usage = container.running
      ? (this.script.behaviourFor(container).usage ?? NO_USAGE)
      : NO_USAGE;
    return right({ containerId, milliCpu: usage.milliCpu, memory: usage.memory });
  }

  probe(request: {
    readonly containerId: string;
    readonly kind: ProbeKind;
  }): Promise<ProbeOutcome> {
    const container = this.#alive ? this.#containers.get(request.containerId) : undefined;
    if (container === undefined || !container.running) {
      return FAILURE_PROMISE;
    }
    const scripted = this.script.behaviourFor(container)[request.kind];
    const outcome =
      typeof scripted === 'function'
        ? scripted({
            attempt: container.config.attempt,
            runningForMs: this.#clock.now() - (container.startedAt ?? this.#clock.now()),
            containerName: container.config.name,
            podName: container.sandbox.config.name,
            namespace: container.sandbox.config.namespace,
          })
        : (scripted ?? 'Success');
    return outcome === 'Success' ? SUCCESS_PROMISE : FAILURE_PROMISE;
  }

  // --- lifecycle -----------------------------------------------------------

  #create(podSandboxId: string, config: ContainerConfig): Either<RuntimeError, string> {
    if (!this.#alive) {
      return RUNTIME_UNAVAILABLE;
    }
    const sandbox = this.#sandboxes.get(podSandboxId);
    if (sandbox === undefined) {
      return sandboxNotFound(podSandboxId);
    }
    if (sandbox.state !== 'Ready') {
      return runtimeError('InvalidState', `pod sandbox "${podSandboxId}" is not Ready`);
    }
    const normalized = normalizeImage(config.image);
    const image = isLeft(normalized) ? undefined : this.#images.held(normalized.right.image);
    if (image === undefined) {
      return runtimeError(
        'CreateFailed',
        `image "${config.image}" is not present on the node: pull it before creating the container`,
      );
    }
    if (sandbox.containers.some((c) => isSameContainer(c.config, config))) {
      return runtimeError(
        'CreateFailed',
        `container name "${config.name}" attempt ${config.attempt} is already in use in pod sandbox "${podSandboxId}"`,
      );
    }
    const id = `${this.#idPrefix}container-${this.#containerCount + 1}`;
    const container = new ContainerRecord(id, sandbox, config, image.ref, this.#clock.now());
    const { createError } = this.script.behaviourFor(container);
    if (createError !== undefined) {
      return runtimeError('CreateFailed', createError);
    }
    this.#containerCount++;
    this.#containers.set(id, container);
    sandbox.containers.push(container);
    this.#emit('ContainerCreated', container);
    return right(id);
  }

  #emit(type: ContainerEvent['type'], container: ContainerRecord): void {
    // No subscriber, no event object: most runs of a large cluster pay nothing.
    if (this.#events.observed) {
      this.#events.next({
        type,
        containerId: container.id,
        podSandboxId: container.sandbox.id,
        at: this.#clock.now(),
      });
    }
  }
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

function isSameContainer(a: ContainerConfig, b: ContainerConfig): boolean {
  return a.name === b.name && a.attempt === b.attempt;
}

function hasLabels(config: PodSandboxConfig, labels: Readonly<Record<string, string>>): boolean {
  for (const key in labels) {
    if (config.labels?.[key] !== labels[key]) {
      return false;
    }
  }
  return true;
}
