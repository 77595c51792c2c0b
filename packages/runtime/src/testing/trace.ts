/**
 * The trace of a test environment: every write the apiserver answered, every
 * reconcile of a started controller, and every fault injected, in the order they
 * happened and on virtual time, so that a failing test can say what happened and a
 * scenario run twice can be compared line by line.
 *
 * @module
 */
import {
  formatDuration,
  type AuditEvent,
  type Clock,
  type ReconcileOutcome,
  type ReconcileResult,
} from '@drydock/core';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** One request that wrote (or tried to write), as the apiserver's audit recorded it. */
export interface WriteRecord {
  readonly kind: 'write';
  /** When it arrived, in milliseconds on the virtual clock. */
  readonly time: number;
  readonly verb: string;
  /** The plural, such as `configmaps`, with `/status` for a subresource. */
  readonly resource: string;
  readonly namespace?: string;
  readonly name?: string;
  /** The user's name; absent for an unauthenticated request. */
  readonly user?: string;
  /** The HTTP code of the answer. */
  readonly code: number;
  /** The failure's reason (`Conflict`, `Invalid`, ...), for a failed write. */
  readonly reason?: string;
  /** The written object's resourceVersion, for a successful write. */
  readonly resourceVersion?: string;
}

/** One reconcile of a started controller. */
export interface ReconcileRecord {
  readonly kind: 'reconcile';
  /** When it finished, in milliseconds on the virtual clock. */
  readonly time: number;
  /** When it started. */
  readonly startedAt: number;
  /** The controller's name (see `startController`). */
  readonly controller: string;
  /** `namespace/name`. */
  readonly key: string;
  readonly result: ReconcileResult;
}

/** A fault the environment injected (see `TestEnv.faults`). */
export type FaultRecord =
  | {
      readonly kind: 'fault';
      readonly fault: 'failed';
      readonly time: number;
      readonly verb: string;
      readonly resource: string;
      readonly namespace?: string;
      readonly name?: string;
      readonly user?: string;
      readonly code: number;
      readonly reason?: string;
    }
  | {
      readonly kind: 'fault';
      readonly fault: 'dropWatches';
      readonly time: number;
      readonly count: number;
    }
  | {
      readonly kind: 'fault';
      readonly fault: 'delayWatches';
      readonly time: number;
      readonly delay: number;
    };

/** Any entry of a {@link Trace}. */
export type TraceEntry = WriteRecord | ReconcileRecord | FaultRecord;

/** What happened in a test environment since it became ready. */
export interface Trace {
  /** Every entry, in the order it happened. */
  readonly entries: readonly TraceEntry[];
  readonly writes: readonly WriteRecord[];
  readonly reconciles: readonly ReconcileRecord[];
  readonly faults: readonly FaultRecord[];
  /**
   * The entries as text, one a line, times relative to when the environment became
   * ready (`+1.5s`). Only the `last` entries when given.
   *
   * Guarantees: the same scenario gives the same text on every run.
   */
  format(options?: { readonly last?: number }): string;
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

const READ_VERBS: ReadonlySet<string> = new Set(['get', 'list', 'watch']);

/** Records a {@link Trace}; the test environment feeds it. */
export class TraceRecorder implements Trace {
  readonly entries: TraceEntry[] = [];
  readonly writes: WriteRecord[] = [];
  readonly reconciles: ReconcileRecord[] = [];
  readonly faults: FaultRecord[] = [];
  readonly #clock: Clock;
  readonly #origin: number;

  /** A recorder whose times are formatted relative to `clock.now()` at creation. */
  constructor(options: { readonly clock: Clock }) {
    this.#clock = options.clock;
    this.#origin = options.clock.now();
  }

  /** Forgets every entry so far (the environment's setup); times stay relative to the origin. */
  clear(): void {
    this.entries.length = 0;
    this.writes.length = 0;
    this.reconciles.length = 0;
    this.faults.length = 0;
  }

  /** Records an audit event when it is a write (get, list and watch are left out). */
  recordAudit(event: AuditEvent): void {
    if (READ_VERBS.has(event.verb)) {
      return;
    }
    const record: WriteRecord = {
      kind: 'write',
      time: event.requestReceivedTimestamp,
      verb: event.verb,
      resource: resourceName(event.resource.resource, event.subresource),
      ...(event.namespace === undefined ? {} : { namespace: event.namespace }),
      ...(event.name === undefined ? {} : { name: event.name }),
      ...(event.user === undefined ? {} : { user: event.user.name }),
      code: event.code,
      ...(event.reason === undefined ? {} : { reason: event.reason }),
      ...(event.resourceVersion === undefined ? {} : { resourceVersion: event.resourceVersion }),
    };
    this.writes.push(record);
    this.entries.push(record);
  }

  /**
   * Names the create that the audit recorded without a name (a create's URL has
   * none): the latest unnamed create of the same resource, namespace and code, and
   * resourceVersion when the create succeeded.
   */
  nameCreate(create: {
    readonly resource: string;
    readonly namespace: string | undefined;
    readonly name: string;
    readonly code: number;
    readonly resourceVersion: string | undefined;
  }): void {
    const index = this.writes.findLastIndex(
      (write) =>
        write.verb === 'create' &&
        write.name === undefined &&
        write.resource === create.resource &&
        write.namespace === create.namespace &&
        write.code === create.code &&
        write.resourceVersion === create.resourceVersion,
    );
    const unnamed = this.writes[index];
    if (unnamed === undefined) {
      return;
    }
    const named: WriteRecord = { ...unnamed, name: create.name };
    this.writes[index] = named;
    this.entries[this.entries.lastIndexOf(unnamed)] = named;
  }

  /** Records a reconcile outcome of the controller `controller`. */
  recordReconcile(controller: string, outcome: ReconcileOutcome): void {
    const record: ReconcileRecord = {
      kind: 'reconcile',
      time: outcome.finishedAt,
      startedAt: outcome.startedAt,
      controller,
      key: outcome.key,
      result: outcome.result,
    };
    this.reconciles.push(record);
    this.entries.push(record);
  }

  /** Records an injected fault; its time is now. */
  recordFault(fault: DistributiveOmit<FaultRecord, 'kind' | 'time'>): void {
    const record = { ...fault, kind: 'fault', time: this.#clock.now() } as FaultRecord;
    this.faults.push(record);
    this.entries.push(record);
  }

  format(options: { readonly last?: number } = {}): string {
    const entries = options.last === undefined ? this.entries : this.entries.slice(-options.last);
    return entries
      .map(
        (entry) =>
          `${`+${formatDuration(entry.time - this.#origin)}`.padEnd(10)} ${describeEntry(entry)}`,
      )
      .join('\n');
  }
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function resourceName(plural: string, subresource: string | undefined): string {
  return subresource === undefined ? plural : `${plural}/${subresource}`;
}

function target(entry: { readonly namespace?: string; readonly name?: string }): string {
  const name = entry.name ?? '';
  return entry.namespace === undefined ? name : `${entry.namespace}/${name}`;
}

function describeEntry(entry: TraceEntry): string {
  switch (entry.kind) {
    case 'write':
      return `write      ${entry.verb} ${entry.resource} ${target(entry)} by ${entry.user ?? '(unauthenticated)'} -> ${entry.code}${entry.reason === undefined ? '' : ` ${entry.reason}`}`;
    case 'reconcile':
      return `reconcile  ${entry.controller} ${entry.key} -> ${describeResult(entry.result)}`;
    case 'fault':
      switch (entry.fault) {
        case 'failed':
          return `fault      ${entry.verb} ${entry.resource} ${target(entry)} by ${entry.user ?? '(unauthenticated)'} -> ${entry.code}${entry.reason === undefined ? '' : ` ${entry.reason}`} (injected)`;
        case 'dropWatches':
          return `fault      dropped ${entry.count} watch(es)`;
        case 'delayWatches':
          return `fault      watch events delayed by ${formatDuration(entry.delay)}`;
      }
  }
}

/** `Succeeded (AwaitChange)`, `Succeeded (RequeueAfter 30s)`, `Failed: message`, `Failed (terminal): message`. */
export function describeResult(result: ReconcileResult): string {
  if (result._tag === 'Succeeded') {
    const action = result.action;
    return action._tag === 'RequeueAfter'
      ? `Succeeded (RequeueAfter ${formatDuration(action.after)})`
      : 'Succeeded (AwaitChange)';
  }
  return `Failed${result.terminal ? ' (terminal)' : ''}: ${result.error.message}`;
}
