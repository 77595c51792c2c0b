/**
 * How a simulated container moves between states over time: start (after its
 * `startDelay`), exit (as scripted), stop (SIGTERM, then SIGKILL at the timeout)
 * and kill, each on one timer per container at most.
 *
 * @module
 */
import { right, type Either } from 'fp-ts/lib/Either.js';
import type { Clock } from '../../clock/clock.js';
import { toMillis } from '../../clock/duration.js';
import type { ContainerEvent, RuntimeError, RuntimeResult } from './container-runtime.js';
import { runtimeError } from './runtime-errors.js';
import type { ContainerRecord } from './runtime-records.js';
import type { ContainerExit, RuntimeScript } from './runtime-script.js';

const DONE: Either<RuntimeError, void> = right(undefined);
const DONE_PROMISE: RuntimeResult<void> = Promise.resolve(DONE);
/** How a container exits after SIGTERM, once its `terminationDelay` has passed. */
const GRACEFUL_EXIT: ContainerExit = Object.freeze({ code: 0, after: 0, reason: 'Completed' });
/** 128 + SIGKILL, as a killed container exits; containerd's reason for it. */
const KILLED: ExitStatus = Object.freeze({ code: 137, reason: 'Error' });
/** containerd's exit code and reason for a container that failed to start. */
const START_ERROR: ExitStatus = Object.freeze({ code: 128, reason: 'StartError' });

interface ExitStatus {
  readonly code: number;
  readonly reason: string;
}

/**
 * The state machine of simulated containers:
 * `Created` → (`Starting`) → `Running` → (`Stopping`) → `Exited`.
 *
 * Guarantees: a delay of 0 sets no timer (the change happens within the call);
 * a container holds at most one timer, cancelled when it exits; `emit` is called
 * after each change is visible, and nothing is assumed of the container after it
 * (a subscriber may stop the container from it).
 *
 * Caveats: callers check ids and states first (`start` wants `Created`).
 */
export class ContainerLifecycle {
  readonly #clock: Clock;
  readonly #script: RuntimeScript;
  readonly #emit: (type: ContainerEvent['type'], container: ContainerRecord) => void;

  constructor(options: {
    readonly clock: Clock;
    readonly script: RuntimeScript;
    readonly emit: (type: ContainerEvent['type'], container: ContainerRecord) => void;
  }) {
    this.#clock = options.clock;
    this.#script = options.script;
    this.#emit = options.emit;
  }

  /** Starts a `Created` container: `Running` after its `startDelay`, or failed. */
  start(container: ContainerRecord): RuntimeResult<void> {
    const behaviour = this.#script.behaviourFor(container);
    const delay = toMillis(behaviour.startDelay ?? 0);
    container.phase = 'Starting';
    if (delay === 0) {
      return Promise.resolve(this.#finishStart(container, behaviour.startError));
    }
    return new Promise((resolve) => {
      container.startWaiter = resolve;
      container.timer = this.#clock.setTimeout(() => {
        container.timer = undefined;
        container.startWaiter = undefined;
        resolve(this.#finishStart(container, behaviour.startError));
      }, delay);
    });
  }

  /**
   * Stops a container: SIGTERM, so that it exits with 0 after its
   * `terminationDelay`, or killed (137) `timeoutSeconds` from now, whichever comes
   * first (or its own scripted exit, if sooner). Resolves once it has exited; at once
   * for a container not running.
   */
  stop(container: ContainerRecord, timeoutSeconds: number): RuntimeResult<void> {
    const now = this.#clock.now();
    // NaN and negative timeouts kill at once; Infinity never kills.
    const killAt = now + (timeoutSeconds > 0 ? timeoutSeconds * 1_000 : 0);
    switch (container.phase) {
      case 'Created':
      case 'Exited':
        return DONE_PROMISE;
      case 'Starting':
        this.kill(container);
        return DONE_PROMISE;
      case 'Running': {
        const behaviour = this.#script.behaviourFor(container);
        const exitsAt = now + toMillis(behaviour.terminationDelay ?? 0);
        if (exitsAt < container.plannedExitAt) {
          container.plannedExit = GRACEFUL_EXIT;
          container.plannedExitAt = exitsAt;
        }
        container.phase = 'Stopping';
        container.killAt = killAt;
        return this.#untilExited(container);
      }
      case 'Stopping':
        container.killAt = Math.min(container.killAt, killAt);
        return this.#untilExited(container);
    }
  }

  /**
   * Kills a container at once (137); a pending start of it fails. Does nothing to a
   * container that is not starting or running.
   */
  kill(container: ContainerRecord): void {
    if (container.phase === 'Starting') {
      const waiter = container.startWaiter;
      container.startWaiter = undefined;
      this.#exit(container, KILLED);
      waiter?.(
        runtimeError('StartFailed', `container "${container.id}" was stopped before it started`),
      );
    } else if (container.running) {
      this.#exit(container, KILLED);
    }
  }

  /**
   * Forgets a container whose runtime died: its timer is cancelled and pending calls
   * on it answer `result`; no event.
   */
  abandon(container: ContainerRecord, result: Either<RuntimeError, never>): void {
    container.timer?.cancel();
    container.timer = undefined;
    const waiters = [container.startWaiter, ...(container.stopWaiters ?? [])];
    container.startWaiter = undefined;
    container.stopWaiters = undefined;
    for (const waiter of waiters) {
      waiter?.(result);
    }
  }

  #finishStart(
    container: ContainerRecord,
    startError: string | undefined,
  ): Either<RuntimeError, void> {
    if (startError !== undefined) {
      this.#markExited(container, START_ERROR);
      container.message = startError;
      this.#emit('ContainerStopped', container);
      return runtimeError('StartFailed', startError);
    }
    const now = this.#clock.now();
    // Looked up now, not at `startContainer`: a script added during the start delay applies.
    const scripted = this.#script.behaviourFor(container).exit;
    const exit = typeof scripted === 'function' ? scripted(container.config.attempt) : scripted;
    container.phase = 'Running';
    container.startedAt = now;
    if (exit !== undefined) {
      container.plannedExit = exit;
      container.plannedExitAt = now + toMillis(exit.after);
    }
    this.#emit('ContainerStarted', container);
    // A subscriber may have stopped it meanwhile, and planned its end itself.
    if (container.phase === 'Running' && exit !== undefined) {
      this.#scheduleEnd(container);
    }
    return DONE;
  }

  /** Resolves when `container`, now `Stopping`, has exited. */
  #untilExited(container: ContainerRecord): RuntimeResult<void> {
    const exited = new Promise<Either<RuntimeError, void>>((resolve) => {
      (container.stopWaiters ??= []).push(resolve);
    });
    this.#scheduleEnd(container);
    return exited;
  }

  /** Sets the timer of `container`'s next exit or kill, or ends it now if due. */
  #scheduleEnd(container: ContainerRecord): void {
    container.timer?.cancel();
    container.timer = undefined;
    const due = Math.min(container.plannedExitAt, container.killAt);
    if (due === Number.POSITIVE_INFINITY) {
      return;
    }
    const now = this.#clock.now();
    if (due <= now) {
      this.#endNow(container);
      return;
    }
    container.timer = this.#clock.setTimeout(() => {
      container.timer = undefined;
      this.#endNow(container);
    }, due - now);
  }

  /** Its planned exit if that comes no later than the kill, else the kill. */
  #endNow(container: ContainerRecord): void {
    const exit = container.plannedExit;
    if (exit !== undefined && container.plannedExitAt <= container.killAt) {
      this.#exit(container, { code: exit.code, reason: exit.reason ?? defaultReason(exit.code) });
    } else {
      this.#exit(container, KILLED);
    }
  }

  /** `container` exits now; then the stop calls waiting on it resolve. */
  #exit(container: ContainerRecord, exit: ExitStatus): void {
    this.#markExited(container, exit);
    const waiters = container.stopWaiters;
    container.stopWaiters = undefined;
    this.#emit('ContainerStopped', container);
    for (const waiter of waiters ?? []) {
      waiter(DONE);
    }
  }

  #markExited(container: ContainerRecord, exit: ExitStatus): void {
    container.timer?.cancel();
    container.timer = undefined;
    container.phase = 'Exited';
    container.finishedAt = this.#clock.now();
    container.exitCode = exit.code;
    container.reason = exit.reason;
    container.plannedExit = undefined;
    container.plannedExitAt = Number.POSITIVE_INFINITY;
    container.killAt = Number.POSITIVE_INFINITY;
  }
}

/** containerd's reason for an exit code (`OOMKilled` aside). */
function defaultReason(code: number): string {
  return code === 0 ? 'Completed' : 'Error';
}
