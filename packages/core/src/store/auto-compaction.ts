/**
 * When a store drops old history on its own.
 *
 * @module
 */
import type { Duration } from '../clock/duration.js';

/**
 * The automatic compaction policy of a store.
 *
 * - `periodic`: every `retention` of clock time, compact to the revision the store had
 *   one period earlier, so at least `retention` of history is always kept (and at
 *   most twice that). Kubernetes' apiserver compacts this way every 5 minutes. With
 *   `maxRevisions`, history is also cut to the last `maxRevisions` revisions whenever
 *   it reaches twice that, between ticks: a burst of writes at one instant of a
 *   virtual clock (which moves no timer) then does not keep every revision.
 * - `revision`: keep at least the last `retention` revisions (and at most twice as
 *   many); checked after every write, with no timer.
 * - `off`: history is kept until `compact` is called.
 */
export type AutoCompaction =
  | {
      readonly mode: 'periodic';
      readonly retention: Duration;
      /** At most twice this many revisions of history are kept (no bound when absent). */
      readonly maxRevisions?: number;
    }
  | { readonly mode: 'revision'; readonly retention: number }
  | { readonly mode: 'off' };

/** The default policy: periodic, every 5 minutes, as Kubernetes does. */
export const DEFAULT_AUTO_COMPACTION: AutoCompaction = { mode: 'periodic', retention: '5m' };
