import { describe, expect, it } from '@jest/globals';
import { numFeasibleNodesToFind } from '../../../src/scheduler/cycle/nodes-to-find.js';

describe('numFeasibleNodesToFind', () => {
  it('looks at every node below 100 nodes', () => {
    expect(numFeasibleNodesToFind(99)).toBe(99);
    expect(numFeasibleNodesToFind(10, 5)).toBe(10);
  });

  it('uses max(5, 50 - nodes/125) percent, at least 100', () => {
    expect(numFeasibleNodesToFind(100)).toBe(100);
    expect(numFeasibleNodesToFind(1000)).toBe(420);
    expect(numFeasibleNodesToFind(5000)).toBe(500);
    expect(numFeasibleNodesToFind(6000)).toBe(300);
    expect(numFeasibleNodesToFind(10_000)).toBe(500);
  });

  it('honours a configured percentage, still at least 100 and all at 100%', () => {
    expect(numFeasibleNodesToFind(5000, 1)).toBe(100);
    expect(numFeasibleNodesToFind(5000, 30)).toBe(1500);
    expect(numFeasibleNodesToFind(5000, 100)).toBe(5000);
  });
});
