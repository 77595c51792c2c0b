import { describe, expect, it } from '@jest/globals';
import { left, right } from 'fp-ts/lib/Either.js';
import type { Pod, ReplicaSet } from '../../../src/api/kinds/index.js';
import { conflict, type Status } from '../../../src/api/status/index.js';
import type { Client } from '../../../src/client/index.js';
import {
  manageReplicas,
  type WriteExpectations,
} from '../../../src/controllers/replica-set/manage-replicas.js';

const REPLICA_SET: ReplicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { namespace: 'default', name: 'web', uid: 'rs-1' },
  spec: {
    replicas: 5,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    },
  },
};

/** A client whose creates succeed `successes` times, then fail; deletes answer `deleteStatus`. */
function scriptedClient(options: { successes: number; deleteStatus?: Status }): Client {
  let creates = 0;
  return {
    create: (_type: unknown, object: Pod) =>
      Promise.resolve(
        creates++ < options.successes
          ? right(object)
          : left(conflict({ group: '', resource: 'pods', name: 'x' })),
      ),
    delete: (_type: unknown, _key: unknown) =>
      Promise.resolve(options.deleteStatus === undefined ? right({}) : left(options.deleteStatus)),
  } as unknown as Client;
}

function recorder(): WriteExpectations & { readonly log: string[] } {
  const log: string[] = [];
  return {
    log,
    expectCreations: (count) => log.push(`expect ${count}`),
    creationObserved: () => log.push('observed'),
    expectDeletions: (uids) => log.push(`expect delete ${uids.join(',')}`),
    deletionObserved: (uid) => log.push(`deleted ${uid}`),
  };
}

function pod(uid: string): Pod {
  return { metadata: { namespace: 'default', name: uid, uid } };
}

describe('manageReplicas', () => {
  it('expects every creation, and counts failed and skipped ones as observed', async () => {
    const expectations = recorder();
    await expect(
      manageReplicas({
        client: scriptedClient({ successes: 2 }),
        replicaSet: REPLICA_SET,
        pods: [],
        expectations,
      }),
    ).rejects.toThrow(/cannot create pods for ReplicaSet default\/web/);
    // Batches of 1 then 2: the 1st and 2nd creates succeed, the 3rd fails (observed),
    // and the 2 creations left are skipped (observed).
    expect(expectations.log).toEqual(['expect 5', 'observed', 'observed', 'observed']);
  });

  it('counts the creations a failed batch skipped as observed', async () => {
    const expectations = recorder();
    await expect(
      manageReplicas({
        client: scriptedClient({ successes: 0 }),
        replicaSet: REPLICA_SET,
        pods: [],
        expectations,
      }),
    ).rejects.toThrow();
    expect(expectations.log).toEqual([
      'expect 5',
      'observed',
      'observed',
      'observed',
      'observed',
      'observed',
    ]);
  });

  it('expects each deletion and counts a failed one as observed', async () => {
    const expectations = recorder();
    await expect(
      manageReplicas({
        client: scriptedClient({
          successes: 0,
          deleteStatus: conflict({ group: '', resource: 'pods', name: 'a' }),
        }),
        replicaSet: { ...REPLICA_SET, spec: { ...REPLICA_SET.spec, replicas: 1 } } as ReplicaSet,
        pods: [pod('a'), pod('b')],
        expectations,
      }),
    ).rejects.toThrow(/cannot delete surplus pods/);
    expect(expectations.log[0]).toMatch(/^expect delete [ab]$/);
    expect(expectations.log[1]).toMatch(/^deleted [ab]$/);
  });
});
