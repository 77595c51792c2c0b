/**
 * The pod worker: drives one pod bound to the node through its life, from sandbox to
 * final deletion (upstream's pod worker and `SyncPod`, their essentials).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod, PodStatus } from '../api/kinds/index.js';
import { jsonEqual } from '../apiserver/index.js';
import type { Timer } from '../clock/index.js';
import { newContainerRecord, type ContainerRecord } from './container-record.js';
import {
  ERROR_RESYNC_MS,
  mayRestart,
  startContainer,
  type ContainerStartHost,
} from './container-start.js';
import { recordPodEvent, type PodWorkerContext } from './pod-worker-context.js';
import type { PodStatusProvider } from './status-manager.js';
import { buildPodStatus, initializationDone, podPhase, rejectedPodStatus } from './pod-status.js';
import { startContainerProbes, type ContainerProbes } from './probes.js';
import { terminatePod } from './pod-termination.js';

/**
 * One pod's worker. Its syncs are serialized (one at a time; a change during a sync
 * syncs again after it) and level-based: each reads the runtime's state and takes the
 * next steps, so a missed event costs a delay, never a wrong state.
 *
 * - Admission happens before (see {@link NodeAdmission}); a rejected pod only has its
 *   `Failed` status written.
 * - A sync creates the sandbox (pod IP from the node's CIDR), runs the init containers
 *   one after the other (each must exit 0; a failure restarts it with back-off, or
 *   fails the pod under `restartPolicy: Never`), then starts the containers, restarts
 *   those that exited as `restartPolicy` says (with CrashLoopBackOff), and follows
 *   their probes.
 * - When every container stopped for good, the pod is `Succeeded` or `Failed`: its
 *   sandbox is stopped and its resources and IP released.
 * - A pod with a `deletionTimestamp` is terminated (see {@link terminatePod}); a pod
 *   that disappears is torn down at once.
 *
 * Caveat: mutable state owned by the worker; the kubelet talks to it only through
 * its methods.
 */
export class PodWorker {
  readonly uid: string;
  #pod: Pod;
  readonly #context: PodWorkerContext;
  readonly #initContainers: ContainerRecord[];
  readonly #containers: ContainerRecord[];
  // Init containers then containers (the same array as #containers when there are no
  // init containers).
  readonly #records: readonly ContainerRecord[];
  // Made for the first container with probes: most pods have none.
  #probes: Map<ContainerRecord, ContainerProbes> | undefined;
  readonly #startTime: number;
  #rejection: PodStatus | undefined;
  #sandboxId: string | undefined;
  #sandboxAttempt = 0;
  #podIP: string | undefined;
  #terminalPhase: 'Succeeded' | 'Failed' | undefined;
  #terminationStarted = false;
  #finallyDeleted = false;
  #seen = false;
  #removed = false;
  #stopped = false;
  #syncing = false;
  #again = false;
  #resync: Timer | undefined;
  #resyncAt = Number.POSITIVE_INFINITY;
  #failures = 0;
  #previousStatus: PodStatus | undefined;

  /** A worker for `pod` (its uid `uid`), rejected by admission when `rejection` is given. */
  constructor(options: {
    readonly context: PodWorkerContext;
    readonly uid: string;
    readonly pod: Pod;
    readonly rejection?: { readonly reason: string; readonly message: string };
  }) {
    const { context, uid, pod } = options;
    this.uid = uid;
    this.#pod = pod;
    this.#context = context;
    this.#startTime = context.clock.now();
    this.#previousStatus = pod.status;
    const containers = Array.isArray(pod.spec?.containers) ? pod.spec.containers : [];
    const initContainers = Array.isArray(pod.spec?.initContainers) ? pod.spec.initContainers : [];
    this.#containers = containers.map((spec) => newContainerRecord(spec, 'regular'));
    this.#initContainers = initContainers.map((spec) => newContainerRecord(spec, 'init'));
    this.#records =
      this.#initContainers.length === 0
        ? this.#containers
        : [...this.#initContainers, ...this.#containers];
    if (options.rejection !== undefined) {
      this.#rejection = rejectedPodStatus(pod, options.rejection.reason, options.rejection.message);
      recordPodEvent(context, pod, 'Warning', options.rejection.reason, options.rejection.message);
    }
    context.statusManager.track(uid, new PodWorker.#StatusSource(this), pod.status);
  }

  /** The pod as last seen. */
  get pod(): Pod {
    return this.#pod;
  }

  /** Whether the pod is done here (rejected, succeeded or failed): it uses no resources. */
  get terminal(): boolean {
    return this.#rejection !== undefined || this.#terminalPhase !== undefined;
  }

  /**
   * The pod was seen (again): sync it when its spec, generation or deletion changed.
   * A change of its status alone (the kubelet's own writes) syncs nothing, as upstream.
   */
  update(pod: Pod): void {
    const previous = this.#pod;
    this.#pod = pod;
    if (!this.#seen || needsSync(previous, pod)) {
      this.#seen = true;
      this.#request();
    }
  }

  /** The pod is gone from the node (force-deleted, or moved): kill and remove its sandbox. */
  remove(): void {
    this.#removed = true;
    this.#request();
  }

  /** The kubelet stops: cancel every timer and probe; the containers keep running. */
  stop(): void {
    this.#stopped = true;
    this.#resync?.cancel();
    for (const probes of this.#probes?.values() ?? []) {
      probes.stop();
    }
    this.#probes = undefined;
  }

  #alive(): boolean {
    return !this.#stopped && !this.#removed;
  }

  #request(): void {
    if (this.#stopped) {
      return;
    }
    if (this.#syncing) {
      this.#again = true;
      return;
    }
    void this.#loop();
  }

  async #loop(): Promise<void> {
    this.#syncing = true;
    do {
      this.#again = false;
      try {
        await this.#sync();
        this.#failures = 0;
      } catch (error) {
        this.#failures++;
        this.#context.emit({
          type: 'Failure',
          operation: 'PodWorker',
          message: `error syncing pod ${this.#describe()}: ${error instanceof Error ? error.message : String(error)}`,
        });
        this.resyncAfter(Math.min(ERROR_RESYNC_MS * 2 ** this.#failures, 60_000));
      }
    } while (this.#again && !this.#stopped);
    this.#syncing = false;
  }

  /** Syncs again in `ms` (at once for 0), unless a sync is already due sooner. */
  resyncAfter(ms: number): void {
    if (this.#stopped) {
      return;
    }
    if (ms <= 0) {
      this.#request();
      return;
    }
    const at = this.#context.clock.now() + ms;
    if (this.#resync?.active === true && this.#resyncAt <= at) {
      return;
    }
    this.#resync?.cancel();
    this.#resyncAt = at;
    this.#resync = this.#context.clock.setTimeout(() => this.#request(), ms);
  }

  #changed(): void {
    this.#context.statusManager.markDirty(this.uid);
  }

  async #sync(): Promise<void> {
    if (this.#removed) {
      await this.#tearDown();
      return;
    }
    if (this.#rejection !== undefined) {
      this.#changed();
      return;
    }
    if (
      this.#pod.metadata?.deletionTimestamp !== undefined &&
      this.#pod.metadata.deletionTimestamp !== null
    ) {
      await this.#terminate();
      return;
    }
    if (this.#terminalPhase !== undefined) {
      return;
    }
    if (!(await this.#ensureSandbox())) {
      return;
    }
    this.#refresh();
    const initialized = await this.#syncInitContainers();
    if (initialized && this.#alive()) {
      await this.#syncContainers();
    }
    if (!this.#alive() || this.#pod.metadata?.deletionTimestamp) {
      return;
    }
    this.#refresh();
    const phase = podPhase(this.#pod, this.#initContainers, this.#containers);
    if (phase === 'Succeeded' || phase === 'Failed') {
      await this.#finish(phase);
    }
    this.#changed();
  }

  async #ensureSandbox(): Promise<boolean> {
    const { runtime } = this.#context;
    if (this.#sandboxId !== undefined) {
      const status = runtime.podSandboxStatus(this.#sandboxId);
      if (!isLeft(status) && status.right.state === 'Ready') {
        return true;
      }
      // The sandbox died: every container goes with it, and a new sandbox is made.
      this.#sandboxId = undefined;
      this.#sandboxAttempt++;
      for (const record of this.#records) {
        this.#stopProbes(record);
      }
    }
    const ip = this.#allocateIP();
    if (ip === null) {
      recordPodEvent(
        this.#context,
        this.#pod,
        'Warning',
        'FailedCreatePodSandBox',
        'Failed to create pod sandbox: no IP addresses available in range set',
      );
      this.resyncAfter(ERROR_RESYNC_MS * 10);
      return false;
    }
    this.#podIP = ip;
    const created = await runtime.runPodSandbox({
      podUid: this.uid,
      namespace: this.#pod.metadata?.namespace ?? '',
      name: this.#pod.metadata?.name ?? '',
      attempt: this.#sandboxAttempt,
      ...(ip === undefined ? {} : { ip }),
      ...(this.#pod.metadata?.labels === undefined ? {} : { labels: this.#pod.metadata.labels }),
    });
    if (!this.#alive()) {
      if (!isLeft(created)) {
        // The pod went while its sandbox was being made: the next sync removes it.
        this.#sandboxId = created.right;
      }
      return false;
    }
    if (isLeft(created)) {
      recordPodEvent(
        this.#context,
        this.#pod,
        'Warning',
        'FailedCreatePodSandBox',
        `Failed to create pod sandbox: ${created.left.message}`,
      );
      this.#context.emit({
        type: 'Failure',
        operation: 'Runtime',
        message: `failed to create the sandbox of pod ${this.#describe()}: ${created.left.message}`,
      });
      this.resyncAfter(ERROR_RESYNC_MS * 10);
      return false;
    }
    this.#sandboxId = created.right;
    this.#changed();
    return true;
  }

  /** The pod's IP: the node's for `hostNetwork`, else one from the CIDR; `null` when none is left. */
  #allocateIP(): string | undefined | null {
    if (this.#pod.spec?.hostNetwork === true) {
      return this.#context.hostIP;
    }
    const allocator = this.#context.ipAllocator;
    return allocator === undefined ? undefined : (allocator.allocate(this.uid) ?? null);
  }

  /** Reads the runtime's state of every container, and starts or stops their probes. */
  #refresh(): void {
    const { runtime } = this.#context;
    for (const record of this.#records) {
      if (record.containerId !== undefined) {
        const status = runtime.containerStatus(record.containerId);
        record.runtime = isLeft(status) ? undefined : status.right;
        if (isLeft(status)) {
          record.containerId = undefined;
        }
      }
      if (record.runtime?.state === 'Running') {
        this.#ensureProbes(record);
      } else {
        this.#stopProbes(record);
      }
    }
  }

  #ensureProbes(record: ContainerRecord): void {
    if (this.#probes?.has(record) === true || record.containerId === undefined) {
      return;
    }
    const spec = record.spec;
    if (
      spec.startupProbe === undefined &&
      spec.readinessProbe === undefined &&
      spec.livenessProbe === undefined
    ) {
      record.started = true;
      record.ready = record.kind === 'regular';
      return;
    }
    const containerId = record.containerId;
    const probes = startContainerProbes({
      clock: this.#context.clock,
      runtime: this.#context.runtime,
      containerId,
      container: spec,
      startedAt: record.runtime?.startedAt ?? this.#context.clock.now(),
      onChange: () => {
        record.started = probes.started;
        record.ready = probes.ready;
        this.#changed();
      },
      onProbeFailed: (kind) => {
        const label =
          kind === 'readiness' ? 'Readiness' : kind === 'liveness' ? 'Liveness' : 'Startup';
        recordPodEvent(this.#context, this.#pod, 'Warning', 'Unhealthy', `${label} probe failed: `);
      },
      onKill: (kind) => {
        const label = kind === 'liveness' ? 'liveness' : 'startup';
        recordPodEvent(
          this.#context,
          this.#pod,
          'Normal',
          'Killing',
          `Container ${spec.name} failed ${label} probe, will be restarted`,
        );
        this.#stopProbes(record);
        const grace =
          spec.livenessProbe?.terminationGracePeriodSeconds ??
          this.#pod.spec?.terminationGracePeriodSeconds ??
          30;
        void this.#context.runtime
          .stopContainer({ containerId, timeoutSeconds: grace })
          .then(() => this.#request());
      },
    });
    (this.#probes ??= new Map()).set(record, probes);
    record.started = probes.started;
    record.ready = probes.ready && record.kind === 'regular';
  }

  #stopProbes(record: ContainerRecord): void {
    this.#probes?.get(record)?.stop();
    this.#probes?.delete(record);
    record.started = false;
    record.ready = false;
  }

  // One host per worker, made on first need: it reads the worker's current state, and
  // the runtime's events about its containers reach the worker through it.
  #hostObject: ContainerStartHost | undefined;

  #host(): ContainerStartHost {
    return (this.#hostObject ??= new PodWorker.#Host(this));
  }

  // The worker's two faces, as classes (one small object each per worker, instead of a
  // closure per member): nested here, they read the worker's private state.

  /** The worker as the host of its containers' starts (see `startContainer`). */
  static readonly #Host = class implements ContainerStartHost {
    readonly #worker: PodWorker;

    constructor(worker: PodWorker) {
      this.#worker = worker;
    }

    get pod(): Pod {
      return this.#worker.#pod;
    }

    get uid(): string {
      return this.#worker.uid;
    }

    get sandboxId(): string {
      return this.#worker.#sandboxId ?? '';
    }

    resyncAfter(ms: number): void {
      this.#worker.resyncAfter(ms);
    }

    changed(): void {
      this.#worker.#changed();
    }

    alive(): boolean {
      return this.#worker.#alive();
    }

    containerChanged(): void {
      this.#worker.resyncAfter(0);
    }
  };

  /** The worker as the status manager's source of its pod's status. */
  static readonly #StatusSource = class implements PodStatusProvider {
    readonly #worker: PodWorker;

    constructor(worker: PodWorker) {
      this.#worker = worker;
    }

    pod(): Pod {
      return this.#worker.#pod;
    }

    status(): PodStatus {
      return this.#worker.#buildStatus();
    }

    written(built: PodStatus, kept: PodStatus): void {
      if (this.#worker.#previousStatus === built) {
        this.#worker.#previousStatus = kept;
      }
    }
  };

  /** Runs the init containers in order; answers whether they all completed. */
  async #syncInitContainers(): Promise<boolean> {
    const restartPolicy = this.#pod.spec?.restartPolicy ?? 'Always';
    for (const record of this.#initContainers) {
      const state = record.runtime?.state;
      const exitCode = state === 'Exited' ? (record.runtime?.exitCode ?? 0) : undefined;
      if (exitCode === 0) {
        record.waiting = undefined;
        continue;
      }
      if (state === 'Running' || state === 'Created') {
        return false;
      }
      if (exitCode !== undefined) {
        if (restartPolicy === 'Never' || !mayRestart(this.#context, this.#host(), record)) {
          return false;
        }
      }
      await startContainer(this.#context, this.#host(), record);
      if (this.#alive()) {
        this.#refresh();
      }
      return initializationDone(this.#initContainers);
    }
    return true;
  }

  /** Starts the containers not started, restarts those that exited as the policy says. */
  async #syncContainers(): Promise<void> {
    const restartPolicy = this.#pod.spec?.restartPolicy ?? 'Always';
    for (const record of this.#containers) {
      if (!this.#alive()) {
        return;
      }
      const state = record.runtime?.state;
      if (state === 'Running' || state === 'Created') {
        continue;
      }
      if (state === 'Exited') {
        const exitCode = record.runtime?.exitCode ?? 0;
        const restart =
          restartPolicy === 'Always' || (restartPolicy === 'OnFailure' && exitCode !== 0);
        if (!restart) {
          record.waiting = undefined;
          continue;
        }
        if (!mayRestart(this.#context, this.#host(), record)) {
          continue;
        }
      }
      await startContainer(this.#context, this.#host(), record);
      if (this.#alive()) {
        this.#refresh();
      }
    }
  }

  /** The pod reached `phase` for good: stop its sandbox, give back its resources. */
  async #finish(phase: 'Succeeded' | 'Failed'): Promise<void> {
    this.#terminalPhase = phase;
    for (const record of this.#records) {
      this.#stopProbes(record);
    }
    this.#context.admission.release(this.uid);
    if (this.#sandboxId !== undefined) {
      await this.#context.runtime.stopPodSandbox(this.#sandboxId);
    }
    this.#context.ipAllocator?.release(this.uid);
    this.#changed();
  }

  async #terminate(): Promise<void> {
    if (this.#finallyDeleted) {
      return;
    }
    const first = !this.#terminationStarted;
    this.#terminationStarted = true;
    const outcome = await terminatePod({
      context: this.#context,
      uid: this.uid,
      pod: this.#pod,
      records: this.#records,
      sandboxId: this.#sandboxId,
      stopProbes: (record) => this.#stopProbes(record),
      refresh: () => this.#refresh(),
      first,
      alive: () => this.#alive(),
      setTerminalPhase: (phase) => {
        this.#terminalPhase ??= phase;
        this.#changed();
      },
    });
    if (outcome === 'retry') {
      this.resyncAfter(ERROR_RESYNC_MS);
    } else if (outcome === 'done') {
      this.#finallyDeleted = true;
    }
  }

  async #tearDown(): Promise<void> {
    this.stop();
    const { runtime, context } = { runtime: this.#context.runtime, context: this.#context };
    for (const record of this.#records) {
      if (record.containerId !== undefined) {
        context.containerOwners.delete(record.containerId);
      }
    }
    if (this.#sandboxId !== undefined) {
      await runtime.stopPodSandbox(this.#sandboxId);
      await runtime.removePodSandbox(this.#sandboxId);
    }
    context.admission.release(this.uid);
    context.ipAllocator?.release(this.uid);
    context.restartBackoff.forgetPrefix(`${this.uid}/`);
    context.imageBackoff.forgetPrefix(`${this.uid}/`);
    context.statusManager.forget(this.uid);
    context.onWorkerDone(this.uid);
  }

  #buildStatus(): PodStatus {
    if (this.#rejection !== undefined) {
      return this.#rejection;
    }
    const status = buildPodStatus({
      pod: this.#pod,
      initContainers: this.#initContainers,
      containers: this.#containers,
      runtimeName: this.#context.runtimeName,
      hostIP: this.#context.hostIP,
      hostIPs: this.#context.hostIPs,
      ...(this.#podIP === undefined ? {} : { podIP: this.#podIP }),
      startTime: this.#startTime,
      sandboxReady: this.#sandboxId !== undefined && this.#terminalPhase === undefined,
      ...(this.#terminalPhase === undefined ? {} : { terminalPhase: this.#terminalPhase }),
      ...(this.#previousStatus === undefined ? {} : { previous: this.#previousStatus }),
      now: this.#context.clock.now(),
    });
    this.#previousStatus = status;
    return status;
  }

  #describe(): string {
    return `${this.#pod.metadata?.namespace ?? ''}/${this.#pod.metadata?.name ?? ''}`;
  }
}

/** Whether a pod's change concerns its worker: its spec, generation, labels or deletion. */
function needsSync(before: Pod, after: Pod): boolean {
  const a = before.metadata;
  const b = after.metadata;
  return (
    a?.generation !== b?.generation ||
    a?.deletionTimestamp !== b?.deletionTimestamp ||
    a?.deletionGracePeriodSeconds !== b?.deletionGracePeriodSeconds ||
    (before.spec !== after.spec && !jsonEqual(before.spec, after.spec))
  );
}
