/**
 * A running apiserver on a virtual clock, a client as `system:admin`, and a garbage
 * collector running against them, with helpers to make owned objects.
 *
 * @module
 */
import { isRight } from 'fp-ts/lib/Either.js';
import type { Subscription } from 'rxjs';
import type { OwnerReference } from '../../../src/api/meta/owner-reference.js';
import {
  SYSTEM_ADMIN,
  startApiServer,
  type ApiObject,
  type RunningApiServer,
} from '../../../src/apiserver/index.js';
import { ConfigMaps } from '../../../src/client/built-in-types.js';
import { InProcessClient, keyOf, type ResourceType } from '../../../src/client/index.js';
import { VirtualClock } from '../../../src/clock/index.js';
import { garbageCollector } from '../../../src/controllers/garbage-collector/index.js';
import type { ReconcileOutcome } from '../../../src/reconcile/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { expectRight } from '../../support/either.js';

/** What {@link gcFixture} gives a test. */
export interface GcFixture {
  readonly clock: VirtualClock;
  readonly running: RunningApiServer;
  readonly client: InProcessClient;
  /** Every outcome the collector emitted so far. */
  readonly outcomes: ReconcileOutcome[];
  /** Starts the collector (once). */
  readonly startCollector: () => void;
  /** Stops the collector and the server. */
  readonly stop: () => void;
}

/** A server and a client; the collector runs unless `start: false`, then on `startCollector()`. */
export async function gcFixture(options: { readonly start?: boolean } = {}): Promise<GcFixture> {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  let uid = 0;
  const running = await startApiServer({ store, clock, generateUid: () => `uid-${++uid}` });
  const client = new InProcessClient({ server: running.server, user: SYSTEM_ADMIN });
  const outcomes: ReconcileOutcome[] = [];
  let subscription: Subscription | undefined;
  const startCollector = (): void => {
    subscription ??= garbageCollector({ client, clock, registry: running.server.registry })
      .run()
      .subscribe((outcome) => outcomes.push(outcome));
  };
  if (options.start !== false) {
    startCollector();
  }
  await flush();
  return {
    clock,
    running,
    client,
    outcomes,
    startCollector,
    stop: () => {
      subscription?.unsubscribe();
      running.stop();
    },
  };
}

/** Lets the watchers, the queue and the requests they make run, without moving the clock. */
export async function flush(rounds = 40): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** A reference to `owner`, blocking its deletion when asked. */
export function referenceTo(
  owner: ApiObject,
  options: { readonly blockOwnerDeletion?: boolean; readonly controller?: boolean } = {},
): OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    ...options,
  };
}

/** Creates a ConfigMap in `default` with these owner references. */
export async function createConfigMap(
  fixture: GcFixture,
  name: string,
  ownerReferences: readonly OwnerReference[] = [],
): Promise<ApiObject> {
  return expectRight(
    await fixture.client.create(ConfigMaps, {
      metadata: {
        name,
        namespace: 'default',
        ...(ownerReferences.length === 0 ? {} : { ownerReferences: [...ownerReferences] }),
      },
      data: { name },
    }),
  );
}

/** Whether `object` still exists (the same one: same uid). */
export async function exists<T extends ApiObject>(
  fixture: GcFixture,
  type: ResourceType<T>,
  object: ApiObject,
): Promise<boolean> {
  const answer = await fixture.client.get(type, keyOf(object));
  return isRight(answer) && answer.right.metadata?.uid === object.metadata?.uid;
}

/** The object under `key`, which must exist. */
export async function read<T extends ApiObject>(
  fixture: GcFixture,
  type: ResourceType<T>,
  object: ApiObject,
): Promise<T> {
  return expectRight(await fixture.client.get(type, keyOf(object)));
}
