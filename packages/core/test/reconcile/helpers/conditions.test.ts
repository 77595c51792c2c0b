import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Condition } from '../../../src/api/meta/condition.js';
import {
  findCondition,
  isConditionTrue,
  removeCondition,
  setCondition,
} from '../../../src/reconcile/helpers/conditions.js';

const T0 = '2025-01-01T00:00:00Z';
const T1 = '2025-01-01T00:05:00Z';

const ready: Condition = {
  type: 'Ready',
  status: 'True',
  reason: 'AllGood',
  message: 'ready',
  lastTransitionTime: T0,
  observedGeneration: 1,
};
const progressing: Condition = {
  type: 'Progressing',
  status: 'False',
  reason: 'Done',
  message: '',
  lastTransitionTime: T0,
};

describe('setCondition', () => {
  it('appends a new condition with now as its lastTransitionTime', () => {
    const { lastTransitionTime: _, ...update } = ready;
    expect(setCondition(undefined, update, T1)).toStrictEqual([
      { ...ready, lastTransitionTime: T1 },
    ]);
  });

  it("keeps a new condition's own lastTransitionTime when given", () => {
    expect(setCondition([], ready, T1)).toStrictEqual([ready]);
  });

  it('answers the very same array when nothing changed', () => {
    const conditions = [ready, progressing];
    expect(setCondition(conditions, { ...ready, lastTransitionTime: T1 }, T1)).toBe(conditions);
  });

  it('keeps lastTransitionTime when only the reason and message change', () => {
    const conditions = [progressing, ready];
    const result = setCondition(
      conditions,
      { ...ready, reason: 'Still', message: 'still ready' },
      T1,
    );
    expect(result).toStrictEqual([
      progressing,
      { ...ready, reason: 'Still', message: 'still ready' },
    ]);
    expect(result[0]).toBe(progressing);
    expect(conditions).toStrictEqual([progressing, ready]);
  });

  it('moves lastTransitionTime to now when the status changes', () => {
    const { lastTransitionTime: _, ...update } = ready;
    const result = setCondition([ready], { ...update, status: 'False', reason: 'Broken' }, T1);
    expect(result).toStrictEqual([
      { ...ready, status: 'False', reason: 'Broken', lastTransitionTime: T1 },
    ]);
  });

  it('clears observedGeneration when the update has none, as upstream', () => {
    const { observedGeneration: _, ...update } = ready;
    expect(setCondition([ready], update, T1)).toStrictEqual([update]);
  });

  it('never changes its input and keeps exactly one condition per type', () => {
    const statuses = fc.constantFrom<Condition['status']>('True', 'False', 'Unknown');
    const condition = fc.record({
      type: fc.constantFrom('Ready', 'Progressing', 'Degraded'),
      status: statuses,
      reason: fc.constantFrom('A', 'B'),
      message: fc.string(),
      lastTransitionTime: fc.constant(T0),
    });
    fc.assert(
      fc.property(fc.array(condition), condition, (updates, last) => {
        let conditions: readonly Condition[] = [];
        for (const update of updates) conditions = setCondition(conditions, update, T1);
        const before = JSON.stringify(conditions);
        const after = setCondition(conditions, last, T1);
        expect(JSON.stringify(conditions)).toBe(before);
        expect(new Set(after.map((c) => c.type)).size).toBe(after.length);
        expect(findCondition(after, last.type)?.status).toBe(last.status);
      }),
    );
  });
});

describe('removeCondition', () => {
  it('removes the condition of the type', () => {
    expect(removeCondition([ready, progressing], 'Ready')).toStrictEqual([progressing]);
  });

  it('answers the same array when there is no such condition', () => {
    const conditions = [progressing];
    expect(removeCondition(conditions, 'Ready')).toBe(conditions);
    expect(removeCondition(undefined, 'Ready')).toBeUndefined();
  });
});

describe('findCondition and isConditionTrue', () => {
  it('find the condition by type', () => {
    expect(findCondition([progressing, ready], 'Ready')).toBe(ready);
    expect(findCondition(undefined, 'Ready')).toBeUndefined();
  });

  it('tell True from False, Unknown and absent', () => {
    expect(isConditionTrue([ready], 'Ready')).toBe(true);
    expect(isConditionTrue([progressing], 'Progressing')).toBe(false);
    expect(isConditionTrue([{ ...ready, status: 'Unknown' }], 'Ready')).toBe(false);
    expect(isConditionTrue([], 'Ready')).toBe(false);
  });
});
