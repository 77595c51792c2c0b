import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore, VirtualClock } from '@drydock/core';
import { readSnapshotFile, writeSnapshotFile } from '../../src/storage/index.js';

function orFail<E, A>(either: { _tag: 'Left'; left: E } | { _tag: 'Right'; right: A }): A {
  if (either._tag === 'Left') {
    throw new Error(JSON.stringify(either.left));
  }
  return either.right;
}

describe('snapshot files', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'drydock-snapshot-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('round-trips a store through a file', async () => {
    const clock = new VirtualClock();
    const store = new MemoryStore<{ name: string }>({ clock, autoCompaction: { mode: 'off' } });
    await store.put('/registry/pods/default/a', { name: 'a' });
    await store.put('/registry/pods/default/a', { name: 'a2' });
    const path = join(directory, 'nested', 'store.json');
    orFail(await writeSnapshotFile(path, orFail(await store.snapshot())));
    expect(await readdir(join(directory, 'nested'))).toEqual(['store.json']);
    const restored = orFail(
      MemoryStore.restore(orFail(await readSnapshotFile<{ name: string }>(path)), {
        clock,
        autoCompaction: { mode: 'off' },
      }),
    );
    expect(await restored.range({ prefix: '/' }, { revision: 1 })).toEqual(
      await store.range({ prefix: '/' }, { revision: 1 }),
    );
    expect(restored.revision).toBe(2);
  });

  it('reports a missing file as an error value', async () => {
    const result = await readSnapshotFile(join(directory, 'absent.json'));
    expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'SnapshotFileError' } });
  });

  it.each([
    ['text that is not JSON', '{"format":'],
    ['JSON that is not a snapshot', '{"format":"something-else"}'],
    ['a JSON array', '[]'],
  ])('refuses %s', async (_name, content) => {
    const path = join(directory, 'bad.json');
    await writeFile(path, content);
    const result = await readSnapshotFile(path);
    expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'SnapshotFileError', path } });
  });

  it('reports a directory it cannot write to as an error value', async () => {
    const blocker = join(directory, 'file');
    await writeFile(blocker, 'not a directory');
    const store = new MemoryStore<string>({
      clock: new VirtualClock(),
      autoCompaction: { mode: 'off' },
    });
    const result = await writeSnapshotFile(
      join(blocker, 'store.json'),
      orFail(await store.snapshot()),
    );
    expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'SnapshotFileError' } });
  });
});
