import { describe, expect, it } from '@jest/globals';
import {
  bufferTime,
  debounceTime,
  delay,
  interval,
  map,
  of,
  Subject,
  take,
  timer,
  type SchedulerAction,
} from 'rxjs';
import { ClockScheduler } from '../../src/clock/clock-scheduler.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';

/** A clock at 0, so that `now()` reads as time elapsed in the test. */
function clockAtZero(): VirtualClock {
  return new VirtualClock({ start: 0 });
}

describe('ClockScheduler', () => {
  it('tells the time of its clock', () => {
    const clock = clockAtZero();
    const scheduler = new ClockScheduler({ clock });
    clock.advance('5s');
    expect(scheduler.now()).toBe(5_000);
  });

  it('is what a VirtualClock hands out as its scheduler', () => {
    expect(clockAtZero().scheduler).toBeInstanceOf(ClockScheduler);
  });

  it('runs work with its state once the delay has passed on the clock', () => {
    const clock = clockAtZero();
    const ran: [number, string][] = [];
    clock.scheduler.schedule((state) => ran.push([clock.now(), state ?? '']), 1_000, 'state');
    clock.advance('999ms');
    expect(ran).toEqual([]);
    clock.advance('1ms');
    expect(ran).toEqual([[1_000, 'state']]);
  });

  it('cancels the work when the action is unsubscribed', () => {
    const clock = clockAtZero();
    let ran = false;
    const action = clock.scheduler.schedule(() => (ran = true), 1_000);
    action.unsubscribe();
    expect(action.closed).toBe(true);
    expect(clock.pending()).toBe(0);
    clock.advance('1s');
    expect(ran).toBe(false);
  });

  it('re-arms the same action when work reschedules it, with new state and delay', () => {
    const clock = clockAtZero();
    const ran: [number, number][] = [];
    const rescheduled: unknown[] = [];
    const action = clock.scheduler.schedule(
      function (this: SchedulerAction<number>, count = 0) {
        ran.push([clock.now(), count]);
        if (count < 2) {
          rescheduled.push(this.schedule(count + 1, 500 * (count + 1)));
        }
      },
      100,
      0,
    );
    clock.advance('10s');
    expect(ran).toEqual([
      [100, 0],
      [600, 1],
      [1_600, 2],
    ]);
    expect(rescheduled).toHaveLength(2);
    expect(rescheduled.every((each) => each === action)).toBe(true);
    expect(clock.pending()).toBe(0);
  });

  it('replaces the pending run when an action is rescheduled before it ran', () => {
    const clock = clockAtZero();
    const scheduler = new ClockScheduler({ clock });
    const ran: [number, string | undefined][] = [];
    const action = scheduler.schedule((state) => ran.push([clock.now(), state]), 1_000, 'first');
    action.schedule('second', 3_000);
    clock.advance('5s');
    expect(ran).toEqual([[3_000, 'second']]);
  });

  it('treats a negative delay as zero and an infinite one as never', () => {
    const clock = clockAtZero();
    const ran: string[] = [];
    clock.scheduler.schedule(() => ran.push('negative'), -5);
    const never = clock.scheduler.schedule(() => ran.push('infinite'), Infinity);
    clock.advance(0);
    expect(ran).toEqual(['negative']);
    expect(never.closed).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  it('unsubscribes an action whose work throws and lets the error out of advance', () => {
    const clock = clockAtZero();
    const action = clock.scheduler.schedule(() => {
      throw new Error('work failed');
    }, 1_000);
    expect(() => clock.advance('1s')).toThrow('work failed');
    expect(action.closed).toBe(true);
  });

  describe('with RxJS operators on a VirtualClock', () => {
    it('timer emits once its due time comes, given as a delay or as a Date', () => {
      const clock = clockAtZero();
      const emitted: string[] = [];
      timer(1_000, clock.scheduler).subscribe(() => emitted.push(`delay at ${clock.now()}`));
      timer(new Date(2_500), clock.scheduler).subscribe(() =>
        emitted.push(`date at ${clock.now()}`),
      );
      clock.advance('999ms');
      expect(emitted).toEqual([]);
      clock.advance('2s');
      expect(emitted).toEqual(['delay at 1000', 'date at 2500']);
    });

    it('timer with a period emits at the due time, then every period', () => {
      const clock = clockAtZero();
      const emitted: [number, number][] = [];
      timer(500, 1_000, clock.scheduler).subscribe((value) => emitted.push([clock.now(), value]));
      clock.advance('2.5s');
      expect(emitted).toEqual([
        [500, 0],
        [1_500, 1],
        [2_500, 2],
      ]);
    });

    it('interval emits every period until unsubscribed', () => {
      const clock = clockAtZero();
      const emitted: [number, number][] = [];
      const subscription = interval(1_000, clock.scheduler).subscribe((value) =>
        emitted.push([clock.now(), value]),
      );
      clock.advance('3s');
      subscription.unsubscribe();
      clock.advance('1h');
      expect(emitted).toEqual([
        [1_000, 0],
        [2_000, 1],
        [3_000, 2],
      ]);
      expect(clock.pending()).toBe(0);
    });

    it('interval with take completes and leaves no timer behind', () => {
      const clock = clockAtZero();
      let completedAt: number | undefined;
      interval(1_000, clock.scheduler)
        .pipe(take(2))
        .subscribe({ complete: () => (completedAt = clock.now()) });
      clock.runAll();
      expect(completedAt).toBe(2_000);
      expect(clock.pending()).toBe(0);
    });

    it('delay holds each value back by the delay', () => {
      const clock = clockAtZero();
      const emitted: [number, string][] = [];
      of('a', 'b')
        .pipe(delay(300, clock.scheduler))
        .subscribe((value) => emitted.push([clock.now(), value]));
      clock.advance('299ms');
      expect(emitted).toEqual([]);
      clock.advance('1ms');
      expect(emitted).toEqual([
        [300, 'a'],
        [300, 'b'],
      ]);
    });

    it('debounceTime emits a value only after a quiet period', () => {
      const clock = clockAtZero();
      const input = new Subject<string>();
      const emitted: [number, string][] = [];
      input
        .pipe(debounceTime(1_000, clock.scheduler))
        .subscribe((value) => emitted.push([clock.now(), value]));
      input.next('a');
      clock.advance('500ms');
      input.next('b');
      clock.advance('900ms');
      expect(emitted).toEqual([]);
      clock.advance('100ms');
      expect(emitted).toEqual([[1_500, 'b']]);
      input.next('c');
      clock.advance('1s');
      expect(emitted).toEqual([
        [1_500, 'b'],
        [2_500, 'c'],
      ]);
    });

    it('bufferTime gathers values into one buffer per time span', () => {
      const clock = clockAtZero();
      const input = new Subject<string>();
      const emitted: [number, string[]][] = [];
      input
        .pipe(bufferTime(1_000, clock.scheduler))
        .subscribe((buffer) => emitted.push([clock.now(), buffer]));
      input.next('a');
      input.next('b');
      clock.advance('1s');
      input.next('c');
      clock.advance('2s');
      expect(emitted).toEqual([
        [1_000, ['a', 'b']],
        [2_000, ['c']],
        [3_000, []],
      ]);
    });

    it('runs operators driven by promises along with advanceAsync', async () => {
      const clock = clockAtZero();
      const emitted: number[] = [];
      timer(1_000, clock.scheduler)
        .pipe(map(() => clock.now()))
        .subscribe((now) => {
          void Promise.resolve().then(() =>
            timer(1_000, clock.scheduler).subscribe(() => emitted.push(now, clock.now())),
          );
        });
      await clock.advanceAsync('2s');
      expect(emitted).toEqual([1_000, 2_000]);
    });
  });
});
