/**
 * The container runtime interface: what the kubelet asks of a runtime, shaped like
 * Kubernetes' CRI (RuntimeService and ImageService) so that a simulated runtime, or
 * any other one, plugs in behind it.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Observable } from 'rxjs';
import type { Probe } from '../../api/kinds/index.js';

/**
 * Why a runtime call failed:
 * - `NotFound`: no sandbox, container or image with that id;
 * - `ImagePullFailed`: the image cannot be pulled (the kubelet reports `ErrImagePull`,
 *   then `ImagePullBackOff`);
 * - `CreateFailed` / `StartFailed`: the container cannot be created or started
 *   (`CreateContainerError`, `RunContainerError`);
 * - `InvalidState`: the call does not apply in the current state (start a running one);
 * - `Unavailable`: the runtime is down.
 */
export type RuntimeErrorCode =
  'NotFound' | 'ImagePullFailed' | 'CreateFailed' | 'StartFailed' | 'InvalidState' | 'Unavailable';

/** A runtime call's failure. */
export interface RuntimeError {
  readonly code: RuntimeErrorCode;
  readonly message: string;
}

/** The answer of an asynchronous runtime call. */
export type RuntimeResult<A> = Promise<Either<RuntimeError, A>>;

/** What a pod sandbox is made from (CRI's `PodSandboxConfig`, its essentials). */
export interface PodSandboxConfig {
  readonly podUid: string;
  readonly namespace: string;
  readonly name: string;
  /** The sandbox's attempt: 0, then one more each time it is recreated. */
  readonly attempt: number;
  /** The pod's IP, chosen by the kubelet from its node's `podCIDR`. */
  readonly ip?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** A sandbox's state (CRI's `PodSandboxState`). */
export type PodSandboxState = 'Ready' | 'NotReady';

/** A pod sandbox as the runtime reports it. */
export interface PodSandboxStatus {
  readonly id: string;
  readonly config: PodSandboxConfig;
  readonly state: PodSandboxState;
  /** When it was created, in milliseconds since the epoch (the runtime's clock). */
  readonly createdAt: number;
  readonly ip?: string;
}

/** What a container is made from (CRI's `ContainerConfig`, its essentials). */
export interface ContainerConfig {
  readonly name: string;
  readonly image: string;
  /** `init` for `spec.initContainers`, `regular` for `spec.containers`. */
  readonly kind: 'init' | 'regular';
  /** 0 for the first container of this name in the pod, then one more per restart. */
  readonly attempt: number;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Limits, in millicores and bytes, when the pod sets them. */
  readonly resources?: { readonly milliCpu?: number; readonly memory?: number };
}

/** A container's state (CRI's `ContainerState`). */
export type ContainerRuntimeState = 'Created' | 'Running' | 'Exited' | 'Unknown';

/** A container as the runtime reports it (CRI's `ContainerStatus`, its essentials). */
export interface ContainerRuntimeStatus {
  readonly id: string;
  readonly podSandboxId: string;
  readonly config: ContainerConfig;
  readonly state: ContainerRuntimeState;
  /** The digest-like reference of the image it runs (`docker.io/library/nginx@sha256:…`). */
  readonly imageRef: string;
  readonly createdAt: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  /** Set once `Exited`. */
  readonly exitCode?: number;
  /** Why it exited (`Completed`, `Error`, `OOMKilled`), once `Exited`. */
  readonly reason?: string;
  readonly message?: string;
}

/** A container's resource use, as `containerStats` reports it. */
export interface ContainerStats {
  readonly containerId: string;
  readonly milliCpu: number;
  readonly memory: number;
}

/** The outcome of a probe the runtime ran (CRI's `ExecSync`, for every probe handler). */
export type ProbeOutcome = 'Success' | 'Failure';

/** Which probe is asked for. */
export type ProbeKind = 'readiness' | 'liveness' | 'startup';

/**
 * A container lifecycle event (CRI's `GetContainerEvents`): the kubelet's pod workers
 * wake on them instead of polling (upstream's evented PLEG).
 */
export interface ContainerEvent {
  readonly type: 'ContainerCreated' | 'ContainerStarted' | 'ContainerStopped' | 'ContainerDeleted';
  readonly containerId: string;
  readonly podSandboxId: string;
  /** When it happened (the runtime's clock). */
  readonly at: number;
}

/** An image the runtime holds. */
export interface ImageInfo {
  readonly image: string;
  readonly ref: string;
  readonly size: number;
}

/**
 * A container runtime. Every call is independent of the kubelet's objects: the
 * runtime knows sandboxes, containers and images by id.
 *
 * Guarantees: calls answer `left(RuntimeError)` instead of throwing; `events$` emits
 * after the state change it reports is visible to `containerStatus`.
 */
export interface ContainerRuntime {
  /** The runtime's name and version, for `status.nodeInfo.containerRuntimeVersion`. */
  version(): { readonly runtimeName: string; readonly runtimeVersion: string };
  /**
   * Pulls `image` (no-op when held); answers its reference.
   *
   * `sandboxConfig` (as in CRI's `PullImageRequest`) and `containerName` (drydock's
   * addition) say which pod and container the pull is for; a runtime may use them
   * (the simulated one matches its scripts with them) or ignore them.
   */
  pullImage(request: {
    readonly image: string;
    readonly sandboxConfig?: PodSandboxConfig;
    readonly containerName?: string;
  }): RuntimeResult<string>;
  /** The images held. */
  listImages(): readonly ImageInfo[];
  /** Creates and starts a pod sandbox; answers its id. */
  runPodSandbox(config: PodSandboxConfig): RuntimeResult<string>;
  /** Stops the sandbox and every container in it (killed at once). */
  stopPodSandbox(podSandboxId: string): RuntimeResult<void>;
  /** Removes a stopped sandbox and its containers. */
  removePodSandbox(podSandboxId: string): RuntimeResult<void>;
  /** The sandbox's status; `NotFound` for an unknown id. */
  podSandboxStatus(podSandboxId: string): Either<RuntimeError, PodSandboxStatus>;
  /**
   * The sandboxes, in the order they were created; only those in `state`, and only
   * those carrying every one of `labels`, when given (CRI's `PodSandboxFilter`).
   */
  listPodSandboxes(filter?: {
    readonly state?: PodSandboxState;
    readonly labels?: Readonly<Record<string, string>>;
  }): readonly PodSandboxStatus[];
  /** Creates a container in the sandbox (state `Created`); answers its id. */
  createContainer(request: {
    readonly podSandboxId: string;
    readonly config: ContainerConfig;
  }): RuntimeResult<string>;
  /** Starts a created container. */
  startContainer(containerId: string): RuntimeResult<void>;
  /**
   * Stops a running container: it exits by itself within `timeoutSeconds` (SIGTERM),
   * or is killed when they pass (exit code 137).
   */
  stopContainer(request: {
    readonly containerId: string;
    readonly timeoutSeconds: number;
  }): RuntimeResult<void>;
  /** Removes a container that is not running. */
  removeContainer(containerId: string): RuntimeResult<void>;
  /** The container's status; `NotFound` for an unknown id. */
  containerStatus(containerId: string): Either<RuntimeError, ContainerRuntimeStatus>;
  /**
   * The containers, in the order they were created; of one sandbox, and only those
   * in `state`, when given (CRI's `ContainerFilter`).
   */
  listContainers(filter?: {
    readonly podSandboxId?: string;
    readonly state?: ContainerRuntimeState;
  }): readonly ContainerRuntimeStatus[];
  /** The container's resource use (zero unless it is running); `NotFound` for an unknown id. */
  containerStats(containerId: string): Either<RuntimeError, ContainerStats>;
  /** Runs `probe` of kind `kind` against the running container. */
  probe(request: {
    readonly containerId: string;
    readonly kind: ProbeKind;
    readonly probe: Probe;
  }): Promise<ProbeOutcome>;
  /** Container lifecycle events, as they happen. */
  readonly events$: Observable<ContainerEvent>;
}
