/**
 * A record of the writes a controller made that its cache has not seen yet, so that
 * it never acts on a view older than its own writes (upstream's EndpointSlice
 * tracker, for the Endpoints controller as well).
 *
 * @module
 */
import type { ApiObject } from '../../apiserver/index.js';
import type { CacheReader } from '../../reconcile/cache/index.js';

/** The value {@link OwnWrites} expects of a deleted object. */
const DELETED = Symbol('deleted');

/**
 * The objects a controller wrote, per owner (the key it reconciles), until its cache
 * holds them as written.
 *
 * - {@link record} after each successful write (with the object answered, or
 *   `undefined` after a delete);
 * - {@link observe} for each watch event of the written resource, once the cache has
 *   applied it: it answers whether to trigger the owner (a change that is not the
 *   controller's own, or the last awaited write of an owner that waits);
 * - {@link isStale} at the start of a reconcile: `true` while writes of the owner are
 *   awaited (the owner is then triggered when they land).
 *
 * Guarantees: a write whose object the cache already holds (the watch was faster
 * than the answer) is not awaited. Caveats: an awaited version that a relist skips
 * would be awaited forever: call {@link reset} after every relist.
 */
export class OwnWrites<T extends ApiObject> {
  /** owner → object key → the resourceVersion awaited, or {@link DELETED}. */
  private readonly awaited = new Map<string, Map<string, string | typeof DELETED>>();
  private readonly ownerOfObject = new Map<string, string>();
  private readonly waiting = new Set<string>();

  /** @param options - the cache the written objects arrive in. */
  constructor(private readonly options: { readonly cache: CacheReader<T> }) {}

  /** Notes a successful write of the object under `objectKey` on behalf of `owner`. */
  record(options: {
    readonly owner: string;
    readonly objectKey: string;
    readonly written: T | undefined;
  }): void {
    const { owner, objectKey, written } = options;
    const cached = this.options.cache.get(objectKey);
    const version = written?.metadata?.resourceVersion;
    if (
      written === undefined ? cached === undefined : cached?.metadata?.resourceVersion === version
    ) {
      this.forget(objectKey);
      return;
    }
    this.forget(objectKey);
    let objects = this.awaited.get(owner);
    if (objects === undefined) {
      objects = new Map();
      this.awaited.set(owner, objects);
    }
    objects.set(objectKey, written === undefined ? DELETED : (version ?? ''));
    this.ownerOfObject.set(objectKey, owner);
  }

  /**
   * Takes note of a watch event the cache applied; answers whether it should trigger
   * a reconcile of its owner: `false` for the controller's own awaited write (unless
   * it was the last one a waiting owner awaited).
   */
  observe(event: {
    readonly type: 'apply' | 'delete';
    readonly objectKey: string;
    readonly object: T;
  }): boolean {
    const owner = this.ownerOfObject.get(event.objectKey);
    const expected =
      owner === undefined ? undefined : this.awaited.get(owner)?.get(event.objectKey);
    if (owner === undefined || expected === undefined) {
      return true;
    }
    const own =
      event.type === 'delete'
        ? expected === DELETED
        : expected === event.object.metadata?.resourceVersion;
    if (own || event.type === 'delete') {
      this.forget(event.objectKey);
    }
    if (!own) {
      return true;
    }
    if (this.waiting.has(owner) && !this.awaited.has(owner)) {
      this.waiting.delete(owner);
      return true;
    }
    return false;
  }

  /** Whether writes of `owner` are still awaited; if so the owner waits for them. */
  isStale(owner: string): boolean {
    if (!this.awaited.has(owner)) {
      this.waiting.delete(owner);
      return false;
    }
    this.waiting.add(owner);
    return true;
  }

  /** Forgets everything awaited (after a relist); answers the owners that were waiting. */
  reset(): readonly string[] {
    const waiting = Array.from(this.waiting);
    this.awaited.clear();
    this.ownerOfObject.clear();
    this.waiting.clear();
    return waiting;
  }

  private forget(objectKey: string): void {
    const owner = this.ownerOfObject.get(objectKey);
    if (owner === undefined) {
      return;
    }
    this.ownerOfObject.delete(objectKey);
    const objects = this.awaited.get(owner);
    objects?.delete(objectKey);
    if (objects?.size === 0) {
      this.awaited.delete(owner);
    }
  }
}
