/**
 * Finding benchmarks by name: the prefixes given on the command line, and the exact
 * name a benchmark process is started with.
 *
 * Generic over anything with a name, so that it does not depend on what a benchmark is.
 *
 * @module
 */

/** Anything the harness can find by name. */
export interface Named {
  /** The unique name. */
  readonly name: string;
}

/** Thrown when one or more command-line prefixes match no benchmark. */
export class UnknownPrefixError extends Error {
  /** Creates the error; the message lists the `knownNames` so the user can correct the typo. */
  constructor(
    /** The prefixes that matched nothing. */
    readonly prefixes: readonly string[],
    /** Every benchmark name, in registry order. */
    readonly knownNames: readonly string[],
  ) {
    super(
      `no benchmark name starts with ${prefixes.map((p) => JSON.stringify(p)).join(' or ')}\n` +
        describeKnownNames(knownNames),
    );
    this.name = 'UnknownPrefixError';
  }
}

/** Thrown when no benchmark has exactly the given name. */
export class UnknownBenchmarkError extends Error {
  /** Creates the error for `name`; the message lists the `knownNames`. */
  constructor(
    /** The name that was looked up. */
    readonly benchmarkName: string,
    /** Every benchmark name, in registry order. */
    readonly knownNames: readonly string[],
  ) {
    super(
      `no benchmark is named ${JSON.stringify(benchmarkName)}\n${describeKnownNames(knownNames)}`,
    );
    this.name = 'UnknownBenchmarkError';
  }
}

/** Thrown when two benchmarks share a name, which would make their results indistinguishable. */
export class DuplicateBenchmarkNameError extends Error {
  /** Creates the error; `names` are the names used more than once. */
  constructor(readonly names: readonly string[]) {
    super(
      `benchmark names must be unique, but ${names.map((n) => JSON.stringify(n)).join(', ')} ` +
        `${names.length === 1 ? 'is' : 'are'} used more than once`,
    );
    this.name = 'DuplicateBenchmarkNameError';
  }
}

/**
 * The entries of `all` whose names start with at least one of `prefixes`, in the order
 * of `all` and each at most once; all of them when `prefixes` is empty.
 *
 * A prefix is compared character by character, so `store` selects `store.put` and also
 * `storefront.x`; end a prefix with `.` to select one area only.
 *
 * @throws {@link UnknownPrefixError} if a prefix matches no entry. Every prefix is
 * checked, so one typo does not silently run a smaller set than intended.
 */
export function selectByPrefix<T extends Named>(
  all: readonly T[],
  prefixes: readonly string[],
): T[] {
  if (prefixes.length === 0) {
    return [...all];
  }
  const unmatched = prefixes.filter((prefix) => !all.some(({ name }) => name.startsWith(prefix)));
  if (unmatched.length > 0) {
    throw new UnknownPrefixError(
      unmatched,
      all.map(({ name }) => name),
    );
  }
  return all.filter(({ name }) => prefixes.some((prefix) => name.startsWith(prefix)));
}

/**
 * The entry of `all` called exactly `name`.
 *
 * @throws {@link UnknownBenchmarkError} if there is none.
 */
export function findByName<T extends Named>(all: readonly T[], name: string): T {
  const found = all.find((entry) => entry.name === name);
  if (found === undefined) {
    throw new UnknownBenchmarkError(
      name,
      all.map((entry) => entry.name),
    );
  }
  return found;
}

/**
 * Checks that no two entries of `all` share a name.
 *
 * @throws {@link DuplicateBenchmarkNameError} listing every name used more than once.
 */
export function assertUniqueNames(all: readonly Named[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { name } of all) {
    (seen.has(name) ? duplicates : seen).add(name);
  }
  if (duplicates.size > 0) {
    throw new DuplicateBenchmarkNameError([...duplicates]);
  }
}

/** The "known benchmarks" part of an error message. */
function describeKnownNames(knownNames: readonly string[]): string {
  return knownNames.length === 0
    ? 'No benchmarks are registered (see bench/src/registry.ts).'
    : `Known benchmarks:\n${knownNames.map((name) => `  ${name}`).join('\n')}`;
}
