import { describe, expect, it } from '@jest/globals';
import { VirtualClock } from '../../../src/clock/index.js';
import { SchedulingQueue } from '../../../src/scheduler/queue/scheduling-queue.js';
import { pod } from '../scheduler-test-support.js';

function queue(clock = new VirtualClock()) {
  let activations = 0;
  const q = new SchedulingQueue({ clock, onActive: () => activations++ });
  return { q, clock, activations: () => activations };
}

function popAll(q: SchedulingQueue): string[] {
  const keys: string[] = [];
  for (let info = q.pop(); info !== undefined; info = q.pop()) {
    keys.push(info.key);
  }
  return keys;
}

describe('the scheduling queue', () => {
  it('pops the highest priority first, then the earliest queued', () => {
    const { q, clock } = queue();
    q.add(pod('low-1', { spec: { priority: 1 } }));
    q.add(pod('none'));
    clock.advance(10);
    q.add(pod('high', { spec: { priority: 100 } }));
    q.add(pod('low-2', { spec: { priority: 1 } }));
    expect(popAll(q)).toEqual(['default/high', 'default/low-1', 'default/low-2', 'default/none']);
  });

  it('tells its owner whenever a pod becomes active', () => {
    const { q, activations } = queue();
    q.add(pod('a'));
    q.add(pod('b'));
    expect(activations()).toBe(2);
  });

  it('updates a queued pod in place and reorders it by its new priority', () => {
    const { q } = queue();
    q.add(pod('a'));
    q.add(pod('b'));
    q.update(pod('b', { spec: { priority: 5 } }));
    expect(q.sizes.active).toBe(2);
    expect(popAll(q)).toEqual(['default/b', 'default/a']);
  });

  it('removes deleted pods wherever they wait', () => {
    const { q } = queue();
    q.add(pod('a'));
    q.add(pod('b'));
    const b = q.pop();
    q.addUnschedulable(b!);
    q.delete('default/a');
    q.delete('default/b');
    expect(q.sizes).toEqual({ active: 0, backoff: 0, unschedulable: 0 });
  });

  it('backs off 1 s, 2 s, 4 s, 8 s, then 10 s at most', () => {
    const { q } = queue();
    expect([1, 2, 3, 4, 5, 6].map((attempts) => q.backoffDuration(attempts))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('moves a pod from backoffQ to activeQ when its backoff ends, on the clock', () => {
    const { q, clock } = queue();
    q.add(pod('a'));
    q.addBackoff(q.pop()!);
    expect(q.whereIs('default/a')).toBe('backoff');
    clock.advance(999);
    expect(q.whereIs('default/a')).toBe('backoff');
    clock.advance(1);
    expect(q.whereIs('default/a')).toBe('active');
    q.addBackoff(q.pop()!);
    clock.advance(1999);
    expect(q.whereIs('default/a')).toBe('backoff');
    clock.advance(1);
    expect(q.whereIs('default/a')).toBe('active');
  });

  it('parks unschedulable pods until a cluster event, then moves them to backoff or active', () => {
    const { q, clock } = queue();
    q.add(pod('a'));
    q.add(pod('b'));
    const a = q.pop()!;
    const b = q.pop()!;
    q.addUnschedulable(a);
    clock.advance(5000);
    q.addUnschedulable(b);
    expect(q.sizes.unschedulable).toBe(2);
    q.moveAllToActiveOrBackoff();
    // a failed 5 s ago, past its 1 s backoff; b just failed.
    expect(q.whereIs('default/a')).toBe('active');
    expect(q.whereIs('default/b')).toBe('backoff');
  });

  it('flushes pods parked longer than 5 minutes, checking every 30 s', () => {
    const { q, clock } = queue();
    q.add(pod('a'));
    q.addUnschedulable(q.pop()!);
    clock.advance(5 * 60_000);
    expect(q.whereIs('default/a')).toBe('unschedulable');
    clock.advance(30_000);
    expect(q.whereIs('default/a')).toBe('active');
  });

  it('moves a parked pod on when its spec changes, but not for a status change', () => {
    const { q, clock } = queue();
    q.add(pod('a'));
    q.addUnschedulable(q.pop()!);
    clock.advance(2000);
    q.update({ ...pod('a'), status: { phase: 'Pending' } });
    expect(q.whereIs('default/a')).toBe('unschedulable');
    q.update(pod('a', { cpu: '1' }));
    expect(q.whereIs('default/a')).toBe('active');
  });

  it('stops its timers when stopped', () => {
    const { q, clock } = queue();
    q.add(pod('a'));
    q.addBackoff(q.pop()!);
    q.stop();
    expect(clock.pending()).toBe(0);
  });
});
