import { describe, expect, it } from '@jest/globals';
import { MatchingPodCounts } from '../../../../src/scheduler/plugins/pod-topology-spread/matching-pod-counts.js';
import { NO_DOMAIN } from '../../../../src/scheduler/plugins/pod-topology-spread/matching-pod-counts.js';
import { nodeInfo, snapshotOf } from '../../plugin-test-support.js';
import { node } from '../../scheduler-test-support.js';

const ZONE = 'topology.kubernetes.io/zone';

describe("MatchingPodCounts' domains by row", () => {
  it('answers the same domain ids as the per-node entries', () => {
    const snapshot = snapshotOf([
      node('a', { labels: { [ZONE]: 'z1' } }),
      node('b', { labels: { [ZONE]: 'z2' } }),
      node('c'),
    ]);
    const index = new MatchingPodCounts();
    const zone = index.keyId(ZONE);
    const byRow = snapshot.nodes.map((info) => index.domainOf(info, zone));
    const byEntry = snapshot.nodes.map((info) => index.domain(index.entry(info), info, zone));
    expect(byRow).toEqual(byEntry);
    expect(byRow[2]).toBe(NO_DOMAIN);
  });

  it('is not stale when a node changes its labels', () => {
    const snapshot = snapshotOf([node('a', { labels: { [ZONE]: 'z1' } })]);
    const index = new MatchingPodCounts();
    const zone = index.keyId(ZONE);
    const before = index.domainOf(nodeInfo(snapshot, 'a'), zone);
    snapshot.addOrUpdateNode(node('a', { labels: { [ZONE]: 'z2' } }));
    const after = index.domainOf(nodeInfo(snapshot, 'a'), zone);
    expect(after).not.toBe(before);
    snapshot.addOrUpdateNode(node('a'));
    expect(index.domainOf(nodeInfo(snapshot, 'a'), zone)).toBe(NO_DOMAIN);
  });

  it('is not stale when a deleted node’s row passes to another node', () => {
    const snapshot = snapshotOf([node('a', { labels: { [ZONE]: 'z1' } })]);
    const index = new MatchingPodCounts();
    const zone = index.keyId(ZONE);
    const first = nodeInfo(snapshot, 'a');
    const row = first.row;
    const z1 = index.domainOf(first, zone);
    snapshot.removeNode('a');
    expect(first.row).toBe(-1);
    snapshot.addOrUpdateNode(node('b', { labels: { [ZONE]: 'z2' } }));
    const second = nodeInfo(snapshot, 'b');
    expect(second.row).toBe(row);
    expect(index.domainOf(second, zone)).not.toBe(z1);
  });
});
