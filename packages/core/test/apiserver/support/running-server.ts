import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import type { Status } from '../../../src/api/status/index.js';
import {
  SYSTEM_ADMIN,
  startApiServer,
  type ApiObject,
  type ApiRequest,
  type ApiResponse,
  type RunningApiServer,
  type StartApiServerOptions,
} from '../../../src/apiserver/index.js';
import { VirtualClock } from '../../../src/clock/index.js';
import { MemoryStore } from '../../../src/store/index.js';

/** A started apiserver on a virtual clock, with request helpers. */
export interface RunningServerFixture extends RunningApiServer {
  readonly clock: VirtualClock;
  readonly store: MemoryStore<ApiObject>;
  /** Sends a request as `system:admin` unless it names a user or credentials. */
  readonly send: (request: ApiRequest) => Promise<Either<Status, ApiResponse>>;
  /** Sends a request that must succeed; its body. */
  readonly ok: (request: ApiRequest) => Promise<ApiObject>;
  /** Sends a request that must fail; its Status. */
  readonly fail: (request: ApiRequest) => Promise<Status>;
}

/** Starts a server with the built-in parts; `options` override the defaults. */
export async function runningServer(
  options: Partial<Omit<StartApiServerOptions, 'store' | 'clock'>> = {},
): Promise<RunningServerFixture> {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  let uid = 0;
  const running = await startApiServer({
    store,
    clock,
    generateUid: () => `uid-${++uid}`,
    ...options,
  });
  const send = (request: ApiRequest): Promise<Either<Status, ApiResponse>> =>
    running.server.handle(
      request.user === undefined && request.credentials === undefined
        ? { ...request, user: SYSTEM_ADMIN }
        : request,
    );
  return {
    ...running,
    clock,
    store,
    send,
    ok: async (request) => {
      const result = await send(request);
      if (isLeft(result)) {
        throw new Error(`expected success, got ${JSON.stringify(result.left)}`);
      }
      return result.right.body;
    },
    fail: async (request) => {
      const result = await send(request);
      if (!isLeft(result)) {
        throw new Error(`expected failure, got ${JSON.stringify(result.right)}`);
      }
      return result.left;
    },
  };
}
