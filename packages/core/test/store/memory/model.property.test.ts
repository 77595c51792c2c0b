/**
 * Model-based property tests of the in-memory store: random command sequences run
 * against a {@link MemoryStore} and a {@link ReferenceModel} side by side, and every
 * answer, every watch event and every revision must agree with etcd's semantics.
 *
 * Commands are plain records drawn before the run; the parts that depend on the
 * state (revisions, compare values) are drawn as abstract picks and resolved against
 * the model when the command runs, so sequences stay deterministic and shrinkable.
 * A failure prints fast-check's seed and path, and the shrunk command list.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Either } from 'fp-ts/lib/Either.js';
import type { Subscription } from 'rxjs';
import { VirtualClock } from '../../../src/clock/virtual-clock.js';
import type {
  Compare,
  KeyRange,
  StoreError,
  TxnOp,
  TxnRequest,
  WatchEvent,
  WatchOptions,
} from '../../../src/store/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { expectLeft, expectRight } from '../../support/either.js';
import type { ExpectedRevisionError } from './reference-model.js';
import { ReferenceModel, inRange } from './reference-model.js';

// --- the key space ---------------------------------------------------------------

// Few keys under shared prefixes, so that '/a' vs '/ab' vs '/a/' edge cases come up.
const KEYS = ['/a', '/a/x', '/a/y', '/ab', '/b/x', '/b/y'] as const;
const PREFIXES = ['', '/a', '/a/', '/ab', '/b'] as const;
const VALUES = ['v0', 'v1', 'v2'] as const;

/** Every range the end-of-run sweeps read and watch. */
const SWEEP_RANGES: readonly KeyRange[] = [
  ...KEYS.map((key) => ({ key })),
  ...PREFIXES.map((prefix) => ({ prefix })),
  { prefix: '/a', from: '/a/y' },
];

// --- commands --------------------------------------------------------------------

/**
 * A revision chosen relative to the state when the command runs: `pick` selects
 * among the revisions of the kind that exist then (falling back to the future when
 * there are none).
 */
type RevisionChoice =
  | { readonly kind: 'unset' }
  | { readonly kind: 'zero' }
  | { readonly kind: 'retained'; readonly pick: number }
  | { readonly kind: 'compacted'; readonly pick: number }
  | { readonly kind: 'future'; readonly ahead: number };

type CompactTarget = Extract<RevisionChoice, { kind: 'retained' | 'compacted' | 'future' }>;

/**
 * A comparison whose value is taken from the key's state when the command runs:
 * the current counter plus `delta`, or the key's presence (negated or not), so
 * that about half the comparisons hold.
 */
type CompareSpec =
  | {
      readonly key: string;
      readonly target: 'modRevision' | 'createRevision' | 'version';
      readonly operator: '=' | '!=' | '<' | '>';
      readonly delta: number;
    }
  | { readonly key: string; readonly target: 'present'; readonly negate: boolean };

interface TxnSpec {
  readonly compare: readonly CompareSpec[];
  readonly success: readonly TxnOp<string>[];
  readonly failure: readonly TxnOp<string>[] | undefined;
}

/** What makes a transaction branch invalid. */
type TxnFlaw =
  | { readonly kind: 'duplicatePut'; readonly key: string }
  | {
      readonly kind: 'putDeleted';
      readonly key: string;
      // The covering delete: the key itself, or one of its prefixes (by length).
      readonly cover: number | 'key';
      readonly deleteFirst: boolean;
    };

type Command =
  | { readonly cmd: 'put'; readonly key: string; readonly value: string; readonly prevKv: boolean }
  | { readonly cmd: 'delete'; readonly range: KeyRange; readonly prevKv: boolean }
  | { readonly cmd: 'txn'; readonly txn: TxnSpec }
  | {
      readonly cmd: 'invalidTxn';
      readonly txn: TxnSpec;
      readonly branch: 'success' | 'failure';
      readonly flaw: TxnFlaw;
    }
  | { readonly cmd: 'compact'; readonly target: CompactTarget }
  | {
      readonly cmd: 'range';
      readonly range: KeyRange;
      readonly at: RevisionChoice;
      readonly limit: number;
      readonly countOnly: boolean;
    }
  | {
      readonly cmd: 'watch';
      readonly range: KeyRange;
      readonly from: RevisionChoice;
      readonly prevKv: boolean;
    };

// --- generators ------------------------------------------------------------------

const keyArb = fc.constantFrom(...KEYS);
const valueArb = fc.constantFrom(...VALUES);
const pickArb = fc.nat({ max: 1000 });

const keyRangeArb: fc.Arbitrary<KeyRange> = fc.oneof(
  { weight: 3, arbitrary: keyArb.map((key): KeyRange => ({ key })) },
  { weight: 3, arbitrary: fc.constantFrom(...PREFIXES).map((prefix): KeyRange => ({ prefix })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ prefix: fc.constantFrom(...PREFIXES), from: keyArb })
      .map(({ prefix, from }): KeyRange => ({ prefix, from })),
  },
);

const retainedArb = pickArb.map((pick): CompactTarget => ({ kind: 'retained', pick }));
const compactedArb = pickArb.map((pick): CompactTarget => ({ kind: 'compacted', pick }));
const futureArb = fc
  .integer({ min: 1, max: 3 })
  .map((ahead): CompactTarget => ({ kind: 'future', ahead }));

const revisionChoiceArb: fc.Arbitrary<RevisionChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<RevisionChoice>({ kind: 'unset' }) },
  { weight: 1, arbitrary: fc.constant<RevisionChoice>({ kind: 'zero' }) },
  { weight: 4, arbitrary: retainedArb },
  { weight: 2, arbitrary: compactedArb },
  { weight: 1, arbitrary: futureArb },
);

const compactTargetArb: fc.Arbitrary<CompactTarget> = fc.oneof(
  { weight: 4, arbitrary: retainedArb },
  { weight: 1, arbitrary: compactedArb },
  { weight: 1, arbitrary: futureArb },
);

const compareSpecArb: fc.Arbitrary<CompareSpec> = fc.oneof(
  fc.record({
    key: keyArb,
    target: fc.constantFrom('modRevision' as const, 'createRevision' as const, 'version' as const),
    operator: fc.constantFrom('=' as const, '!=' as const, '<' as const, '>' as const),
    delta: fc.integer({ min: -1, max: 1 }),
  }),
  fc.record({ key: keyArb, target: fc.constant('present' as const), negate: fc.boolean() }),
);

const txnOpArb: fc.Arbitrary<TxnOp<string>> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({ key: keyArb, value: valueArb, prevKv: fc.boolean() })
      .map(({ key, value, prevKv }): TxnOp<string> => ({ op: 'put', key, value, prevKv })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ range: keyRangeArb, prevKv: fc.boolean() })
      .map(({ range, prevKv }): TxnOp<string> => ({ op: 'delete', range, prevKv })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ range: keyRangeArb, limit: fc.nat({ max: 3 }), countOnly: fc.boolean() })
      .map(({ range, limit, countOnly }): TxnOp<string> => ({
        op: 'range',
        range,
        options: { limit, countOnly },
      })),
  },
);

/**
 * Makes a branch valid by dropping the puts that break the rule: no key put twice,
 * no key put that one of the branch's deletes covers. (Deletes may overlap: etcd
 * allows that, and the later one finds nothing left to delete.)
 */
function validBranch(ops: readonly TxnOp<string>[]): TxnOp<string>[] {
  const deleted = ops.flatMap((op) => (op.op === 'delete' ? [op.range] : []));
  const put = new Set<string>();
  return ops.filter((op) => {
    if (op.op !== 'put') {
      return true;
    }
    if (put.has(op.key) || deleted.some((range) => inRange(range, op.key))) {
      return false;
    }
    put.add(op.key);
    return true;
  });
}

const branchArb = fc.array(txnOpArb, { maxLength: 4 }).map(validBranch);

const txnSpecArb: fc.Arbitrary<TxnSpec> = fc.record({
  compare: fc.array(compareSpecArb, { maxLength: 2 }),
  success: branchArb,
  failure: fc.option(branchArb, { nil: undefined }),
});

const txnFlawArb: fc.Arbitrary<TxnFlaw> = fc.oneof(
  fc.record({ kind: fc.constant('duplicatePut' as const), key: keyArb }),
  fc.record({
    kind: fc.constant('putDeleted' as const),
    key: keyArb,
    cover: fc.oneof(fc.constant('key' as const), fc.nat({ max: 4 })),
    deleteFirst: fc.boolean(),
  }),
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({ key: keyArb, value: valueArb, prevKv: fc.boolean() })
      .map(({ key, value, prevKv }): Command => ({ cmd: 'put', key, value, prevKv })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ range: keyRangeArb, prevKv: fc.boolean() })
      .map(({ range, prevKv }): Command => ({ cmd: 'delete', range, prevKv })),
  },
  { weight: 3, arbitrary: txnSpecArb.map((txn): Command => ({ cmd: 'txn', txn })) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        txn: txnSpecArb,
        branch: fc.constantFrom('success' as const, 'failure' as const),
        flaw: txnFlawArb,
      })
      .map(({ txn, branch, flaw }): Command => ({ cmd: 'invalidTxn', txn, branch, flaw })),
  },
  {
    weight: 2,
    arbitrary: compactTargetArb.map((target): Command => ({ cmd: 'compact', target })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        range: keyRangeArb,
        at: revisionChoiceArb,
        limit: fc.nat({ max: 3 }),
        countOnly: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true)),
      })
      .map(({ range, at, limit, countOnly }): Command => ({
        cmd: 'range',
        range,
        at,
        limit,
        countOnly,
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ range: keyRangeArb, from: revisionChoiceArb, prevKv: fc.boolean() })
      .map(({ range, from, prevKv }): Command => ({ cmd: 'watch', range, from, prevKv })),
  },
);

/** Only the commands that change the store (for the snapshot property). */
const writeCommandArb: fc.Arbitrary<Command> = commandArb.filter(
  (command) => command.cmd !== 'range' && command.cmd !== 'watch' && command.cmd !== 'invalidTxn',
);

// --- resolving commands against the model ----------------------------------------

function pickBetween(low: number, high: number, pick: number): number {
  return low + (pick % (high - low + 1));
}

/**
 * The revision a choice stands for now; `undefined` for "unset". With nothing of
 * the chosen kind (no past revision yet, nothing compacted), a future revision.
 */
function resolveRevision(
  choice: RevisionChoice,
  model: ReferenceModel<string>,
): number | undefined {
  const oldestRetained = Math.max(1, model.compactRevision);
  switch (choice.kind) {
    case 'unset':
      return undefined;
    case 'zero':
      return 0;
    case 'retained':
      return model.revision >= oldestRetained
        ? pickBetween(oldestRetained, model.revision, choice.pick)
        : model.revision + 1;
    case 'compacted':
      return model.compactRevision >= 2
        ? pickBetween(1, model.compactRevision - 1, choice.pick)
        : model.revision + 1;
    case 'future':
      return model.revision + choice.ahead;
  }
}

/** The revision to compact to: valid ones are after the compaction point. */
function resolveCompactTarget(target: CompactTarget, model: ReferenceModel<string>): number {
  switch (target.kind) {
    case 'retained':
      return model.revision > model.compactRevision
        ? pickBetween(model.compactRevision + 1, model.revision, target.pick)
        : model.revision + 1;
    case 'compacted':
      return model.compactRevision >= 1
        ? pickBetween(1, model.compactRevision, target.pick)
        : model.revision + 1;
    case 'future':
      return model.revision + target.ahead;
  }
}

function resolveCompare(spec: CompareSpec, model: ReferenceModel<string>): Compare {
  const current = model.stateAt(model.revision).get(spec.key);
  if (spec.target === 'present') {
    return { key: spec.key, target: 'present', value: (current !== undefined) !== spec.negate };
  }
  const actual = current === undefined ? 0 : current[spec.target];
  return {
    key: spec.key,
    target: spec.target,
    operator: spec.operator,
    value: actual + spec.delta,
  };
}

function resolveTxn(spec: TxnSpec, model: ReferenceModel<string>): TxnRequest<string> {
  const compare = spec.compare.map((c) => resolveCompare(c, model));
  return spec.failure === undefined
    ? { compare, success: spec.success }
    : { compare, success: spec.success, failure: spec.failure };
}

/** A transaction with `flaw` written into one of its branches. */
function flawedTxn(
  spec: TxnSpec,
  branch: 'success' | 'failure',
  flaw: TxnFlaw,
  model: ReferenceModel<string>,
): TxnRequest<string> {
  const request = resolveTxn(spec, model);
  const ops = branch === 'success' ? request.success : (request.failure ?? []);
  let flawed: TxnOp<string>[];
  if (flaw.kind === 'duplicatePut') {
    flawed = [
      { op: 'put', key: flaw.key, value: 'v0' },
      ...ops,
      { op: 'put', key: flaw.key, value: 'v1' },
    ];
  } else {
    const range: KeyRange =
      flaw.cover === 'key'
        ? { key: flaw.key }
        : { prefix: flaw.key.slice(0, flaw.cover % (flaw.key.length + 1)) };
    const put: TxnOp<string> = { op: 'put', key: flaw.key, value: 'v0' };
    const del: TxnOp<string> = { op: 'delete', range };
    flawed = flaw.deleteFirst ? [del, ...ops, put] : [put, ...ops, del];
  }
  return branch === 'success' ? { ...request, success: flawed } : { ...request, failure: flawed };
}

// --- watches ---------------------------------------------------------------------

/** An open watch and everything it has received. */
interface OpenWatch {
  readonly range: KeyRange;
  readonly prevKv: boolean;
  /** The first revision it should report (the next one, for a live watch). */
  readonly start: number;
  /** The error it should fail with at once, if any. */
  readonly expectedError: ExpectedRevisionError | undefined;
  readonly events: WatchEvent<string>[];
  error: unknown;
  completed: boolean;
  subscription: Subscription | undefined;
}

function openWatch(
  store: MemoryStore<string>,
  range: KeyRange,
  options: WatchOptions,
  expected: { start: number; error: ExpectedRevisionError | undefined },
): OpenWatch {
  const watch: OpenWatch = {
    range,
    prevKv: options.prevKv === true,
    start: expected.start,
    expectedError: expected.error,
    events: [],
    error: undefined,
    completed: false,
    subscription: undefined,
  };
  watch.subscription = store.watch(range, options).subscribe({
    next: (event) => watch.events.push(event),
    error: (error: unknown) => {
      watch.error = error;
    },
    complete: () => {
      watch.completed = true;
    },
  });
  return watch;
}

/**
 * A watch has received exactly the model's events under its range from its start
 * revision (no gap, no duplicate, in order, prevKv only when asked), and is still
 * open; or, when it started below the compaction point, failed with `Compacted`
 * and received nothing.
 */
function expectWatchAgrees(watch: OpenWatch, model: ReferenceModel<string>): void {
  if (watch.expectedError !== undefined) {
    expect(watch.events).toEqual([]);
    expect(watch.error).toMatchObject(watch.expectedError);
    return;
  }
  expectSame(
    { error: watch.error, completed: watch.completed },
    { error: undefined, completed: false },
  );
  expectSame(watch.events, model.eventsFor(watch.range, watch.start, watch.prevKv));
}

// --- checking --------------------------------------------------------------------

/**
 * `expect(actual).toStrictEqual(expected)`, fast when they agree: jest's `expect` is
 * what dominates the run time of this test, so it is called only to describe a
 * difference. (Should jest see none where Node does, the check still fails.)
 */
function expectSame(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) {
    expect(actual).toStrictEqual(expected);
    throw new Error(
      `differ by node:util.isDeepStrictEqual: ${JSON.stringify({ actual, expected })}`,
    );
  }
}

// --- running ---------------------------------------------------------------------

function newStore(): MemoryStore<string> {
  return new MemoryStore<string>({ autoCompaction: { mode: 'off' }, clock: new VirtualClock() });
}

/** Reads `range` at `revision` (undefined: unset) from the store and checks it against the model. */
async function expectRangeAgrees(
  store: MemoryStore<string>,
  model: ReferenceModel<string>,
  range: KeyRange,
  options: { revision?: number; limit?: number; countOnly?: boolean },
): Promise<void> {
  const answer = await store.range(range, options);
  const error = model.readError(options.revision ?? 0);
  if (error === undefined) {
    expectSame(expectRight(answer), model.range(range, options));
  } else {
    expect(expectLeft(answer)).toMatchObject(error);
  }
}

/**
 * Runs one command on the store and the model. With `checkAnswers`, the store's
 * answer must be the model's; without, the model only follows along (to resolve
 * the revisions of later commands).
 */
async function runCommand(
  store: MemoryStore<string>,
  model: ReferenceModel<string>,
  watches: OpenWatch[],
  command: Command,
  checkAnswers = true,
): Promise<void> {
  const check = (answer: Either<StoreError, unknown>, expected: unknown): void => {
    if (checkAnswers) {
      expectSame(expectRight(answer), expected);
    }
  };
  switch (command.cmd) {
    case 'put': {
      const options = { prevKv: command.prevKv };
      check(
        await store.put(command.key, command.value, options),
        model.put(command.key, command.value, options),
      );
      return;
    }
    case 'delete': {
      const options = { prevKv: command.prevKv };
      check(await store.delete(command.range, options), model.delete(command.range, options));
      return;
    }
    case 'txn': {
      const request = resolveTxn(command.txn, model);
      check(await store.txn(request), model.txn(request));
      return;
    }
    case 'invalidTxn': {
      const answer = await store.txn(flawedTxn(command.txn, command.branch, command.flaw, model));
      if (checkAnswers) {
        expect(expectLeft(answer)).toMatchObject({ _tag: 'InvalidRequest' });
      }
      // That it changed nothing is checked after every command.
      return;
    }
    case 'compact': {
      const revision = resolveCompactTarget(command.target, model);
      const error = model.compactError(revision);
      const answer = await store.compact(revision);
      if (error === undefined) {
        check(answer, model.compact(revision));
      } else if (checkAnswers) {
        expect(expectLeft(answer)).toMatchObject(error);
      }
      return;
    }
    case 'range': {
      const revision = resolveRevision(command.at, model);
      const options = {
        ...(revision === undefined ? {} : { revision }),
        limit: command.limit,
        countOnly: command.countOnly,
      };
      if (checkAnswers) {
        await expectRangeAgrees(store, model, command.range, options);
      }
      return;
    }
    case 'watch': {
      const from = resolveRevision(command.from, model);
      const options: WatchOptions =
        from === undefined
          ? { prevKv: command.prevKv }
          : { fromRevision: from, prevKv: command.prevKv };
      const start = from === undefined || from === 0 ? model.revision + 1 : from;
      watches.push(
        openWatch(store, command.range, options, { start, error: model.watchError(from ?? 0) }),
      );
      return;
    }
  }
}

/** What must hold between any two commands. */
async function expectInvariants(
  store: MemoryStore<string>,
  model: ReferenceModel<string>,
  watches: readonly OpenWatch[],
): Promise<void> {
  expectSame(
    { revision: store.revision, compactRevision: store.compactRevision },
    { revision: model.revision, compactRevision: model.compactRevision },
  );
  await expectRangeAgrees(store, model, { prefix: '' }, {});
  for (const watch of watches) {
    expectWatchAgrees(watch, model);
  }
}

/**
 * At the end of a run: every sweep range read at every revision (the compacted and
 * future ones fail), and replayed by a new watch from every retained revision (and
 * from revision 1, which fails once compacted).
 */
async function expectHistoryAgrees(
  store: MemoryStore<string>,
  model: ReferenceModel<string>,
): Promise<void> {
  for (let revision = 0; revision <= model.revision + 1; revision++) {
    for (const range of SWEEP_RANGES) {
      await expectRangeAgrees(store, model, range, { revision });
    }
  }
  const starts = new Set([1]);
  for (let from = Math.max(1, model.compactRevision); from <= model.revision + 1; from++) {
    starts.add(from);
  }
  for (const from of starts) {
    for (const range of SWEEP_RANGES) {
      for (const prevKv of [true, false]) {
        const options = { fromRevision: from, prevKv };
        const watch = openWatch(store, range, options, {
          start: from,
          error: model.watchError(from),
        });
        watch.subscription?.unsubscribe();
        expectWatchAgrees(watch, model);
      }
    }
  }
}

/** Runs a command sequence against a new store and the model, checking everything. */
async function runAgainstModel(commands: readonly Command[]): Promise<void> {
  const store = newStore();
  const model = new ReferenceModel<string>();
  const watches: OpenWatch[] = [];
  try {
    for (const command of commands) {
      await runCommand(store, model, watches, command);
      await expectInvariants(store, model, watches);
    }
    await expectHistoryAgrees(store, model);
  } finally {
    for (const watch of watches) {
      watch.subscription?.unsubscribe();
    }
    await store.close();
  }
}

/** The events a watch replays at once (it is closed right after subscribing), and its error. */
function replay(store: MemoryStore<string>, range: KeyRange, options: WatchOptions): unknown {
  const events: WatchEvent<string>[] = [];
  let error: unknown;
  store
    .watch(range, options)
    .subscribe({
      next: (event) => events.push(event),
      error: (e: unknown) => {
        error = e;
      },
    })
    .unsubscribe();
  return { events, error };
}

/** The events a store emits to a live watch of everything while `write` runs. */
async function liveEvents(
  store: MemoryStore<string>,
  write: (store: MemoryStore<string>) => Promise<void>,
): Promise<WatchEvent<string>[]> {
  const events: WatchEvent<string>[] = [];
  const subscription = store
    .watch({ prefix: '' }, { prevKv: true })
    .subscribe((event) => events.push(event));
  try {
    await write(store);
  } finally {
    subscription.unsubscribe();
  }
  return events;
}

/**
 * Writes a command sequence, snapshots, restores, and checks that the restored
 * store reads (now, at every past revision, and at compacted and future ones) and
 * replays watches from every revision exactly as the original, then goes on the
 * same way.
 */
async function expectRestoredAgrees(commands: readonly Command[]): Promise<void> {
  const original = newStore();
  const stores = [original];
  try {
    const model = new ReferenceModel<string>();
    for (const command of commands) {
      // The first property checks the answers; this one is about restoring.
      await runCommand(original, model, [], command, false);
    }
    const snapshot = expectRight(await original.snapshot());
    const restored = expectRight(
      MemoryStore.restore(snapshot, { autoCompaction: { mode: 'off' }, clock: new VirtualClock() }),
    );
    stores.push(restored);
    expectSame(
      { revision: restored.revision, compactRevision: restored.compactRevision },
      { revision: original.revision, compactRevision: original.compactRevision },
    );
    expectSame(expectRight(await restored.snapshot()), snapshot);
    for (let revision = 0; revision <= original.revision + 1; revision++) {
      for (const range of SWEEP_RANGES) {
        expectSame(
          await restored.range(range, { revision }),
          await original.range(range, { revision }),
        );
        for (const prevKv of [true, false]) {
          const options = { fromRevision: revision, prevKv };
          expectSame(replay(restored, range, options), replay(original, range, options));
        }
      }
    }
    const writeMore = async (store: MemoryStore<string>): Promise<void> => {
      expectRight(await store.put('/a/x', 'after', { prevKv: true }));
      expectRight(await store.delete({ prefix: '/b' }, { prevKv: true }));
    };
    expectSame(await liveEvents(restored, writeMore), await liveEvents(original, writeMore));
    expectSame(expectRight(await restored.snapshot()), expectRight(await original.snapshot()));
  } finally {
    for (const store of stores) {
      await store.close();
    }
  }
}

// --- properties ------------------------------------------------------------------

describe('MemoryStore against the reference model', () => {
  it('agrees with etcd semantics on every read, write, watch and compaction', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { maxLength: 40, size: 'max' }), runAgainstModel),
      { numRuns: 500 },
    );
  }, 60_000);

  it('restores from a snapshot a store that reads and replays exactly as the original', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(writeCommandArb, { maxLength: 30, size: 'max' }),
        expectRestoredAgrees,
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
