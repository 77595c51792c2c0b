import { describe, expect, it } from '@jest/globals';
import type { ReplicaSet } from '../../../src/api/kinds/index.js';
import { podFromTemplate } from '../../../src/controllers/replica-set/pod-from-template.js';
import { expectLeft, expectRight } from '../../support/either.js';

const REPLICA_SET: ReplicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { namespace: 'default', name: 'web', uid: 'rs-1' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' }, annotations: { note: 'x' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    },
  },
};

describe('podFromTemplate', () => {
  it('names the pod after the ReplicaSet, with its template and a controller reference', () => {
    expect(expectRight(podFromTemplate(REPLICA_SET))).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: 'web-',
        namespace: 'default',
        labels: { app: 'web' },
        annotations: { note: 'x' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'web',
            uid: 'rs-1',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    });
  });

  it('refuses a ReplicaSet without a uid', () => {
    const { uid: _uid, ...metadata } = REPLICA_SET.metadata ?? {};
    expect(expectLeft(podFromTemplate({ ...REPLICA_SET, metadata }))).toMatchObject({
      _tag: 'IncompleteOwner',
      missing: ['metadata.uid'],
    });
  });
});
