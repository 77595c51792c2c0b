/**
 * Entry point of `npm run bench` (`node --expose-gc bench/dist/run.js`).
 *
 * Started by the user, it runs the command line (see `cli.ts`), forking this same
 * script once per benchmark. Started with `--child <name>`, it is one of those forks:
 * it runs that one benchmark, reports to the parent and exits.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { UsageError } from './arguments.js';
import { CHILD_FLAG, reportToParent, runInChildProcess } from './child.js';
import { runCli } from './cli.js';
import { benchmarks } from './registry.js';
import { failedWith, runBenchmark, type BenchmarkReport } from './report.js';
import { RESULTS_PATH } from './results.js';
import { findByName } from './select.js';

/** This script, forked once per benchmark. */
const SCRIPT = fileURLToPath(import.meta.url);

/** A benchmark still running after this long is killed and reported as failed. */
const BENCHMARK_TIMEOUT_MS = 10 * 60 * 1000;

const argv = process.argv.slice(2);
try {
  if (argv[0] === CHILD_FLAG) {
    await serveAsChild(argv[1]);
  } else {
    process.exitCode = await runCli(argv, {
      benchmarks,
      execute: ({ name }) =>
        runInChildProcess({ script: SCRIPT, name, timeoutMs: BENCHMARK_TIMEOUT_MS }),
      resultsPath: RESULTS_PATH,
      stdout: process.stdout,
      stderr: process.stderr,
      now: () => performance.now(),
    });
  }
} catch (error: unknown) {
  // A usage error explains itself; anything else is a bug in the harness, so show where.
  const description =
    error instanceof UsageError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : inspect(error);
  process.stderr.write(`bench: ${description}\n`);
  process.exitCode = 2;
}

/** Runs the benchmark called `name` in this process and reports to the parent. */
async function serveAsChild(name: string | undefined): Promise<void> {
  // Checked before running anything: without a parent, the value would have nowhere to go.
  if (process.send === undefined) {
    throw new UsageError(
      `${CHILD_FLAG} is internal to the harness; run \`npm run bench -- <prefix>\``,
    );
  }
  let report: BenchmarkReport;
  if (name === undefined) {
    report = { kind: 'failed', reason: `was not named: ${CHILD_FLAG} needs a benchmark name` };
  } else {
    try {
      const benchmark = findByName(benchmarks, name);
      report = await runBenchmark(benchmark, (line) => process.stderr.write(`${line}\n`));
    } catch (error: unknown) {
      report = failedWith('could not be found:', error);
    }
  }
  await reportToParent(report);
  // The value is in. A benchmark may have left timers or sockets open; do not wait for them.
  process.exit(0);
}
