/**
 * The kubelet's restart and image-pull back-off: client-go's `flowcontrol.Backoff` as
 * the kubelet uses it, on the kubelet's clock.
 *
 * @module
 */

/** The first back-off of a container restart or an image pull: 10 s. */
export const INITIAL_BACKOFF_MS = 10_000;

/** The longest back-off: 5 minutes (upstream's `MaxContainerBackOff`). */
export const MAX_BACKOFF_MS = 300_000;

/** What {@link Backoff} remembers of one key. */
interface BackoffEntry {
  /** The current back-off. */
  readonly backoffMs: number;
  /** When {@link Backoff.next} was last called for the key. */
  readonly lastUpdate: number;
}

/** Options of a {@link Backoff}. */
export interface BackoffOptions {
  /** Default {@link INITIAL_BACKOFF_MS}. */
  readonly initialMs?: number;
  /** Default {@link MAX_BACKOFF_MS}. */
  readonly maxMs?: number;
}

/**
 * Per-key exponential back-off (upstream's `flowcontrol.Backoff`, without jitter).
 *
 * - {@link Backoff.next} starts a key at `initialMs`, then doubles it, up to `maxMs`;
 * - a key whose last {@link Backoff.next} is more than `2 × maxMs` before the event
 *   being judged (a container that ran 10 minutes) starts over at `initialMs`.
 *
 * So a container that keeps crashing restarts at once the first time, then after
 * 10 s, 20 s, 40 s, 80 s, 160 s, 300 s, 300 s...: the kubelet calls `next` each time it
 * restarts it, and waits while {@link Backoff.remainingSince} is positive.
 */
export class Backoff {
  readonly #entries = new Map<string, BackoffEntry>();
  readonly #initialMs: number;
  readonly #maxMs: number;

  /** A back-off with no key in it. */
  constructor(options: BackoffOptions = {}) {
    this.#initialMs = options.initialMs ?? INITIAL_BACKOFF_MS;
    this.#maxMs = options.maxMs ?? MAX_BACKOFF_MS;
  }

  /** The current back-off of `key` in milliseconds, `undefined` when it has none. */
  current(key: string): number | undefined {
    return this.#entries.get(key)?.backoffMs;
  }

  /**
   * How long, from `now`, `key` is still backing off from an event at `eventTime`
   * (a container's finish): 0 when it is not (upstream's `IsInBackOffSince`).
   */
  remainingSince(key: string, eventTime: number, now: number): number {
    const entry = this.#entries.get(key);
    if (entry === undefined || this.#expired(entry, eventTime)) {
      return 0;
    }
    return Math.max(0, entry.backoffMs - (now - eventTime));
  }

  /**
   * How long, from `now`, `key` is still backing off from its last {@link next}
   * (an image pull that failed): 0 when it is not (upstream's `IsInBackOffSinceUpdate`).
   */
  remainingSinceUpdate(key: string, now: number): number {
    const entry = this.#entries.get(key);
    if (entry === undefined || this.#expired(entry, now)) {
      return 0;
    }
    return Math.max(0, entry.backoffMs - (now - entry.lastUpdate));
  }

  /** Moves `key` to its next back-off, judged from an event at `eventTime`, at `now`. */
  next(key: string, eventTime: number, now: number): void {
    const entry = this.#entries.get(key);
    const backoffMs =
      entry === undefined || this.#expired(entry, eventTime)
        ? this.#initialMs
        : Math.min(entry.backoffMs * 2, this.#maxMs);
    this.#entries.set(key, { backoffMs, lastUpdate: now });
  }

  /** Forgets `key` (its pod is gone). */
  forget(key: string): void {
    this.#entries.delete(key);
  }

  /** Forgets every key starting with `prefix` (all the keys of one pod). */
  forgetPrefix(prefix: string): void {
    for (const key of this.#entries.keys()) {
      if (key.startsWith(prefix)) {
        this.#entries.delete(key);
      }
    }
  }

  #expired(entry: BackoffEntry, eventTime: number): boolean {
    return eventTime - entry.lastUpdate > this.#maxMs * 2;
  }
}

/** A back-off as the kubelet writes it in messages: `10s`, `5m0s`, `2m40s`. */
export function formatBackoff(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) {
    return `${seconds}s`;
  }
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${seconds - minutes * 60}s`;
}
