import { describe, expect, it } from '@jest/globals';
import { defaultNode } from '../../../src/apiserver/defaulting/index.js';

describe('defaultNode', () => {
  it('defaults allocatable to capacity', () => {
    expect(defaultNode({ status: { capacity: { cpu: '4', pods: '110' } } })).toStrictEqual({
      status: { capacity: { cpu: '4', pods: '110' }, allocatable: { cpu: '4', pods: '110' } },
    });
  });

  it('returns the node itself when allocatable is reported or there is no capacity', () => {
    const reported = { status: { capacity: { cpu: '4' }, allocatable: { cpu: '3800m' } } };
    expect(defaultNode(reported)).toBe(reported);
    const bare = { metadata: { name: 'n' } };
    expect(defaultNode(bare)).toBe(bare);
  });
});
