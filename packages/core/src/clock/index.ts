/**
 * Time in drydock: the {@link Clock} interface, its implementations and adapters.
 *
 * - {@link RealClock} / {@link realClock}: wall time, for production.
 * - {@link VirtualClock}: time moves only when a test advances it.
 * - {@link ClockScheduler}: any clock as an RxJS scheduler (`clock.scheduler`).
 * - {@link schedulerClock}: any RxJS scheduler (such as `TestScheduler`) as a clock.
 * - {@link Duration}: milliseconds or Go-style strings (`'1h30m'`).
 *
 * @module
 */
export type { Clock, Timer } from './clock.js';
export { ClockScheduler } from './clock-scheduler.js';
export {
  formatDuration,
  InvalidDurationError,
  parseDuration,
  toMillis,
  toPositiveMillis,
  type Duration,
} from './duration.js';
export { RealClock, realClock } from './real-clock.js';
export { schedulerClock } from './scheduler-clock.js';
export {
  VirtualClock,
  VIRTUAL_CLOCK_DEFAULT_START,
  type RunAllTimersOptions,
  type VirtualClockOptions,
} from './virtual-clock.js';
