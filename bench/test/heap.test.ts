import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GcNotExposedError } from '../src/gc.js';
import { measureHeap } from '../src/heap.js';

const originalGc = globalThis.gc;

afterEach(() => {
  globalThis.gc = originalGc;
});

describe('measureHeap without --expose-gc', () => {
  it('fails, saying how to run benchmarks', async () => {
    globalThis.gc = undefined;
    let built = false;
    const measurement = measureHeap({
      build: () => {
        built = true;
        return [];
      },
    });
    await expect(measurement).rejects.toThrow(GcNotExposedError);
    await expect(measurement).rejects.toThrow(
      /measureHeap needs the garbage collector.*npm run bench/,
    );
    expect(built).toBe(false);
  });
});

describe('measureHeap', () => {
  let exposedGc: NodeJS.GCFunction;

  beforeAll(() => {
    // Jest runs without --expose-gc; this exposes the collector to a new context only.
    setFlagsFromString('--expose-gc');
    exposedGc = runInNewContext('gc') as NodeJS.GCFunction;
  });

  it('counts what the built structure keeps alive', async () => {
    globalThis.gc = exposedGc;
    // A million small objects: tens of MiB on any 64-bit V8.
    const retained = await measureHeap({
      build: () => Array.from({ length: 1_000_000 }, (_, index) => ({ index })),
    });
    expect(retained).toBeGreaterThan(10);
    expect(retained).toBeLessThan(200);
  });

  it('does not count garbage made while building', async () => {
    globalThis.gc = exposedGc;
    const retained = await measureHeap({
      build: async () => {
        const garbage = Array.from({ length: 1_000_000 }, (_, index) => ({ index }));
        await Promise.resolve();
        return garbage.length;
      },
    });
    expect(retained).toBeLessThan(5);
  });
});
