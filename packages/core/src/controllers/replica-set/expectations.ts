/**
 * What a ReplicaSet controller is waiting to see in its pod cache after its own
 * writes (upstream's `ControllerExpectations`): the creations and deletions it made
 * that the watch has not shown yet. While some are outstanding, the cache is known
 * to be behind, so the controller does not create or delete pods again.
 *
 * @module
 */

/** How long expectations are trusted: after this, a ReplicaSet syncs anyway (upstream's 5 minutes). */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Expectation {
  adds: number;
  readonly deletes: Set<string>;
  setAt: number;
}

/** The expectations of every ReplicaSet, by key (`namespace/name`). */
export class ReplicaSetExpectations {
  readonly #byKey = new Map<string, Expectation>();

  /**
   * Whether the ReplicaSet at `key` may create or delete pods: nothing is outstanding,
   * or what is has waited longer than {@link EXPECTATIONS_TIMEOUT_MS}.
   */
  satisfied(key: string, now: number): boolean {
    const expectation = this.#byKey.get(key);
    if (expectation === undefined) {
      return true;
    }
    if (expectation.adds <= 0 && expectation.deletes.size === 0) {
      return true;
    }
    return now - expectation.setAt > EXPECTATIONS_TIMEOUT_MS;
  }

  /** Records that `count` pods are being created for `key`. */
  expectCreations(key: string, count: number, now: number): void {
    const expectation = this.#entry(key, now);
    expectation.adds = count;
    expectation.setAt = now;
  }

  /** Records that the pods with `uids` are being deleted for `key`. */
  expectDeletions(key: string, uids: readonly string[], now: number): void {
    const expectation = this.#entry(key, now);
    expectation.deletes.clear();
    for (const uid of uids) {
      expectation.deletes.add(uid);
    }
    expectation.setAt = now;
  }

  /** One creation for `key` was seen in the cache, or failed (it will not be seen). */
  creationObserved(key: string): void {
    const expectation = this.#byKey.get(key);
    if (expectation !== undefined && expectation.adds > 0) {
      expectation.adds--;
    }
  }

  /** The deletion of the pod `uid` for `key` was seen (or failed). */
  deletionObserved(key: string, uid: string): void {
    this.#byKey.get(key)?.deletes.delete(uid);
  }

  /** Forgets `key` (its ReplicaSet is gone). */
  forget(key: string): void {
    this.#byKey.delete(key);
  }

  #entry(key: string, now: number): Expectation {
    let expectation = this.#byKey.get(key);
    if (expectation === undefined) {
      expectation = { adds: 0, deletes: new Set(), setAt: now };
      this.#byKey.set(key, expectation);
    }
    return expectation;
  }
}
