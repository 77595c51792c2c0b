import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHILD_FLAG, runInChildProcess } from '../src/child.js';

// Stand-ins for the harness's script, each behaving one way as a child. They are plain
// JavaScript, so they run without a build.
const scripts = {
  echoesArguments: `process.send({ kind: 'failed', reason: JSON.stringify({
      argv: process.argv.slice(2), gc: typeof globalThis.gc }) }, () => process.exit(0));`,
  measures: `process.send({ kind: 'measured', value: 42 }, () => process.exit(0));`,
  reportsTwice: `process.send({ kind: 'measured', value: 1 });
    process.send({ kind: 'measured', value: 2 }, () => process.exit(0));`,
  exitsSilently: `process.exit(3);`,
  sendsGarbage: `process.send({ value: 'fast' }, () => process.exit(0));`,
  hangs: `setInterval(() => undefined, 1000);`,
};

let directory: string;
const script = (name: keyof typeof scripts): string => join(directory, `${name}.mjs`);

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'bench-child-'));
  for (const [name, source] of Object.entries(scripts)) {
    await writeFile(join(directory, `${name}.mjs`), source);
  }
});

afterAll(async () => {
  await rm(directory, { recursive: true });
});

const timeoutMs = 10_000;

describe('runInChildProcess', () => {
  it('starts the script with --expose-gc, the child flag and the name', async () => {
    const report = await runInChildProcess({
      script: script('echoesArguments'),
      name: 'store.put',
      timeoutMs,
    });
    expect(report.kind === 'failed' && JSON.parse(report.reason)).toEqual({
      argv: [CHILD_FLAG, 'store.put'],
      gc: 'function',
    });
  });

  it('resolves to the report the child sends', async () => {
    expect(await runInChildProcess({ script: script('measures'), name: 'x', timeoutMs })).toEqual({
      kind: 'measured',
      value: 42,
    });
  });

  it('keeps the first report when the child sends several', async () => {
    expect(
      await runInChildProcess({ script: script('reportsTwice'), name: 'x', timeoutMs }),
    ).toEqual({ kind: 'measured', value: 1 });
  });

  it('fails when the child exits without reporting, giving its exit code', async () => {
    expect(
      await runInChildProcess({ script: script('exitsSilently'), name: 'x', timeoutMs }),
    ).toEqual({
      kind: 'failed',
      reason: 'its process exited with code 3 before reporting a result (see its output above)',
    });
  });

  it('fails when the child sends something that is not a report', async () => {
    const report = await runInChildProcess({
      script: script('sendsGarbage'),
      name: 'x',
      timeoutMs,
    });
    expect(report.kind === 'failed' && report.reason).toMatch(/^sent a malformed report/);
  });

  it('kills a child that outlives the timeout, and fails', async () => {
    expect(await runInChildProcess({ script: script('hangs'), name: 'x', timeoutMs: 200 })).toEqual(
      {
        kind: 'failed',
        reason: 'timed out after 0.2 s',
      },
    );
  });
});
