import { describe, expect, it } from '@jest/globals';
import type { Pod, ReplicaSet } from '../../../src/api/kinds/index.js';
import { parseLabelSelector } from '../../../src/api/selectors/index.js';
import { planPodClaims } from '../../../src/controllers/replica-set/claim-pods.js';
import { expectRight } from '../../support/either.js';

const OURS = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1' };
const selector = expectRight(parseLabelSelector('app=web'));

function replicaSet(deleting = false): ReplicaSet {
  return {
    metadata: {
      namespace: 'default',
      name: 'web',
      uid: 'rs-1',
      ...(deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
    },
    spec: { selector: { matchLabels: { app: 'web' } } },
  };
}

function pod(
  name: string,
  app: string,
  options: { readonly controller?: string; readonly deleting?: boolean } = {},
): Pod {
  return {
    metadata: {
      name,
      namespace: 'default',
      labels: { app },
      ...(options.controller === undefined
        ? {}
        : { ownerReferences: [{ ...OURS, uid: options.controller, controller: true }] }),
      ...(options.deleting === true ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
    },
  };
}

const names = (pods: readonly Pod[]): readonly (string | undefined)[] =>
  pods.map((p) => p.metadata?.name);

describe('planPodClaims', () => {
  const pods = [
    pod('owned', 'web', { controller: 'rs-1' }),
    pod('relabelled', 'debug', { controller: 'rs-1' }),
    pod('orphan', 'web'),
    pod('going-orphan', 'web', { deleting: true }),
    pod('stranger', 'db'),
    pod('other-controller', 'web', { controller: 'rs-2' }),
  ];

  it('keeps owned pods, adopts matching orphans and releases unmatched pods it controls', () => {
    const claims = planPodClaims({ replicaSet: replicaSet(), selector, pods });
    expect(names(claims.owned)).toEqual(['owned']);
    expect(names(claims.toAdopt)).toEqual(['orphan']);
    expect(names(claims.toRelease)).toEqual(['relabelled']);
  });

  it('adopts and releases nothing for a ReplicaSet being deleted', () => {
    const claims = planPodClaims({ replicaSet: replicaSet(true), selector, pods });
    expect(names(claims.owned)).toEqual(['owned']);
    expect(claims.toAdopt).toEqual([]);
    expect(claims.toRelease).toEqual([]);
  });
});
