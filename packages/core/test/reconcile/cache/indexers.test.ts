import { describe, expect, it } from '@jest/globals';
import {
  byLabel,
  byNamespace,
  byOwnerUid,
  DEFAULT_INDEXERS,
} from '../../../src/reconcile/cache/indexers.js';
import { configMap } from '../watcher/objects.js';

describe('indexers', () => {
  it('byNamespace files an object under its namespace, and a cluster-scoped one under ""', () => {
    expect(byNamespace(configMap('a', { namespace: 'kube-system' }))).toEqual(['kube-system']);
    expect(byNamespace({ metadata: { name: 'node-1' } })).toEqual(['']);
  });

  it('byOwnerUid files an object under each owner’s uid, and nowhere without owners', () => {
    expect(byOwnerUid(configMap('a', { ownerUids: ['u1', 'u2'] }))).toEqual(['u1', 'u2']);
    expect(byOwnerUid(configMap('a'))).toEqual([]);
    expect(byOwnerUid({})).toEqual([]);
  });

  it('byLabel files an object under its label’s value, and nowhere without the label', () => {
    const byApp = byLabel('app');
    expect(byApp(configMap('a', { labels: { app: 'web' } }))).toEqual(['web']);
    expect(byApp(configMap('a', { labels: { app: '' } }))).toEqual(['']);
    expect(byApp(configMap('a', { labels: { tier: 'db' } }))).toEqual([]);
    expect(byApp(configMap('a'))).toEqual([]);
  });

  it('gives every cache the namespace and ownerUid indexes', () => {
    expect(Object.keys(DEFAULT_INDEXERS)).toEqual(['namespace', 'ownerUid']);
  });
});
