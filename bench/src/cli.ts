/**
 * The harness's command: select, run, print, write.
 *
 * Everything that touches the outside world (running a benchmark, the output streams,
 * the results file) comes in through {@link CliEnvironment}, so the command's behaviour
 * — selection, failure handling, exit status — can be tested without forking anything.
 *
 * @module
 */
import { parseArguments, USAGE, UsageError, type Command } from './arguments.js';
import type { Benchmark } from './benchmark.js';
import { formatFailures, formatTable, formatValue } from './format.js';
import { exitCodeFor, type BenchmarkOutcome } from './outcome.js';
import { failedWith, type BenchmarkReport } from './report.js';
import { toResults, writeResults } from './results.js';
import {
  assertUniqueNames,
  DuplicateBenchmarkNameError,
  selectByPrefix,
  UnknownPrefixError,
} from './select.js';

/** Where text goes; `process.stdout` and `process.stderr` are ones. */
export interface TextSink {
  /** Writes `text` as is. */
  write(text: string): unknown;
}

/** Said when the registry is empty. */
const NO_BENCHMARKS = 'bench: no benchmarks are registered (see bench/src/registry.ts)\n';

/** What the command runs against. */
export interface CliEnvironment {
  /** Every known benchmark, in the order they run. */
  readonly benchmarks: readonly Benchmark[];
  /**
   * Runs one benchmark and reports what it produced. Expected never to reject; if it
   * does, the benchmark is reported as failed and the others still run.
   */
  readonly execute: (benchmark: Benchmark) => Promise<BenchmarkReport>;
  /** Where to write the results file. */
  readonly resultsPath: string;
  /** Receives the table and listings. */
  readonly stdout: TextSink;
  /** Receives progress, failures and errors. */
  readonly stderr: TextSink;
  /** The current time in milliseconds, to report how long each benchmark took. */
  readonly now: () => number;
}

/**
 * Runs the command `argv` (the arguments after the script name) and resolves to the
 * process's exit status: 0 if everything selected produced a value, 1 if a benchmark
 * failed, 2 for a usage error (unknown option, a prefix matching no benchmark,
 * duplicate benchmark names). Usage errors are detected before anything runs.
 *
 * Failures: a failing benchmark is reported on stderr as soon as it fails, shown as
 * `FAILED` in the table, explained after it, and left out of the results file; the
 * remaining benchmarks still run.
 *
 * @throws only if the results file cannot be written.
 */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment,
): Promise<number> {
  const { benchmarks, stdout, stderr } = environment;
  let command: Command;
  let selected: Benchmark[];
  try {
    command = parseArguments(argv);
    assertUniqueNames(benchmarks);
    selected = command.kind === 'help' ? [] : selectByPrefix(benchmarks, command.prefixes);
  } catch (error: unknown) {
    if (error instanceof UsageError) {
      stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof UnknownPrefixError || error instanceof DuplicateBenchmarkNameError) {
      stderr.write(`bench: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  switch (command.kind) {
    case 'help':
      stdout.write(`${USAGE}\n`);
      return 0;
    case 'list':
      stdout.write(selected.length === 0 ? NO_BENCHMARKS : formatListing(selected));
      return 0;
    case 'run':
      return runSelected(selected, environment);
  }
}

/** Runs `selected` one after another, then prints and writes what they produced. */
async function runSelected(
  selected: readonly Benchmark[],
  environment: CliEnvironment,
): Promise<number> {
  const { execute, resultsPath, stdout, stderr, now } = environment;
  if (selected.length === 0) {
    stderr.write(NO_BENCHMARKS);
  }
  const outcomes: BenchmarkOutcome[] = [];
  for (const [index, benchmark] of selected.entries()) {
    stderr.write(`[${index + 1}/${selected.length}] ${benchmark.name}\n`);
    const started = now();
    let report: BenchmarkReport;
    try {
      report = await execute(benchmark);
    } catch (error: unknown) {
      // A bug in the runner rather than in the benchmark, but still one benchmark's
      // problem: report it and carry on.
      report = failedWith('could not be run:', error);
    }
    const seconds = ((now() - started) / 1000).toFixed(1);
    stderr.write(
      report.kind === 'measured'
        ? `      ${formatValue(report.value)} ${benchmark.unit} (${seconds} s)\n`
        : `      FAILED: ${report.reason} (${seconds} s)\n`,
    );
    outcomes.push({ benchmark, report });
  }

  stdout.write(`\n${formatTable(outcomes)}\n`);
  const failures = formatFailures(outcomes);
  if (failures !== '') {
    stderr.write(`\n${failures}\n`);
  }
  await writeResults(resultsPath, toResults(outcomes));
  stdout.write(`\nWrote ${resultsPath}\n`);
  return exitCodeFor(outcomes);
}

/** One line per benchmark: name, unit and direction, then the description, indented. */
function formatListing(benchmarks: readonly Benchmark[]): string {
  return benchmarks
    .map(({ name, unit, better, target, description }) => {
      const goal = target === undefined ? '' : `, target ${formatValue(target)}`;
      return `${name} (${unit}, ${better} is better${goal})\n    ${description}\n`;
    })
    .join('');
}
