/**
 * An apiserver with service allocation over a memory store, and helpers to write
 * services through a client.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Service } from '../../../src/api/kinds/core-v1/index.js';
import type { Status } from '../../../src/api/status/index.js';
import {
  SYSTEM_ADMIN,
  startApiServer,
  type ApiObject,
  type RunningApiServer,
} from '../../../src/apiserver/index.js';
import { InProcessClient, Services, type Client } from '../../../src/client/index.js';
import { MemoryStore, VirtualClock } from '../../../src/index.js';

/** A running apiserver and a client of it. */
export interface ServiceTestEnv {
  readonly store: MemoryStore<ApiObject>;
  readonly clock: VirtualClock;
  readonly running: RunningApiServer;
  readonly client: Client;
}

/** Starts an apiserver (over `store` when given, as after a restart). */
export async function serviceTestEnv(
  options: {
    readonly serviceClusterIPRange?: string;
    readonly serviceNodePortRange?: string;
    readonly store?: MemoryStore<ApiObject>;
    readonly clock?: VirtualClock;
  } = {},
): Promise<ServiceTestEnv> {
  const clock = options.clock ?? new VirtualClock();
  const store = options.store ?? new MemoryStore<ApiObject>({ clock });
  const running = await startApiServer({
    store,
    clock,
    ...(options.serviceClusterIPRange === undefined
      ? {}
      : { serviceClusterIPRange: options.serviceClusterIPRange }),
    ...(options.serviceNodePortRange === undefined
      ? {}
      : { serviceNodePortRange: options.serviceNodePortRange }),
  });
  const client = new InProcessClient({ server: running.server, user: SYSTEM_ADMIN });
  return { store, clock, running, client };
}

/** A service named `name` in `default` with one TCP port 80 and `spec` merged in. */
export function service(name: string, spec: Service['spec'] = {}): Service {
  return {
    metadata: { namespace: 'default', name },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 80 }], ...spec },
  };
}

/** Creates a service. */
export function create(
  env: ServiceTestEnv,
  object: Service,
  options: { readonly dryRun?: boolean } = {},
): Promise<Either<Status, Service>> {
  return env.client.create(Services, object, options);
}

/** Deletes the service `name` of `default`. */
export function remove(env: ServiceTestEnv, name: string): Promise<Either<Status, Service>> {
  return env.client.delete(Services, { namespace: 'default', name });
}

/** Merge-patches the spec of the service `name` of `default`. */
export function patchSpec(
  env: ServiceTestEnv,
  name: string,
  spec: Record<string, unknown>,
): Promise<Either<Status, Service>> {
  return env.client.patch(
    Services,
    { namespace: 'default', name },
    { type: 'merge', body: { spec } },
  );
}
