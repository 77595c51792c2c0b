/**
 * The kubelet's status manager: writes the status of each of its pods, coalescing
 * changes so that a pod that starts at once costs one write.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod, PodStatus } from '../api/kinds/index.js';
import { jsonEqual } from '../apiserver/index.js';
import { Pods, type Client } from '../client/index.js';
import type { Clock, Timer } from '../clock/index.js';
import { patchStatusIfChanged } from '../reconcile/helpers/index.js';
import type { KubeletEventSink } from './kubelet-event.js';

/** What the status manager asks of a pod worker when it writes. */
export interface PodStatusProvider {
  /** The pod as last seen (its key, for the write). */
  pod(): Pod;
  /** The status the pod should have now. */
  status(): PodStatus;
  /**
   * The apiserver has `built` (an answer of {@link PodStatusProvider.status}): it was
   * just written, or it equals what was. `kept` is the copy the manager keeps: the
   * apiserver's when it says the same, so that one copy of each pod's status stays in
   * memory, not two; else `built`.
   */
  written?(built: PodStatus, kept: PodStatus): void;
}

/** One pod the manager follows. */
interface Entry {
  readonly provider: PodStatusProvider;
  /** The status the apiserver has, as far as the manager knows. */
  written: PodStatus | undefined;
  writing: boolean;
  dirty: boolean;
  failures: number;
  retry?: Timer;
  /** Who waits for the status to be settled (made on first need). */
  waiters: (() => void)[] | undefined;
}

/** What {@link statusManager} needs. */
export interface StatusManagerOptions {
  readonly client: Client;
  readonly clock: Clock;
  readonly emit: KubeletEventSink;
}

/** The status manager of one kubelet. */
export interface StatusManager {
  /** Follows the pod `uid`; `written` is its status as the apiserver has it. */
  track(uid: string, provider: PodStatusProvider, written: PodStatus | undefined): void;
  /** Tells the manager the pod's status may have changed: it is written soon, if it did. */
  markDirty(uid: string): void;
  /** Resolves once the pod's latest status is written (or it needs no write, or is untracked). */
  settled(uid: string): Promise<void>;
  /** Stops following the pod (it is gone): nothing more is written for it. */
  forget(uid: string): void;
  /** Stops every write and retry. */
  stop(): void;
}

/**
 * A status manager (upstream's `status.Manager`, its essentials).
 *
 * - A pod marked dirty is written at the next turn of the event loop (`setImmediate`),
 *   with the status its worker gives then: every change made in one burst of promise
 *   callbacks (a pod whose sandbox, image and containers start at once) costs one write.
 * - Per pod, at most one write is in flight; changes made meanwhile are written after
 *   it, the latest status winning.
 * - A status equal (JSON) to the one written is not written. The write is a merge patch
 *   of the difference through the `status` subresource.
 * - A failed write is retried on the clock after 1 s, doubling up to 10 s; a pod that
 *   is gone (404) is forgotten.
 */
export function statusManager(options: StatusManagerOptions): StatusManager {
  const { client, clock, emit } = options;
  const entries = new Map<string, Entry>();
  const pending = new Set<string>();
  let scheduled = false;
  let stopped = false;

  const release = (entry: Entry): void => {
    const waiters = entry.waiters;
    if (waiters === undefined) {
      return;
    }
    entry.waiters = undefined;
    for (const resolve of waiters) {
      resolve();
    }
  };

  const write = async (uid: string, entry: Entry): Promise<void> => {
    entry.dirty = false;
    const status = entry.provider.status();
    if (entry.written !== undefined && jsonEqual(entry.written, status)) {
      entry.provider.written?.(status, entry.written);
      release(entry);
      return;
    }
    entry.writing = true;
    const pod = entry.provider.pod();
    const object: Pod = { ...pod, status: entry.written ?? {} };
    const answer = await patchStatusIfChanged({ client, type: Pods, object, status });
    entry.writing = false;
    if (stopped || entries.get(uid) !== entry) {
      release(entry);
      return;
    }
    if (isLeft(answer)) {
      if (answer.left.code === 404) {
        entries.delete(uid);
        release(entry);
        return;
      }
      entry.failures++;
      emit({
        type: 'Failure',
        operation: 'WritePodStatus',
        message: `failed to update status of pod ${pod.metadata?.namespace ?? ''}/${
          pod.metadata?.name ?? ''
        }: ${answer.left.message ?? ''}`,
      });
      entry.retry?.cancel();
      entry.retry = clock.setTimeout(
        () => markDirty(uid),
        Math.min(1000 * 2 ** (entry.failures - 1), 10_000),
      );
      return;
    }
    entry.failures = 0;
    const served = answer.right.status;
    const kept = served !== undefined && jsonEqual(served, status) ? served : status;
    entry.written = kept;
    entry.provider.written?.(status, kept);
    emit({ type: 'PodStatusWritten', pod: answer.right });
    if (entry.dirty) {
      pending.add(uid);
      schedule();
    } else {
      release(entry);
    }
  };

  const flush = (): void => {
    scheduled = false;
    if (stopped) {
      return;
    }
    const uids = [...pending];
    pending.clear();
    for (const uid of uids) {
      const entry = entries.get(uid);
      if (entry !== undefined && !entry.writing) {
        void write(uid, entry);
      }
    }
  };

  const schedule = (): void => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };

  const markDirty = (uid: string): void => {
    const entry = entries.get(uid);
    if (entry === undefined || stopped) {
      return;
    }
    entry.dirty = true;
    if (!entry.writing) {
      pending.add(uid);
      schedule();
    }
  };

  return {
    track(uid, provider, written) {
      if (!entries.has(uid)) {
        entries.set(uid, {
          provider,
          written,
          writing: false,
          dirty: false,
          failures: 0,
          waiters: undefined,
        });
      }
    },
    markDirty,
    settled(uid) {
      const entry = entries.get(uid);
      if (entry === undefined || stopped) {
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        (entry.waiters ??= []).push(resolve);
        markDirty(uid);
      });
    },
    forget(uid) {
      const entry = entries.get(uid);
      if (entry !== undefined) {
        entry.retry?.cancel();
        entries.delete(uid);
        pending.delete(uid);
        release(entry);
      }
    },
    stop() {
      stopped = true;
      for (const entry of entries.values()) {
        entry.retry?.cancel();
        release(entry);
      }
      entries.clear();
      pending.clear();
    },
  };
}
