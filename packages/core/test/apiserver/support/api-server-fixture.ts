import { expect } from '@jest/globals';
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import type { Status } from '../../../src/api/status/index.js';
import {
  ApiServer,
  SYSTEM_ADMIN,
  type ApiObject,
  type ApiRequest,
  type ApiResponse,
  type ApiServerOptions,
} from '../../../src/apiserver/index.js';
import { VirtualClock } from '../../../src/clock/index.js';
import { MemoryStore } from '../../../src/store/index.js';

/** A server on a virtual clock and a memory store, with reproducible uids and names. */
export interface ApiServerFixture {
  readonly clock: VirtualClock;
  readonly store: MemoryStore<ApiObject>;
  readonly server: ApiServer;
  /** Sends a request as `system:admin` unless it names a user. */
  readonly send: (request: ApiRequest) => Promise<Either<Status, ApiResponse>>;
  /** Sends a request that must succeed, and returns its body. */
  readonly ok: (request: ApiRequest) => Promise<ApiObject>;
  /** Sends a request that must fail, and returns its Status. */
  readonly fail: (request: ApiRequest) => Promise<Status>;
}

/** Group, version and plural of a built-in resource, by plural (`pods`, `deployments.apps`). */
export function gvr(name: string): ApiRequest['resource'] {
  const [resource, ...group] = name.split('.');
  const groupName = group.join('.');
  const version = 'v1';
  return { group: groupName, version, resource: resource! };
}

/** A fresh fixture; `options` override the server's. */
export function apiServerFixture(options: Partial<ApiServerOptions> = {}): ApiServerFixture {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  let uid = 0;
  let seed = 1;
  const server = new ApiServer({
    store,
    clock,
    generateUid: () => `uid-${++uid}`,
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    },
    ...options,
  });
  const send = (request: ApiRequest): Promise<Either<Status, ApiResponse>> =>
    server.handle(
      request.user === undefined && request.credentials === undefined
        ? { ...request, user: SYSTEM_ADMIN }
        : request,
    );
  return {
    clock,
    store,
    server,
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
      expect(result.left.status).toBe('Failure');
      return result.left;
    },
  };
}
