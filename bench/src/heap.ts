/**
 * Measures how much heap a data structure keeps alive.
 *
 * @module
 */
import { collectGarbage } from './gc.js';

/** Bytes in a mebibyte. */
const MIB = 1024 * 1024;

/**
 * Holds the structure under measurement, so that it is still reachable when the heap is
 * measured after building it. A local variable is not enough: V8 may treat a local as
 * dead after its last use and collect what it points to.
 */
const holder: { structure: unknown } = { structure: undefined };

/** Options of {@link measureHeap}. */
export interface HeapOptions<T> {
  /**
   * Builds the structure to measure and returns it. May be asynchronous.
   *
   * Everything reachable from the returned value counts; everything else `build`
   * allocates is garbage and does not.
   */
  readonly build: () => T | Promise<T>;
}

/**
 * The JavaScript heap retained by what `build` returns, in MiB.
 *
 * Forces a full collection, reads `heapUsed`, builds the structure, collects again while
 * still holding it, and reads `heapUsed` again. The difference is what the structure
 * keeps alive.
 *
 * Caveats: counts the V8 heap only. Memory outside it (`Buffer` contents, native
 * addons) is not included. Run it in a fresh process — the harness does — so that
 * caches filled by earlier work do not blur the result.
 *
 * @throws {@link GcNotExposedError} if Node was started without `--expose-gc`.
 * @throws whatever `build` throws.
 */
export async function measureHeap<T>(options: HeapOptions<T>): Promise<number> {
  await collectGarbage('measureHeap');
  const before = process.memoryUsage().heapUsed;
  holder.structure = await options.build();
  try {
    await collectGarbage('measureHeap');
    const after = process.memoryUsage().heapUsed;
    return (after - before) / MIB;
  } finally {
    holder.structure = undefined;
  }
}
