import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchmarkOutcome } from '../src/outcome.js';
import { RESULTS_PATH, toResults, writeResults } from '../src/results.js';
import { fixedBenchmark } from './support/fixtures.js';

const outcomes: BenchmarkOutcome[] = [
  {
    benchmark: fixedBenchmark('store.put', 0, { target: 5, description: 'puts' }),
    report: { kind: 'measured', value: 1234.5 },
  },
  {
    benchmark: fixedBenchmark('store.broken'),
    report: { kind: 'failed', reason: 'threw', detail: 'stack' },
  },
  {
    benchmark: fixedBenchmark('store.heap', 0, { unit: 'MiB', better: 'lower' }),
    report: { kind: 'measured', value: 3 },
  },
];

describe('toResults', () => {
  it('has one entry per measured benchmark, in order, leaving failures out', () => {
    expect(toResults(outcomes)).toEqual([
      { name: 'store.put', value: 1234.5, unit: 'ops/s', better: 'higher' },
      { name: 'store.heap', value: 3, unit: 'MiB', better: 'lower' },
    ]);
  });

  it('gives each entry exactly the keys name, value, unit and better', () => {
    for (const result of toResults(outcomes)) {
      expect(Object.keys(result).sort()).toEqual(['better', 'name', 'unit', 'value']);
    }
  });
});

describe('writeResults', () => {
  it('writes a JSON array of the results and leaves no temporary file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'bench-results-'));
    try {
      const path = join(directory, 'bench-results.json');
      await writeResults(path, toResults(outcomes));
      const written: unknown = JSON.parse(await readFile(path, 'utf8'));
      expect(written).toEqual(toResults(outcomes));
      expect(await readdir(directory)).toEqual(['bench-results.json']);
    } finally {
      await rm(directory, { recursive: true });
    }
  });

  it('writes an empty array when nothing was measured', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'bench-results-'));
    try {
      const path = join(directory, 'bench-results.json');
      await writeResults(path, []);
      expect(await readFile(path, 'utf8')).toBe('[]\n');
    } finally {
      await rm(directory, { recursive: true });
    }
  });
});

describe('RESULTS_PATH', () => {
  it('is bench-results.json at the repository root, whatever the working directory', () => {
    const repositoryRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
    expect(RESULTS_PATH).toBe(join(repositoryRoot, 'bench-results.json'));
  });
});
