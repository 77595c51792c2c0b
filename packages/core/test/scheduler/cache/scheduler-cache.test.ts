import { describe, expect, it } from '@jest/globals';
import { SchedulerCache } from '../../../src/scheduler/cache/scheduler-cache.js';
import { podInfoOf } from '../../../src/scheduler/framework/pod-info.js';
import { node, pod } from '../scheduler-test-support.js';

describe('the scheduler cache', () => {
  it('keeps nodes in the order first seen, through updates and deletions', () => {
    const cache = new SchedulerCache();
    cache.addOrUpdateNode(node('a'));
    cache.addOrUpdateNode(node('b'));
    cache.addOrUpdateNode(node('c'));
    cache.addOrUpdateNode(node('a', { cpu: '8' }));
    cache.removeNode('b');
    expect(cache.nodes.map((info) => info.name)).toEqual(['a', 'c']);
    expect(cache.get('a')?.allocatable.milliCpu).toBe(8000);
    expect(cache.get('b')).toBeUndefined();
  });

  it('sums the requests of the pods on a node, and moves a pod that changes node', () => {
    const cache = new SchedulerCache();
    cache.addOrUpdateNode(node('a'));
    cache.addOrUpdateNode(node('b'));
    cache.addOrUpdatePod(pod('p', { cpu: '1', spec: { nodeName: 'a' } }));
    cache.addOrUpdatePod(pod('q', { cpu: '2', spec: { nodeName: 'a' } }));
    expect(cache.get('a')?.requested).toMatchObject({ milliCpu: 3000, pods: 2 });
    cache.addOrUpdatePod(pod('q', { cpu: '2', spec: { nodeName: 'b' } }));
    expect(cache.get('a')?.requested).toMatchObject({ milliCpu: 1000, pods: 1 });
    cache.removePod('default/p');
    expect(cache.get('a')?.requested).toMatchObject({ milliCpu: 0, pods: 0 });
    expect(cache.get('b')?.pods.map((info) => info.key)).toEqual(['default/q']);
  });

  it('keeps pods bound to a node not seen yet, and counts them when it arrives', () => {
    const cache = new SchedulerCache();
    cache.addOrUpdatePod(pod('early', { cpu: '1', spec: { nodeName: 'late' } }));
    expect(cache.nodes).toHaveLength(0);
    cache.addOrUpdateNode(node('late'));
    expect(cache.get('late')?.requested.milliCpu).toBe(1000);
  });

  it('holds assumed pods until confirmed by the watch or forgotten', () => {
    const cache = new SchedulerCache();
    cache.addOrUpdateNode(node('a'));
    const assumed = podInfoOf(pod('p', { cpu: '1' }));
    cache.assume(assumed, 'a');
    expect(cache.isAssumed('default/p')).toBe(true);
    expect(cache.get('a')?.requested.milliCpu).toBe(1000);
    cache.forget('default/p');
    expect(cache.get('a')?.requested.milliCpu).toBe(0);

    cache.assume(assumed, 'a');
    cache.addOrUpdatePod(pod('p', { cpu: '1', spec: { nodeName: 'a' } }));
    expect(cache.isAssumed('default/p')).toBe(false);
    cache.forget('default/p');
    expect(cache.get('a')?.requested.milliCpu).toBe(1000);
  });

  it('lists the nodes holding pods with affinity terms', () => {
    const cache = new SchedulerCache();
    cache.addOrUpdateNode(node('a'));
    cache.addOrUpdateNode(node('b'));
    const term = {
      topologyKey: 'kubernetes.io/hostname',
      labelSelector: { matchLabels: { app: 'x' } },
    };
    cache.addOrUpdatePod(
      pod('anti', {
        spec: {
          nodeName: 'b',
          affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } },
        },
      }),
    );
    expect(cache.nodesWithPodsWithAffinity.map((info) => info.name)).toEqual(['b']);
    expect(cache.nodesWithPodsWithRequiredAntiAffinity.map((info) => info.name)).toEqual(['b']);
    cache.removePod('default/anti');
    expect(cache.nodesWithPodsWithAffinity).toEqual([]);
  });
});
