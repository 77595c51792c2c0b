/**
 * Probing a running container (startup, readiness, liveness) through the runtime, on
 * the kubelet's clock (upstream's prober workers).
 *
 * @module
 */
import type { Container, Probe } from '../api/kinds/index.js';
import type { Clock, Timer } from '../clock/index.js';
import type { ContainerRuntime, ProbeKind, ProbeOutcome } from './cri/index.js';

/** The probe defaults: every 10 s, a 1 s timeout, 1 success and 3 failures to flip. */
export const PROBE_DEFAULTS = Object.freeze({
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
  initialDelaySeconds: 0,
});

/** What {@link startContainerProbes} needs. */
export interface ContainerProbesOptions {
  readonly clock: Clock;
  readonly runtime: ContainerRuntime;
  readonly containerId: string;
  readonly container: Container;
  /** When the container started (the runtime's clock); initial delays count from it. */
  readonly startedAt: number;
  /** `started` or `ready` changed. */
  readonly onChange: () => void;
  /** A probe failed (each time, for `Unhealthy` events). */
  readonly onProbeFailed: (kind: ProbeKind) => void;
  /** A startup or liveness probe reached its failure threshold: the container must be killed. */
  readonly onKill: (kind: 'startup' | 'liveness') => void;
}

/** The probes of one running container. */
export interface ContainerProbes {
  /** The startup probe passed, or there is none. */
  readonly started: boolean;
  /** Started, and the readiness probe passes (or there is none). */
  readonly ready: boolean;
  /** Cancels every probe timer; outcomes still in flight are ignored. */
  stop(): void;
}

/** One probe's settings, defaults applied. */
interface ProbeSettings {
  readonly spec: Probe;
  readonly periodMs: number;
  readonly timeoutMs: number;
  readonly initialDelayMs: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
}

function settingsOf(spec: Probe, kind: ProbeKind): ProbeSettings {
  const positive = (value: number | undefined, fallback: number): number =>
    value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
  return {
    spec,
    periodMs: positive(spec.periodSeconds, PROBE_DEFAULTS.periodSeconds) * 1000,
    timeoutMs: positive(spec.timeoutSeconds, PROBE_DEFAULTS.timeoutSeconds) * 1000,
    initialDelayMs: Math.max(0, spec.initialDelaySeconds ?? 0) * 1000,
    // Liveness and startup probes must have a success threshold of 1.
    successThreshold:
      kind === 'readiness' ? positive(spec.successThreshold, PROBE_DEFAULTS.successThreshold) : 1,
    failureThreshold: positive(spec.failureThreshold, PROBE_DEFAULTS.failureThreshold),
  };
}

/**
 * Starts the probes of a container that just started (upstream's prober manager):
 *
 * - a startup probe runs first; until it succeeds the container is not `started`, the
 *   others do not run, and `failureThreshold` failures in a row kill it;
 * - then readiness (the container is `ready` after `successThreshold` successes in a
 *   row, not ready again after `failureThreshold` failures) and liveness
 *   (`failureThreshold` failures in a row kill it) run every `periodSeconds`;
 * - each probe runs first `initialDelaySeconds` after the container started; one that
 *   does not answer within `timeoutSeconds` failed;
 * - without a startup probe the container is started at once; without a readiness
 *   probe it is ready once started.
 *
 * Guarantees: every timer is on `clock`; after `stop()` no callback runs.
 */
export function startContainerProbes(options: ContainerProbesOptions): ContainerProbes {
  const { clock, runtime, containerId, container } = options;
  const startup = container.startupProbe;
  const readiness = container.readinessProbe;
  const liveness = container.livenessProbe;
  let stopped = false;
  let started = startup === undefined;
  let readinessPassed = readiness === undefined;
  const timers = new Set<Timer>();

  const after = (delay: number, run: () => void): void => {
    if (stopped) {
      return;
    }
    if (delay <= 0) {
      queueMicrotask(() => {
        if (!stopped) {
          run();
        }
      });
      return;
    }
    const timer = clock.setTimeout(() => {
      timers.delete(timer);
      run();
    }, delay);
    timers.add(timer);
  };

  const probeOnce = (kind: ProbeKind, settings: ProbeSettings): Promise<ProbeOutcome> =>
    new Promise<ProbeOutcome>((resolve) => {
      const timeout = clock.setTimeout(() => resolve('Failure'), settings.timeoutMs);
      runtime.probe({ containerId, kind, probe: settings.spec }).then(
        (outcome) => {
          timeout.cancel();
          resolve(outcome);
        },
        () => {
          timeout.cancel();
          resolve('Failure');
        },
      );
    });

  const loop = (
    kind: ProbeKind,
    settings: ProbeSettings,
    onOutcome: (outcome: ProbeOutcome, successes: number, failures: number) => boolean,
  ): void => {
    let successes = 0;
    let failures = 0;
    const run = (): void => {
      void probeOnce(kind, settings).then((outcome) => {
        if (stopped) {
          return;
        }
        successes = outcome === 'Success' ? successes + 1 : 0;
        failures = outcome === 'Failure' ? failures + 1 : 0;
        if (outcome === 'Failure') {
          options.onProbeFailed(kind);
        }
        if (onOutcome(outcome, successes, failures) && !stopped) {
          after(settings.periodMs, run);
        }
      });
    };
    const sinceStart = clock.now() - options.startedAt;
    after(settings.initialDelayMs - sinceStart, run);
  };

  const startOthers = (): void => {
    if (readiness !== undefined) {
      const settings = settingsOf(readiness, 'readiness');
      loop('readiness', settings, (_outcome, successes, failures) => {
        if (!readinessPassed && successes >= settings.successThreshold) {
          readinessPassed = true;
          options.onChange();
        } else if (readinessPassed && failures >= settings.failureThreshold) {
          readinessPassed = false;
          options.onChange();
        }
        return true;
      });
    }
    if (liveness !== undefined) {
      const settings = settingsOf(liveness, 'liveness');
      loop('liveness', settings, (_outcome, _successes, failures) => {
        if (failures >= settings.failureThreshold) {
          options.onKill('liveness');
          return false;
        }
        return true;
      });
    }
  };

  if (startup === undefined) {
    startOthers();
  } else {
    const settings = settingsOf(startup, 'startup');
    loop('startup', settings, (outcome, _successes, failures) => {
      if (outcome === 'Success') {
        started = true;
        options.onChange();
        startOthers();
        return false;
      }
      if (failures >= settings.failureThreshold) {
        options.onKill('startup');
        return false;
      }
      return true;
    });
  }

  return {
    get started() {
      return started;
    },
    get ready() {
      return started && readinessPassed;
    },
    stop() {
      stopped = true;
      for (const timer of timers) {
        timer.cancel();
      }
      timers.clear();
    },
  };
}
