/**
 * The command line of `npm run bench`.
 *
 * @module
 */

/** What the user asked for. */
export type Command =
  /** Run the benchmarks whose names start with one of `prefixes` (all when empty). */
  | { readonly kind: 'run'; readonly prefixes: readonly string[] }
  /** Print the benchmarks whose names start with one of `prefixes`, without running them. */
  | { readonly kind: 'list'; readonly prefixes: readonly string[] }
  /** Print {@link USAGE}. */
  | { readonly kind: 'help' };

/** How to use the command, printed by `--help` and after a usage error. */
export const USAGE = `Usage: npm run bench -- [options] [name-prefix...]

Runs the benchmarks whose names start with one of the prefixes (all of them when none
is given), each in a fresh Node process, prints a table, and writes the values to
bench-results.json at the repository root (replacing it, with only the benchmarks run).

Options:
  -l, --list   list the selected benchmarks instead of running them
  -h, --help   show this help

Exit status: 0 if every benchmark produced a value, 1 if one failed, 2 for a usage
error such as a prefix that matches no benchmark.`;

/** Thrown for a command line that cannot be understood. */
export class UsageError extends Error {
  /** Creates the error; the message says what was wrong, without the usage text. */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Reads the arguments after the script name.
 *
 * Options and prefixes may come in any order; after `--`, every argument is a prefix.
 *
 * @throws {@link UsageError} for an unknown option.
 */
export function parseArguments(argv: readonly string[]): Command {
  let list = false;
  let help = false;
  let optionsEnded = false;
  const prefixes: string[] = [];
  for (const argument of argv) {
    if (optionsEnded || !argument.startsWith('-')) {
      prefixes.push(argument);
    } else if (argument === '--') {
      optionsEnded = true;
    } else if (argument === '--list' || argument === '-l') {
      list = true;
    } else if (argument === '--help' || argument === '-h') {
      help = true;
    } else {
      throw new UsageError(`unknown option ${JSON.stringify(argument)}`);
    }
  }
  if (help) {
    return { kind: 'help' };
  }
  return list ? { kind: 'list', prefixes } : { kind: 'run', prefixes };
}
