/**
 * The fault layer of a test environment: an `ApiEndpoint` in front of the apiserver
 * that the environment's clients talk to, which can fail requests, delay watch events
 * and drop watches, as a flaky network or a restarting apiserver would.
 *
 * @module
 */
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import { Observable } from 'rxjs';
import {
  toMillis,
  type ApiEndpoint,
  type ApiRequest,
  type ApiResult,
  type ApiServer,
  type ApiWatchEvent,
  type ApiWatchResult,
  type Clock,
  type Duration,
  type Status,
  type Timer,
} from '@drydock/core';
import { nextTurn, type ActivityTracker } from './activity-tracker.js';
import type { TraceRecorder } from './trace.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** Which requests {@link Faults.failNext} fails, and how. Absent fields match anything. */
export interface FailNextOptions {
  /** `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, `deletecollection`. */
  readonly verb?: ApiRequest['verb'];
  /** The plural, such as `configmaps`. */
  readonly resource?: string;
  /** The subresource, such as `status`; absent matches requests with or without one. */
  readonly subresource?: string;
  readonly namespace?: string;
  /** The object's name (for a create, the name in the body). */
  readonly name?: string;
  /** The answer the matching requests get instead of the server's. */
  readonly status: Status;
  /** How many matching requests fail. Default 1. */
  readonly times?: number;
  /** Which matching request fails first, counting from 1: `nth: 2` lets the first through. Default 1. */
  readonly nth?: number;
}

/** The faults a test can inject; see each method. */
export interface Faults {
  /**
   * Makes the requests that match answer `options.status` without reaching the
   * server (so the store does not change and the audit has no record; the trace has
   * a `fault` entry). Rules apply in the order they were added; each counts its own
   * matches.
   *
   * Errors: throws `RangeError` for `times` or `nth` that are not positive integers.
   */
  failNext(options: FailNextOptions): void;
  /**
   * Delays every watch event (of open and future watches) by `duration` of virtual
   * time, keeping their order; `0` stops delaying new events.
   */
  delayWatches(duration: Duration): void;
  /**
   * Completes every open watch, as an apiserver closing its connections does: the
   * watchers must open them again (from the last resourceVersion they saw). Events
   * still being delayed are lost with their watch.
   */
  dropWatches(): void;
  /** Removes the failNext rules not used up yet and stops delaying watch events. */
  clear(): void;
}

/** How many requests pass before the fault layer lets the event loop turn once. */
const REQUESTS_PER_TURN = 100;

interface FailureRule {
  readonly options: FailNextOptions;
  skip: number;
  remaining: number;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/** The fault layer over one server; see {@link Faults}. */
export class FaultInjector implements ApiEndpoint, Faults {
  readonly #server: ApiServer;
  readonly #clock: Clock;
  readonly #tracker: ActivityTracker;
  readonly #trace: TraceRecorder;
  #rules: FailureRule[] = [];
  #watchDelay = 0;
  readonly #openWatches = new Set<() => void>();
  #requestsSinceYield = 0;

  /** A fault layer in front of `options.server`, reporting to the tracker and the trace. */
  constructor(options: {
    readonly server: ApiServer;
    readonly clock: Clock;
    readonly tracker: ActivityTracker;
    readonly trace: TraceRecorder;
  }) {
    this.#server = options.server;
    this.#clock = options.clock;
    this.#tracker = options.tracker;
    this.#trace = options.trace;
  }

  /** How many watches are open through this layer. */
  get openWatches(): number {
    return this.#openWatches.size;
  }

  /** Answers as the server does, unless a failNext rule matches. */
  handle(request: ApiRequest): Promise<ApiResult> {
    const injected = this.#injectedFailure(request);
    if (injected !== undefined) {
      return Promise.resolve(left(injected));
    }
    return this.#tracker.track(describeRequest(request), this.#forward(request));
  }

  /**
   * Passes the request on. Every {@link REQUESTS_PER_TURN}th request first waits a turn
   * of the event loop: a controller that rewrites its own object runs on promise
   * continuations alone, and would otherwise starve everything else (settle too).
   */
  async #forward(request: ApiRequest): Promise<ApiResult> {
    if (++this.#requestsSinceYield >= REQUESTS_PER_TURN) {
      this.#requestsSinceYield = 0;
      await nextTurn();
    }
    const answer = await this.#server.handle(request);
    if (request.verb === 'create' && request.name === undefined) {
      this.#nameCreate(request, answer);
    }
    return answer;
  }

  /** Gives the trace the name of a create (from the answer, or the body when it failed). */
  #nameCreate(request: ApiRequest, answer: ApiResult): void {
    const body = request.body as { readonly metadata?: { readonly name?: unknown } } | undefined;
    const name = isLeft(answer) ? body?.metadata?.name : answer.right.body.metadata?.name;
    if (typeof name !== 'string' || name === '') {
      return;
    }
    this.#trace.nameCreate({
      resource:
        request.subresource === undefined
          ? request.resource.resource
          : `${request.resource.resource}/${request.subresource}`,
      namespace: request.namespace,
      name,
      code: isLeft(answer) ? (answer.left.code ?? 500) : answer.right.code,
      resourceVersion: isLeft(answer) ? undefined : answer.right.body.metadata?.resourceVersion,
    });
  }

  /** Starts a watch as the server does (with delays and drops), unless a failNext rule matches. */
  watch(request: ApiRequest): Promise<ApiWatchResult> {
    const injected = this.#injectedFailure({ ...request, verb: 'watch' });
    if (injected !== undefined) {
      return Promise.resolve(left(injected));
    }
    return this.#tracker
      .track(describeRequest({ ...request, verb: 'watch' }), this.#server.watch(request))
      .then((started) => (isLeft(started) ? started : right(this.#faulty(started.right))));
  }

  failNext(options: FailNextOptions): void {
    const times = options.times ?? 1;
    const nth = options.nth ?? 1;
    for (const [name, value] of [
      ['times', times],
      ['nth', nth],
    ] as const) {
      if (!Number.isSafeInteger(value) || value < 1) {
        throw new RangeError(`failNext: ${name} must be a positive integer, got ${value}`);
      }
    }
    this.#rules.push({ options, skip: nth - 1, remaining: times });
  }

  delayWatches(duration: Duration): void {
    this.#watchDelay = toMillis(duration);
    this.#trace.recordFault({ fault: 'delayWatches', delay: this.#watchDelay });
    this.#tracker.touch();
  }

  dropWatches(): void {
    const open = [...this.#openWatches];
    this.#trace.recordFault({ fault: 'dropWatches', count: open.length });
    this.#tracker.touch();
    for (const drop of open) {
      drop();
    }
  }

  clear(): void {
    this.#rules = [];
    this.#watchDelay = 0;
  }

  /** The status of the first rule due to fail `request`, counting the request against every rule it matches. */
  #injectedFailure(request: ApiRequest): Status | undefined {
    let chosen: FailureRule | undefined;
    for (const rule of this.#rules) {
      if (rule.remaining === 0 || !matches(rule.options, request)) {
        continue;
      }
      if (rule.skip > 0) {
        rule.skip--;
      } else {
        chosen ??= rule;
      }
    }
    if (chosen === undefined) {
      return undefined;
    }
    chosen.remaining--;
    this.#rules = this.#rules.filter((rule) => rule.remaining > 0);
    const status = chosen.options.status;
    const name = nameOf(request);
    this.#trace.recordFault({
      fault: 'failed',
      verb: request.verb,
      resource:
        request.subresource === undefined
          ? request.resource.resource
          : `${request.resource.resource}/${request.subresource}`,
      ...(request.namespace === undefined ? {} : { namespace: request.namespace }),
      ...(name === undefined ? {} : { name }),
      ...(request.user === undefined ? {} : { user: request.user.name }),
      code: status.code ?? 500,
      ...(status.reason === undefined ? {} : { reason: status.reason }),
    });
    this.#tracker.touch();
    return status;
  }

  /**
   * The stream with this layer's faults: each event (and the end) waits the current
   * delay after the one before it, and the stream can be dropped.
   */
  #faulty(source: Observable<ApiWatchEvent>): Observable<ApiWatchEvent> {
    return new Observable<ApiWatchEvent>((subscriber) => {
      // Deliveries waiting for their time, in order; `due` never decreases along it.
      const waiting: { readonly due: number; readonly deliver: () => void }[] = [];
      let timer: Timer | undefined;
      const flush = (): void => {
        timer = undefined;
        for (
          let next = waiting[0];
          next !== undefined && next.due <= this.#clock.now();
          next = waiting[0]
        ) {
          waiting.shift();
          next.deliver();
        }
        arm();
      };
      const arm = (): void => {
        const next = waiting[0];
        if (timer === undefined && next !== undefined && !subscriber.closed) {
          timer = this.#clock.setTimeout(flush, Math.max(0, next.due - this.#clock.now()));
        }
      };
      const schedule = (deliver: () => void): void => {
        const wrapped = (): void => {
          this.#tracker.touch();
          deliver();
        };
        if (this.#watchDelay === 0 && waiting.length === 0) {
          wrapped();
          return;
        }
        const after = waiting.at(-1)?.due ?? -Infinity;
        waiting.push({
          due: Math.max(this.#clock.now() + this.#watchDelay, after),
          deliver: wrapped,
        });
        arm();
      };
      const drop = (): void => subscriber.complete();
      this.#openWatches.add(drop);
      const subscription = source.subscribe({
        next: (event) => schedule(() => subscriber.next(event)),
        error: (error: unknown) => schedule(() => subscriber.error(error)),
        complete: () => schedule(() => subscriber.complete()),
      });
      return () => {
        this.#openWatches.delete(drop);
        timer?.cancel();
        subscription.unsubscribe();
      };
    });
  }
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

function matches(options: FailNextOptions, request: ApiRequest): boolean {
  return (
    (options.verb === undefined || options.verb === request.verb) &&
    (options.resource === undefined || options.resource === request.resource.resource) &&
    (options.subresource === undefined || options.subresource === request.subresource) &&
    (options.namespace === undefined || options.namespace === request.namespace) &&
    (options.name === undefined || options.name === nameOf(request))
  );
}

/** The object a request is about: the URL's name, or for a create the body's. */
function nameOf(request: ApiRequest): string | undefined {
  if (request.name !== undefined) {
    return request.name;
  }
  const name = (request.body as { readonly metadata?: { readonly name?: unknown } } | undefined)
    ?.metadata?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** `create configmaps default/app as system:admin`, for messages about requests in flight. */
export function describeRequest(request: ApiRequest): string {
  const resource =
    request.subresource === undefined
      ? request.resource.resource
      : `${request.resource.resource}/${request.subresource}`;
  const where =
    request.namespace === undefined
      ? (request.name ?? '')
      : `${request.namespace}/${request.name ?? ''}`;
  return `${request.verb} ${resource}${where === '' ? '' : ` ${where}`} as ${request.user?.name ?? '(unauthenticated)'}`;
}
