import { describe, expect, it } from '@jest/globals';
import { fitErrorMessage } from '../../../src/scheduler/cycle/fit-error.js';

describe('fitErrorMessage', () => {
  it('counts reasons over nodes, sorted, as upstream', () => {
    const reasons = new Map([
      ['Insufficient cpu', 2],
      ['node(s) had untolerated taint {a: b}', 1],
    ]);
    expect(fitErrorMessage({ numAllNodes: 3, reasons })).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {a: b}, 2 Insufficient cpu.',
    );
  });

  it('uses a failed PreFilter message as is', () => {
    expect(
      fitErrorMessage({ numAllNodes: 2, reasons: new Map(), preFilterMessage: 'no zone' }),
    ).toBe('0/2 nodes are available: no zone.');
  });

  it('says there are no nodes at all', () => {
    expect(fitErrorMessage({ numAllNodes: 0, reasons: new Map() })).toBe(
      'no nodes available to schedule pods',
    );
  });
});
