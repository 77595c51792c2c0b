import { describe, expect, it } from '@jest/globals';
import type { Pod } from '../../../src/api/kinds/index.js';
import { podInfoOf } from '../../../src/scheduler/framework/pod-info.js';
import { nodeAllocatableOf } from '../../../src/scheduler/framework/resource-amounts.js';
import { node, pod } from '../scheduler-test-support.js';

const MI = 1024 * 1024;

function container(
  name: string,
  requests: Readonly<Record<string, string>>,
  restartPolicy?: string,
) {
  return {
    name,
    image: 'i',
    resources: { requests },
    ...(restartPolicy === undefined ? {} : { restartPolicy }),
  };
}

describe('podInfoOf', () => {
  it('sums the containers and adds the overhead', () => {
    const info = podInfoOf(
      pod('p', {
        spec: {
          containers: [
            container('a', { cpu: '250m', memory: '64Mi' }),
            container('b', { cpu: '0.5', 'example.com/gpu': '2' }),
          ],
          overhead: { cpu: '10m', memory: '1Mi' },
        },
      }),
    );
    expect(info.key).toBe('default/p');
    expect(info.requests).toMatchObject({ milliCpu: 760, memory: 65 * MI, pods: 1 });
    expect(info.requests.scalar.get('example.com/gpu')).toBe(2);
    // b sets no memory: 200Mi counts for it.
    expect(info.nonZeroRequests).toEqual({ milliCpu: 760, memory: 265 * MI });
  });

  it('takes the largest init container when it exceeds the sum', () => {
    const info = podInfoOf(
      pod('p', {
        spec: {
          containers: [container('a', { cpu: '100m' }), container('b', { cpu: '100m' })],
          initContainers: [container('init', { cpu: '1', memory: '1Gi' })],
        },
      }),
    );
    expect(info.requests).toMatchObject({ milliCpu: 1000, memory: 1024 * MI });
  });

  it('adds restartable (sidecar) init containers to the sum', () => {
    const info = podInfoOf(
      pod('p', {
        spec: {
          containers: [container('a', { cpu: '100m' })],
          initContainers: [container('sidecar', { cpu: '200m' }, 'Always')],
        },
      }),
    );
    expect(info.requests.milliCpu).toBe(300);
  });

  it('counts 100m and 200Mi for a best-effort pod when scoring, nothing when filtering', () => {
    const info = podInfoOf(pod('p'));
    expect(info.requests).toMatchObject({ milliCpu: 0, memory: 0 });
    expect(info.nonZeroRequests).toEqual({ milliCpu: 100, memory: 200 * MI });
  });

  it('computes the requests once per containers list, shared by the pods that have it', () => {
    const object = pod('p', { cpu: '1' });
    const first = podInfoOf(object);
    // A binding or status update: a new pod and spec, the same containers.
    const bound: Pod = { ...object, spec: { ...object.spec!, nodeName: 'n1' } };
    const second = podInfoOf(bound);
    expect(second.pod).toBe(bound);
    expect(second.requests).toBe(first.requests);
    expect(second.nonZeroRequests).toBe(first.nonZeroRequests);
    expect(Object.isFrozen(second.requests)).toBe(true);
    // Another pod of the same template.
    const sibling: Pod = { ...object, metadata: { ...object.metadata, name: 'q' } };
    expect(podInfoOf(sibling).requests).toBe(first.requests);
    expect(podInfoOf(sibling).key).toBe('default/q');
  });

  it('computes the requests per spec when init containers or an overhead add to them', () => {
    const containers = [container('a', { cpu: '100m' })];
    const plain = podInfoOf(pod('p', { spec: { containers } }));
    const withOverhead = podInfoOf(pod('q', { spec: { containers, overhead: { cpu: '10m' } } }));
    const withInit = podInfoOf(
      pod('r', { spec: { containers, initContainers: [container('i', { cpu: '1' })] } }),
    );
    expect(plain.requests.milliCpu).toBe(100);
    expect(withOverhead.requests.milliCpu).toBe(110);
    expect(withInit.requests.milliCpu).toBe(1000);
  });

  it('counts an invalid quantity as zero instead of throwing', () => {
    const bad: Pod = pod('p', { cpu: 'lots' });
    expect(podInfoOf(bad).requests.milliCpu).toBe(0);
  });

  it('flags pods with affinity and required anti-affinity terms', () => {
    const term = {
      topologyKey: 'kubernetes.io/hostname',
      labelSelector: { matchLabels: { app: 'x' } },
    };
    const info = podInfoOf(
      pod('p', {
        spec: {
          affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } },
        },
      }),
    );
    expect(info).toMatchObject({ hasAffinity: true, hasRequiredAntiAffinity: true });
    expect(podInfoOf(pod('q'))).toMatchObject({
      hasAffinity: false,
      hasRequiredAntiAffinity: false,
    });
  });
});

describe('nodeAllocatableOf', () => {
  it('reads allocatable in millicores, bytes and counts', () => {
    const amounts = nodeAllocatableOf(
      node('n', { cpu: '3500m', memory: '2Gi', pods: '110', extra: { 'hugepages-2Mi': '4Mi' } }),
    );
    expect(amounts).toMatchObject({ milliCpu: 3500, memory: 2048 * MI, pods: 110 });
    expect(amounts.scalar.get('hugepages-2Mi')).toBe(4 * MI);
  });
});
