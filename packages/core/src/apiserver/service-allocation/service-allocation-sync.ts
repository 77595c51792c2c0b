/**
 * Keeps the allocators in step with the stored services: rebuilt from the store when
 * the apiserver starts, and freed as services are deleted, whichever way (a delete,
 * the last finalizer removed, a namespace emptied).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Subscription } from 'rxjs';
import type { Service } from '../../api/kinds/core-v1/index.js';
import type { KeyValueStore, StoreError, WatchEvent } from '../../store/index.js';
import type { ApiObject } from '../api-object.js';
import { resourcePrefix } from '../storage/object-key.js';
import type { ServiceAllocators } from './service-allocators.js';

/** What {@link startServiceAllocationSync} works with. */
export interface ServiceAllocationSyncOptions {
  readonly store: KeyValueStore<ApiObject>;
  readonly allocators: ServiceAllocators;
  /**
   * Told of every inconsistency found (a stored value another service holds, a watch
   * that failed and was restarted). Default: none is reported.
   */
  readonly onInconsistency?: (message: string) => void;
}

/** A running sync. */
export interface ServiceAllocationSync {
  /** Stops following the store; the allocators keep what they hold. */
  readonly stop: () => void;
}

const SERVICES_PREFIX = resourcePrefix({ group: '', plural: 'services' });

/**
 * Records what every stored service holds (upstream's repair at start), then
 * watches the services: a stored service's values are marked held (so values
 * written by any path are known), a deleted service's freed.
 *
 * Guarantees: with the in-memory store, whose watches deliver as a write completes,
 * a deleted service's values are free by the time its delete answers.
 *
 * Caveats: values a change gives up are freed by the write path (the strategy's
 * `finish`), not here. When the watch fails (its history compacted), the allocators
 * are rebuilt from a fresh read: values held by services deleted meanwhile are freed.
 *
 * Errors: rejects when the store cannot be read.
 */
export async function startServiceAllocationSync(
  options: ServiceAllocationSyncOptions,
): Promise<ServiceAllocationSync> {
  const { store, allocators } = options;
  const report = options.onInconsistency ?? (() => undefined);
  const known = new Map<string, Service>();
  let watch: Subscription | undefined;
  let stopped = false;

  const apply = (event: WatchEvent<ApiObject>): void => {
    if (event.type === 'PUT') {
      const service = event.kv.value as Service;
      known.set(event.kv.key, service);
      allocators.record(service).forEach(report);
    } else {
      const service = known.get(event.kv.key) ?? (event.prevKv?.value as Service | undefined);
      known.delete(event.kv.key);
      if (service !== undefined) {
        allocators.forget(service);
      }
    }
  };

  const rebuild = async (): Promise<void> => {
    const listed = await store.range({ prefix: SERVICES_PREFIX });
    if (isLeft(listed)) {
      throw new Error(`cannot read the stored services: ${describe(listed.left)}`);
    }
    if (stopped) {
      return;
    }
    const present = new Set(listed.right.items.map((kv) => kv.key));
    for (const [key, service] of known) {
      if (!present.has(key)) {
        known.delete(key);
        allocators.forget(service);
      }
    }
    for (const kv of listed.right.items) {
      known.set(kv.key, kv.value as Service);
      allocators.record(kv.value as Service).forEach(report);
    }
    watch = store
      .watch({ prefix: SERVICES_PREFIX }, { fromRevision: listed.right.revision + 1 })
      .subscribe({
        next: apply,
        error: (error: unknown) => {
          report(`the service allocation watch failed (${describe(error)}); rebuilding`);
          rebuild().catch((failure: unknown) => report(describe(failure)));
        },
      });
  };

  await rebuild();
  return {
    stop: () => {
      stopped = true;
      watch?.unsubscribe();
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  const storeError = error as Partial<StoreError> | undefined;
  return typeof storeError?.message === 'string' ? storeError.message : String(error);
}
