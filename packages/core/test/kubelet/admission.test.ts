import { describe, expect, it } from '@jest/globals';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import type { Pod } from '../../src/api/kinds/index.js';
import { NodeAdmission, podRequests, resourceAmounts } from '../../src/kubelet/admission.js';

function node(list: Record<string, string>): NodeAdmission {
  const amounts = resourceAmounts(list);
  if (isLeft(amounts)) {
    throw new Error(amounts.left);
  }
  return new NodeAdmission(amounts.right);
}

function pod(requests: Record<string, string>, init: Record<string, string> = {}): Pod {
  return {
    spec: {
      containers: [{ name: 'a', resources: { requests } }],
      initContainers: [{ name: 'i', resources: { requests: init } }],
    },
  };
}

describe('podRequests', () => {
  it('takes the larger of the containers sum and the largest init container', () => {
    const requests = podRequests(pod({ cpu: '500m', memory: '1Gi' }, { cpu: '2' }));
    expect(isRight(requests) && Object.fromEntries(requests.right)).toEqual({
      cpu: 2000,
      memory: 1073741824,
      pods: 1,
    });
  });

  it('uses limits where nothing is requested', () => {
    const requests = podRequests({
      spec: { containers: [{ name: 'a', resources: { limits: { cpu: '1' } } }] },
    });
    expect(isRight(requests) && requests.right.get('cpu')).toBe(1000);
  });
});

describe('NodeAdmission', () => {
  it('rejects the first resource short with upstream reason and message', () => {
    const admission = node({ cpu: '1', memory: '1Gi', pods: '1' });
    expect(admission.admit('a', pod({ cpu: '600m' }))).toBeUndefined();
    expect(admission.admit('b', pod({ cpu: '600m' }))).toEqual({
      reason: 'OutOfpods',
      message: "Node didn't have enough resource: pods, requested: 1, used: 1, capacity: 1",
    });
    admission.release('a');
    expect(admission.admit('c', pod({ memory: '2Gi' }))).toEqual({
      reason: 'OutOfmemory',
      message:
        "Node didn't have enough resource: memory, requested: 2147483648, used: 0, capacity: 1073741824",
    });
  });

  it('rejects quantities that do not parse without counting them', () => {
    const admission = node({ cpu: '1', pods: '10' });
    expect(admission.admit('a', pod({ cpu: 'lots' }))?.reason).toBe('UnexpectedAdmissionError');
    expect(admission.used.get('pods') ?? 0).toBe(0);
  });

  it('counts a pod admitted twice once', () => {
    const admission = node({ cpu: '1', pods: '10' });
    admission.admit('a', pod({ cpu: '1' }));
    expect(admission.admit('a', pod({ cpu: '1' }))).toBeUndefined();
    expect(admission.used.get('cpu')).toBe(1000);
  });
});
