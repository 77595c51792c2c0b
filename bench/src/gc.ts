/**
 * Access to V8's garbage collector, which Node exposes only under `--expose-gc`.
 *
 * The harness starts every benchmark process with that flag (see `run.ts`), so these
 * functions fail only when a benchmark module is run some other way.
 *
 * @module
 */
import { setImmediate as nextMacrotask } from 'node:timers/promises';

/** Thrown when a measurement needs the garbage collector but Node was started without `--expose-gc`. */
export class GcNotExposedError extends Error {
  /** Creates the error; `purpose` says what needed the collector. */
  constructor(purpose: string) {
    super(
      `${purpose} needs the garbage collector, but Node was started without --expose-gc. ` +
        'Run benchmarks with `npm run bench` (or `node --expose-gc bench/dist/run.js`).',
    );
    this.name = 'GcNotExposedError';
  }
}

/**
 * Runs full garbage collections until the heap has settled.
 *
 * Collects twice, with a macrotask in between, so that objects freed by finalizers and
 * by promise reactions queued during the first collection are gone too.
 *
 * @param purpose - What needs the collector; named in the error message.
 * @throws {@link GcNotExposedError} if Node was started without `--expose-gc`.
 */
export async function collectGarbage(purpose: string): Promise<void> {
  const gc = globalThis.gc;
  if (gc === undefined) {
    throw new GcNotExposedError(purpose);
  }
  gc();
  await nextMacrotask();
  gc();
}

/** `true` when Node was started with `--expose-gc`. */
export function isGcExposed(): boolean {
  return globalThis.gc !== undefined;
}
