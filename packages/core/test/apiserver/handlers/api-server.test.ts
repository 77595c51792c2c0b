import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  ApiServer,
  SYSTEM_ADMIN,
  tokenAuthenticator,
  type ApiObject,
  type AuditEvent,
  type AuthorizationAttributes,
  type Authorizer,
} from '../../../src/apiserver/index.js';
import { VirtualClock } from '../../../src/clock/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { apiServerFixture, gvr } from '../support/api-server-fixture.js';
import { configMapBody, inNamespace } from './handler-test-support.js';

const alice = { name: 'alice', groups: ['system:authenticated'] };

/** An authorizer that allows only what `allowed` says, and remembers what it was asked. */
function fakeAuthorizer(allowed: (attributes: AuthorizationAttributes) => boolean): {
  readonly authorizer: Authorizer;
  readonly asked: AuthorizationAttributes[];
} {
  const asked: AuthorizationAttributes[] = [];
  return {
    asked,
    authorizer: (attributes) => {
      asked.push(attributes);
      return allowed(attributes) ? { allowed: true, reason: '' } : { allowed: false, reason: '' };
    },
  };
}

describe('ApiServer', () => {
  describe('request shape', () => {
    it('answers 404 for a resource it does not serve', async () => {
      const { fail } = apiServerFixture();
      const status = await fail({ verb: 'list', resource: gvr('widgets.example.com') });
      expect(status).toMatchObject({
        code: 404,
        reason: 'NotFound',
        message: 'the server could not find the requested resource',
      });
    });

    it('answers 404 for a namespaced resource addressed without a namespace, and a cluster one with', async () => {
      const { fail } = apiServerFixture();
      expect((await fail({ verb: 'get', resource: gvr('configmaps'), name: 'cfg' })).code).toBe(
        404,
      );
      expect(
        (await fail({ verb: 'get', resource: gvr('nodes'), namespace: 'default', name: 'n1' }))
          .code,
      ).toBe(404);
    });

    it('answers 404 for a subresource the resource does not have', async () => {
      const { fail } = apiServerFixture();
      expect(
        (await fail(inNamespace('configmaps', { verb: 'get', subresource: 'status', name: 'cfg' })))
          .code,
      ).toBe(404);
    });

    it('answers 405 for a verb on one object without a name', async () => {
      const { fail } = apiServerFixture();
      expect(await fail(inNamespace('configmaps', { verb: 'get' }))).toMatchObject({
        code: 405,
        reason: 'MethodNotAllowed',
        message: 'get requires a name',
      });
    });

    it('answers 405 for a verb the subresource does not serve', async () => {
      const { fail } = apiServerFixture();
      const status = await fail(
        inNamespace('deployments.apps', { verb: 'delete', subresource: 'status', name: 'web' }),
      );
      expect(status).toMatchObject({ code: 405, reason: 'MethodNotAllowed' });
    });

    it('refuses a watch through handle', async () => {
      const { fail } = apiServerFixture();
      expect((await fail(inNamespace('configmaps', { verb: 'watch' }))).code).toBe(405);
    });
  });

  describe('uids', () => {
    it('gives new objects random lowercase UUIDs by default, a new one each', async () => {
      const clock = new VirtualClock();
      const server = new ApiServer({ store: new MemoryStore<ApiObject>({ clock }), clock });
      const uidOf = async (name: string): Promise<string | undefined> => {
        const result = await server.handle({
          ...inNamespace('configmaps', { verb: 'create', body: configMapBody(name) }),
          user: SYSTEM_ADMIN,
        });
        return isLeft(result) ? undefined : result.right.body.metadata?.uid;
      };
      const first = await uidOf('a');
      const second = await uidOf('b');
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      expect(first).toMatch(uuid);
      expect(second).toMatch(uuid);
      expect(second).not.toBe(first);
    });
  });

  describe('authentication', () => {
    it('answers 401 to a request without a user or an authenticator', async () => {
      const { server } = apiServerFixture();
      const result = await server.handle(inNamespace('configmaps', { verb: 'list' }));
      expect(isLeft(result) && result.left).toMatchObject({ code: 401, reason: 'Unauthorized' });
    });

    it('authenticates bearer tokens, and answers 401 for an unknown one', async () => {
      const { server } = apiServerFixture({
        authenticator: tokenAuthenticator({ tokens: { secret: { name: 'alice' } } }),
      });
      const known = await server.handle({
        ...inNamespace('configmaps', { verb: 'list' }),
        credentials: { bearerToken: 'secret' },
      });
      expect(isLeft(known)).toBe(false);
      const unknown = await server.handle({
        ...inNamespace('configmaps', { verb: 'list' }),
        credentials: { bearerToken: 'nope' },
      });
      expect(isLeft(unknown) && unknown.left).toMatchObject({ code: 401, reason: 'Unauthorized' });
    });
  });

  describe('authorization', () => {
    it('asks the authorizer with the request attributes', async () => {
      const { authorizer, asked } = fakeAuthorizer(() => true);
      const { send } = apiServerFixture({ authorizer });
      await send({
        ...inNamespace('deployments.apps', { verb: 'get', subresource: 'scale', name: 'web' }),
        user: alice,
      });
      expect(asked).toEqual([
        {
          user: alice,
          verb: 'get',
          resourceRequest: true,
          apiGroup: 'apps',
          resource: 'deployments',
          subresource: 'scale',
          namespace: 'default',
          name: 'web',
        },
      ]);
    });

    it('answers 403 with upstream message when the authorizer denies, and writes nothing', async () => {
      const { authorizer } = fakeAuthorizer((attributes) => attributes.verb !== 'create');
      const { fail, store } = apiServerFixture({ authorizer });
      const status = await fail({
        ...inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg') }),
        user: alice,
      });
      expect(status).toMatchObject({
        code: 403,
        reason: 'Forbidden',
        message:
          'configmaps is forbidden: User "alice" cannot create resource "configmaps" in API group "" in the namespace "default"',
      });
      expect(store.revision).toBe(0);
    });

    it('names the object and the cluster scope in a 403', async () => {
      const { authorizer } = fakeAuthorizer(() => false);
      const { fail } = apiServerFixture({ authorizer });
      const status = await fail({ verb: 'get', resource: gvr('nodes'), name: 'n1', user: alice });
      expect(status.message).toBe(
        'nodes "n1" is forbidden: User "alice" cannot get resource "nodes" in API group "" at the cluster scope',
      );
    });
  });

  describe('audit$', () => {
    it("records every completed request, with the written resourceVersion and failures' reasons", async () => {
      const { send, server, clock } = apiServerFixture();
      const events: AuditEvent[] = [];
      server.audit$.subscribe((event) => events.push(event));
      await send(inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg') }));
      clock.advance(1000);
      await send(inNamespace('configmaps', { verb: 'get', name: 'cfg' }));
      await send(
        inNamespace('configmaps', {
          verb: 'create',
          body: configMapBody('cfg'),
          options: { dryRun: true },
        }),
      );
      expect(events).toEqual([
        expect.objectContaining({
          requestReceivedTimestamp: Date.UTC(2025, 0, 1),
          verb: 'create',
          resource: gvr('configmaps'),
          namespace: 'default',
          dryRun: false,
          code: 201,
          resourceVersion: '1',
        }),
        expect.objectContaining({
          verb: 'get',
          name: 'cfg',
          code: 200,
          requestReceivedTimestamp: Date.UTC(2025, 0, 1) + 1000,
        }),
        expect.objectContaining({
          verb: 'create',
          dryRun: true,
          code: 409,
          reason: 'AlreadyExists',
        }),
      ]);
      expect(events[1]).not.toHaveProperty('resourceVersion');
      expect(events[0]?.user?.name).toBe('system:admin');
    });

    it('records a 401 without a user, and a started watch as 200', async () => {
      const { server } = apiServerFixture();
      const events: AuditEvent[] = [];
      server.audit$.subscribe((event) => events.push(event));
      await server.handle(inNamespace('configmaps', { verb: 'list' }));
      await server.watch({ ...inNamespace('configmaps', { verb: 'watch' }), user: alice });
      expect(events[0]).toMatchObject({ verb: 'list', code: 401, reason: 'Unauthorized' });
      expect(events[0]).not.toHaveProperty('user');
      expect(events[1]).toMatchObject({ verb: 'watch', code: 200, user: alice });
    });

    it('records the authenticated user of a request the authorizer denies', async () => {
      const { authorizer } = fakeAuthorizer(() => false);
      const { server } = apiServerFixture({
        authorizer,
        authenticator: tokenAuthenticator({ tokens: { secret: { name: 'alice' } } }),
      });
      const events: AuditEvent[] = [];
      server.audit$.subscribe((event) => events.push(event));
      await server.handle({
        ...inNamespace('configmaps', { verb: 'list' }),
        credentials: { bearerToken: 'secret' },
      });
      expect(events[0]).toMatchObject({ code: 403, user: { name: 'alice' } });
    });
  });
});
