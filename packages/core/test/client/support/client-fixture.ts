import type { Observable } from 'rxjs';
import {
  SYSTEM_ADMIN,
  startApiServer,
  type ApiObject,
  type RunningApiServer,
  type StartApiServerOptions,
  type UserInfo,
} from '../../../src/apiserver/index.js';
import { InProcessClient } from '../../../src/client/in-process-client.js';
import { VirtualClock } from '../../../src/clock/index.js';
import { MemoryStore } from '../../../src/store/index.js';

/** A started apiserver on a virtual clock and a memory store, and a client acting as `system:admin`. */
export interface ClientFixture extends RunningApiServer {
  readonly clock: VirtualClock;
  readonly store: MemoryStore<ApiObject>;
  /** A client acting as `system:admin` (in `system:masters`: allowed everything). */
  readonly client: InProcessClient;
}

/** Starts a server with the built-in parts (and reproducible uids); `options` override the defaults. */
export async function clientFixture(
  options: Partial<Omit<StartApiServerOptions, 'store' | 'clock'>> = {},
): Promise<ClientFixture> {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  let uid = 0;
  const running = await startApiServer({
    store,
    clock,
    generateUid: () => `uid-${++uid}`,
    ...options,
  });
  return {
    ...running,
    clock,
    store,
    client: new InProcessClient({ server: running.server, user: SYSTEM_ADMIN }),
  };
}

/** An authenticated user with no RBAC rights of their own. */
export const ALICE: UserInfo = { name: 'alice', groups: ['system:authenticated'] };

/** Lets pending promise callbacks (a watch's start and initial list) run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A subscription's events as they arrive, whether it completed, and how to stop it. */
export interface Recorder<E> {
  readonly events: E[];
  readonly completed: () => boolean;
  readonly errored: () => boolean;
  readonly stop: () => void;
}

/** Subscribes to `stream` and records what it emits. */
export function record<E>(stream: Observable<E>): Recorder<E> {
  const events: E[] = [];
  let completed = false;
  let errored = false;
  const subscription = stream.subscribe({
    next: (event) => events.push(event),
    complete: () => (completed = true),
    error: () => (errored = true),
  });
  return {
    events,
    completed: () => completed,
    errored: () => errored,
    stop: () => subscription.unsubscribe(),
  };
}
