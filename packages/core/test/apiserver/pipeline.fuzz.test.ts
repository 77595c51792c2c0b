import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { decodeObject } from '../../src/api/codec/index.js';
import { Status } from '../../src/api/status/index.js';
import type { ApiRequest, ApiVerb } from '../../src/apiserver/index.js';
import { apiServerFixture, gvr } from './support/api-server-fixture.js';

/** Valid bodies to start mutating from, by resource. */
const SEEDS: Readonly<Record<string, unknown>> = {
  pods: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels: { app: 'web' }, finalizers: ['example.com/x'] },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'nginx',
          ports: [{ containerPort: 80 }],
          resources: { requests: { cpu: '100m' } },
        },
      ],
      tolerations: [{ key: 'k', operator: 'Exists' }],
    },
  },
  configmaps: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: 'b' } },
  'deployments.apps': {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
    },
  },
  namespaces: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } },
  'roles.rbac.authorization.k8s.io': {
    metadata: { name: 'r' },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
  },
};

const RESOURCES = Object.keys(SEEDS);

/** A JSON value, of any shape. */
const json = fc.jsonValue({ maxDepth: 3 });

/** Every path (as keys and indices) into a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const own = [prefix];
  if (Array.isArray(value)) {
    return [...own, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  }
  if (typeof value === 'object' && value !== null) {
    return [
      ...own,
      ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key])),
    ];
  }
  return own;
}

/** `value` with the node at `path` replaced by `replacement` (or removed when undefined). */
function mutateAt(
  value: unknown,
  path: readonly (string | number)[],
  replacement: unknown,
): unknown {
  if (path.length === 0) {
    return replacement;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    copy[head as number] = mutateAt(copy[head as number], rest, replacement);
    return copy.filter((item) => item !== undefined);
  }
  const record = { ...(value as Record<string, unknown>) };
  const next = mutateAt(record[head as string], rest, replacement);
  if (next === undefined) {
    delete record[head as string];
  } else {
    record[head as string] = next;
  }
  return record;
}

/** A seed with one node replaced, removed, or given an unknown sibling. */
const mutatedBody = fc
  .record({
    resource: fc.constantFrom(...RESOURCES),
    pick: fc.nat(),
    replacement: fc.option(json, { nil: undefined }),
    extra: fc.boolean(),
  })
  .map(({ resource, pick, replacement, extra }) => {
    const seed = SEEDS[resource];
    const all = paths(seed);
    const path = all[pick % all.length]!;
    const mutated = mutateAt(
      seed,
      path,
      extra ? { ...(replacement as object), unknownField: replacement ?? 1 } : replacement,
    );
    return { resource, body: mutated };
  });

const request = fc.record({
  verb: fc.constantFrom<ApiVerb>(
    'create',
    'update',
    'patch',
    'get',
    'list',
    'delete',
    'deletecollection',
  ),
  target: fc.oneof(mutatedBody, fc.record({ resource: fc.constantFrom(...RESOURCES), body: json })),
  name: fc.constantFrom(undefined, 'web', 'cfg', 'team', 'r', 'Not_A_Name'),
  namespace: fc.constantFrom(undefined, 'default', 'nowhere'),
  patchType: fc.constantFrom(undefined, 'json', 'merge', 'strategic', 'apply'),
  options: fc.record(
    {
      dryRun: fc.boolean(),
      fieldValidation: fc.constantFrom('Strict', 'Warn', 'Ignore'),
      resourceVersion: fc.constantFrom('', '0', '1', 'abc', '999999'),
      labelSelector: fc.constantFrom('', 'app=web', 'app in (', '!app'),
      limit: fc.integer({ min: -1, max: 3 }),
      gracePeriodSeconds: fc.integer({ min: -5, max: 60 }),
      propagationPolicy: fc.constantFrom('Orphan', 'Foreground', 'Background'),
    },
    { requiredKeys: [] },
  ),
});

describe('the apiserver pipeline under random requests', () => {
  it('always answers a well-formed Status or object, and a rejected request never changes the store', async () => {
    const outcomes = { accepted: 0, rejected: 0, writes: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 8 }), async (requests) => {
        const { send, store } = apiServerFixture();
        // A few objects to update, patch and delete.
        for (const resource of RESOURCES) {
          await send({
            verb: 'create',
            resource: gvr(resource),
            namespace: resource === 'namespaces' ? undefined : 'default',
            body: SEEDS[resource],
          } as ApiRequest);
        }
        for (const generated of requests) {
          const snapshot = await store.snapshot();
          const before = store.revision;
          const result = await send({
            verb: generated.verb,
            resource: gvr(generated.target.resource),
            ...(generated.name === undefined ? {} : { name: generated.name }),
            ...(generated.namespace === undefined ? {} : { namespace: generated.namespace }),
            ...(generated.patchType === undefined ? {} : { patchType: generated.patchType }),
            body: generated.target.body,
            options: generated.options,
          });
          const problems: string[] = [];
          if (isLeft(result)) {
            const status = result.left;
            outcomes.rejected++;
            if (isLeft(decodeObject(Status, status, { strictFields: true }))) {
              problems.push('the Status does not decode strictly');
            }
            if (status.kind !== 'Status' || status.status !== 'Failure') {
              problems.push('not a failure Status');
            }
            if (
              status.code === undefined ||
              status.code < 400 ||
              status.code >= 600 ||
              status.code === 500
            ) {
              problems.push(`code ${String(status.code)}`);
            }
            if (typeof status.message !== 'string') {
              problems.push('no message');
            }
            if (store.revision !== before) {
              problems.push('the store revision changed');
            }
          } else {
            outcomes.accepted++;
            outcomes.writes += store.revision > before ? 1 : 0;
            if (![200, 201, 202].includes(result.right.code)) {
              problems.push(`code ${result.right.code}`);
            }
            if (typeof result.right.body.kind !== 'string' || !Object.isFrozen(result.right.body)) {
              problems.push('the body is not a frozen object with a kind');
            }
          }
          expect(problems).toStrictEqual([]);
          // A rejected request leaves the store exactly as it was; an accepted one may not.
          expect(isLeft(result) ? await store.snapshot() : snapshot).toStrictEqual(snapshot);
        }
      }),
      { numRuns: 200 },
    );
    // The generators reach both sides: requests that pass the whole pipeline and write,
    // and requests rejected at every stage.
    expect(outcomes.accepted).toBeGreaterThan(30);
    expect(outcomes.writes).toBeGreaterThan(5);
    expect(outcomes.rejected).toBeGreaterThan(30);
  });
});
