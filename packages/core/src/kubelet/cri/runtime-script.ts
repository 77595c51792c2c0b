/**
 * What simulated containers do: behaviours scripted per image, namespace, pod or
 * container, shared by the runtimes of every node.
 *
 * @module
 */
import { isRight } from 'fp-ts/lib/Either.js';
import { toMillis, type Duration } from '../../clock/duration.js';
import type { ProbeOutcome } from './container-runtime.js';
import { normalizeImage } from './image-reference.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * Which containers a behaviour applies to: those matching every field given (an
 * empty match applies to all).
 *
 * `image` matches the image as written in the pod or as normalized (`nginx`,
 * `nginx:latest` and `docker.io/library/nginx:latest` are the same image; `nginx`
 * does not match `nginx:1.25`).
 */
export interface ContainerMatch {
  readonly image?: string;
  readonly namespace?: string;
  readonly podName?: string;
  readonly containerName?: string;
}

/** A container to find the behaviour of; fields left out match only matches that leave them out. */
export interface ContainerTarget {
  readonly image: string;
  readonly namespace?: string | undefined;
  readonly podName?: string | undefined;
  readonly containerName?: string | undefined;
}

/** How a container exits by itself, `after` it has been running that long. */
export interface ContainerExit {
  readonly code: number;
  readonly after: Duration;
  /** Default: `Completed` for code 0, `Error` for any other (as containerd reports). */
  readonly reason?: string;
}

/** What a probe function is told about the container it probes. */
export interface ProbeContext {
  /** The container's attempt (0, then one more per restart). */
  readonly attempt: number;
  /** How long it has been running, in milliseconds. */
  readonly runningForMs: number;
  readonly containerName: string;
  readonly podName: string;
  readonly namespace: string;
}

/** A probe's scripted outcome: fixed, or computed each time the probe runs. */
export type ScriptedProbe = ProbeOutcome | ((context: ProbeContext) => ProbeOutcome);

/**
 * What a container does. Every field is optional; a field no matching script sets
 * takes its default.
 */
export interface ContainerBehaviour {
  /** How long a pull of the image takes. Default 0. */
  readonly pullDelay?: Duration;
  /** Pulls fail (`ImagePullFailed`) with this message, even of an image held. */
  readonly pullError?: string;
  /** `createContainer` fails (`CreateFailed`) with this message. */
  readonly createError?: string;
  /** How long after `startContainer` the container is `Running`. Default 0. */
  readonly startDelay?: Duration;
  /**
   * `startContainer` fails (`StartFailed`) with this message, after `startDelay`;
   * the container is left `Exited` with code 128, reason `StartError` (containerd's).
   */
  readonly startError?: string;
  /** How it exits by itself, or, per attempt, whether and how; default: never. */
  readonly exit?: ContainerExit | ((attempt: number) => ContainerExit | undefined);
  /**
   * How long it takes to exit (code 0, `Completed`) after `stopContainer`'s SIGTERM.
   * Default 0. When it is longer than the stop's timeout, the container is killed
   * at the timeout (code 137, `Error`).
   */
  readonly terminationDelay?: Duration;
  /** The readiness probe's outcome. Default `Success`. */
  readonly readiness?: ScriptedProbe;
  /** The liveness probe's outcome. Default `Success`. */
  readonly liveness?: ScriptedProbe;
  /** The startup probe's outcome. Default `Success`. */
  readonly startup?: ScriptedProbe;
  /** Resource use while running (millicores, bytes). Default zero. */
  readonly usage?: { readonly milliCpu: number; readonly memory: number };
}

const BEHAVIOUR_FIELDS = [
  'pullDelay',
  'pullError',
  'createError',
  'startDelay',
  'startError',
  'exit',
  'terminationDelay',
  'readiness',
  'liveness',
  'startup',
  'usage',
] as const satisfies readonly (keyof ContainerBehaviour)[];

/** The behaviour of a container no script matches: every default. */
const DEFAULT_BEHAVIOUR: ContainerBehaviour = Object.freeze({});

interface ScriptEntry {
  readonly match: ContainerMatch;
  readonly behaviour: ContainerBehaviour;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * Scripted container behaviours: `script(match, behaviour)` adds one; the
 * behaviour of a container merges, field by field, every script matching it, the
 * latest first.
 *
 * Guarantees: a script applies to what happens after it is added: pulls, creates
 * and starts after it, the exit planned when a container starts running after it,
 * the termination of stops after it, and every probe and stats call after it
 * (so scripting `readiness: 'Failure'` makes a running container unready at its
 * next probe). `behaviourFor` does not allocate when at most one script matches.
 *
 * Errors: `script` throws `InvalidDurationError` for an invalid duration
 * (`pullDelay`, `startDelay`, `terminationDelay`, or a fixed `exit.after`): a bug
 * in the test, reported where it is written.
 *
 * @example
 * ```ts
 * const script = new RuntimeScript()
 *   .script({ image: 'nginx' }, { pullDelay: '2s', readiness: 'Success' })
 *   .script({ podName: 'web-0' }, { exit: { code: 1, after: '5s' } });
 * ```
 */
export class RuntimeScript {
  #entries: readonly ScriptEntry[] = [];

  /** Adds a behaviour for the containers `match` selects; answers this script. */
  script(match: ContainerMatch, behaviour: ContainerBehaviour): this {
    this.#entries = [
      ...this.#entries,
      { match: normalizeMatch(match), behaviour: normalizeBehaviour(behaviour) },
    ];
    return this;
  }

  /** Forgets every script: containers behave by default again. */
  clear(): void {
    this.#entries = [];
  }

  /** How many scripts were added since the last `clear`. */
  get size(): number {
    return this.#entries.length;
  }

  /**
   * The behaviour of `target`: every matching script merged field by field, the
   * latest first. Durations in the answer are milliseconds.
   */
  behaviourFor(target: ContainerTarget): ContainerBehaviour {
    const entries = this.#entries;
    if (entries.length === 0) {
      return DEFAULT_BEHAVIOUR;
    }
    const normalized = normalizeImage(target.image);
    const image = isRight(normalized) ? normalized.right.image : target.image;
    let first: ContainerBehaviour | undefined;
    let merged: Record<string, unknown> | undefined;
    for (let index = entries.length - 1; index >= 0; index--) {
      const entry = entries[index] as ScriptEntry;
      if (!matches(entry.match, target, image)) {
        continue;
      }
      if (first === undefined) {
        first = entry.behaviour;
        continue;
      }
      merged ??= { ...first };
      for (const field of BEHAVIOUR_FIELDS) {
        if (merged[field] === undefined && entry.behaviour[field] !== undefined) {
          merged[field] = entry.behaviour[field];
        }
      }
    }
    return (merged as ContainerBehaviour | undefined) ?? first ?? DEFAULT_BEHAVIOUR;
  }
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

function matches(match: ContainerMatch, target: ContainerTarget, image: string): boolean {
  return (
    (match.image === undefined || match.image === image || match.image === target.image) &&
    (match.namespace === undefined || match.namespace === target.namespace) &&
    (match.podName === undefined || match.podName === target.podName) &&
    (match.containerName === undefined || match.containerName === target.containerName)
  );
}

function normalizeMatch(match: ContainerMatch): ContainerMatch {
  if (match.image === undefined) {
    return Object.freeze({ ...match });
  }
  const normalized = normalizeImage(match.image);
  return Object.freeze({
    ...match,
    image: isRight(normalized) ? normalized.right.image : match.image,
  });
}

/** A frozen copy with every fixed duration in milliseconds, checked. */
function normalizeBehaviour(behaviour: ContainerBehaviour): ContainerBehaviour {
  const copy: Record<string, unknown> = { ...behaviour };
  for (const field of ['pullDelay', 'startDelay', 'terminationDelay'] as const) {
    const delay = behaviour[field];
    if (delay !== undefined) {
      copy[field] = toMillis(delay);
    }
  }
  const exit = behaviour.exit;
  if (exit !== undefined && typeof exit !== 'function') {
    copy['exit'] = Object.freeze({ ...exit, after: toMillis(exit.after) });
  }
  return Object.freeze(copy);
}
