/**
 * What a test environment knows about work in progress: promises it is waiting on,
 * and a counter that moves whenever anything happens (a request, a watch event, a
 * reconcile). `settle` is quiet when a whole event-loop turn passes without either.
 *
 * @module
 */

/**
 * Counts activity and holds the promises in flight, each with a label naming it for
 * error messages (`create configmaps default/app as system:admin`).
 */
export class ActivityTracker {
  #activity = 0;
  #nextId = 0;
  readonly #inFlight = new Map<number, string>();

  /** Increases every time something happens; compare two readings to see progress. */
  get activity(): number {
    return this.#activity;
  }

  /** The labels of the promises still pending, oldest first. */
  get inFlight(): readonly string[] {
    return [...this.#inFlight.values()];
  }

  /** Notes that something happened. */
  touch(): void {
    this.#activity++;
  }

  /**
   * Tracks `promise` as in flight until it settles; answers a promise that settles as
   * it does (a rejection is passed on, never swallowed).
   */
  track<T>(label: string, promise: Promise<T>): Promise<T> {
    const id = this.#nextId++;
    this.#inFlight.set(id, label);
    this.touch();
    const done = (): void => {
      this.#inFlight.delete(id);
      this.touch();
    };
    return promise.then(
      (value) => {
        done();
        return value;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
  }
}

// Captured when this module loads, so that fake timers a test installs later
// (jest.useFakeTimers) cannot stall the harness.
const setImmediateOfNode = globalThis.setImmediate;

/** One turn of Node's event loop: every queued promise continuation runs before it resolves. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediateOfNode(() => resolve()));
}
