/**
 * Running one benchmark in a process of its own.
 *
 * Each benchmark gets a fresh Node process, so that the heap, the JIT's feedback and
 * the caches left by one benchmark do not distort the next. The harness re-runs its own
 * script with {@link CHILD_FLAG} and the benchmark's name; that process runs the one
 * benchmark and sends a {@link BenchmarkReport} back over the IPC channel.
 *
 * @module
 */
import { fork } from 'node:child_process';
import { decodeReport, failedWith, type BenchmarkReport } from './report.js';

/**
 * The argument that makes the harness's script run one benchmark as a child process:
 * `run.js --child <name>`. Internal to the harness; not for users.
 */
export const CHILD_FLAG = '--child';

/** Options of {@link runInChildProcess}. */
export interface ChildProcessOptions {
  /** The script to fork; it must serve {@link CHILD_FLAG} with {@link reportToParent}. */
  readonly script: string;
  /** The benchmark to run. */
  readonly name: string;
  /** After this many milliseconds the child is killed and the benchmark fails. */
  readonly timeoutMs: number;
}

/**
 * Forks `options.script` with `--expose-gc` to run the benchmark `options.name`, and
 * resolves to the report it sends back.
 *
 * The child shares this process's stdout and stderr, so what a benchmark prints (and
 * the stack trace of a crash) appears as it happens.
 *
 * Never rejects. Resolves to a failed report if the child cannot be started, exits
 * before reporting (a crash, `process.exit`, running out of memory), sends a malformed
 * report, or outlives `timeoutMs`.
 */
export function runInChildProcess(options: ChildProcessOptions): Promise<BenchmarkReport> {
  const { script, name, timeoutMs } = options;
  return new Promise((resolve) => {
    let report: BenchmarkReport | undefined;
    let timedOut = false;
    let settled = false;
    const settle = (outcome: BenchmarkReport): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      }
    };

    const child = fork(script, [CHILD_FLAG, name], {
      // Only what the measurement needs; inheriting flags such as --inspect would
      // make every child fight over the same debugger port.
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);

    child.on('message', (message: unknown) => {
      // The first report counts; a benchmark has exactly one value.
      report ??= decodeReport(message);
    });
    child.once('error', (error) => {
      child.kill('SIGKILL');
      settle(failedWith('could not run in a child process:', error));
    });
    // 'close' rather than 'exit': it comes after the IPC channel has closed too, so no
    // report still in flight is lost.
    child.once('close', (code, signal) => {
      if (timedOut) {
        settle({ kind: 'failed', reason: `timed out after ${formatSeconds(timeoutMs)}` });
      } else if (report !== undefined) {
        settle(report);
      } else {
        const how = signal === null ? `with code ${String(code)}` : `on signal ${signal}`;
        settle({
          kind: 'failed',
          reason: `its process exited ${how} before reporting a result (see its output above)`,
        });
      }
    });
  });
}

/**
 * Sends `report` to the parent process and waits until it has been handed to the IPC
 * channel, so the caller may exit right after.
 *
 * @throws {Error} if this process has no IPC channel (it was not started by
 * {@link runInChildProcess}), or if sending fails.
 */
export async function reportToParent(report: BenchmarkReport): Promise<void> {
  const send = process.send?.bind(process);
  if (send === undefined) {
    throw new Error(
      `${CHILD_FLAG} is internal to the benchmark harness: run \`npm run bench -- <name>\` instead`,
    );
  }
  await new Promise<void>((resolve, reject) => {
    send(report, undefined, {}, (error: Error | null) =>
      error === null ? resolve() : reject(error),
    );
  });
}

/** `12_500` → `12.5 s`. */
function formatSeconds(milliseconds: number): string {
  return `${milliseconds / 1000} s`;
}
