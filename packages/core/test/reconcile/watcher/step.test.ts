import { describe, expect, it } from '@jest/globals';
import { gone, expired, internalError, type Status } from '../../../src/api/status/index.js';
import type { ApiObject } from '../../../src/apiserver/index.js';
import { exponentialBackoff } from '../../../src/reconcile/watcher/backoff.js';
import { step } from '../../../src/reconcile/watcher/step.js';
import {
  commandOf,
  WATCHER_START,
  type WatcherEmpty,
  type WatcherInitListed,
  type WatcherInitPage,
  type WatcherInput,
  type WatcherState,
  type WatcherTransition,
} from '../../../src/reconcile/watcher/watcher-state.js';
import { configMap } from './objects.js';

const options = { backoff: exponentialBackoff({ initial: '1s', max: '8s' }) };
const a = configMap('a', { resourceVersion: '5' });
const b = configMap('b', { resourceVersion: '6' });
const broken: Status = internalError({ message: 'etcd is down' });
const tooOld: Status = expired({ message: 'too old resource version: 1 (10)' });

const empty = (failures = 0): WatcherEmpty => ({ _tag: 'Empty', failures });
const initPage = (continueToken: string, failures = 0): WatcherInitPage => ({
  _tag: 'InitPage',
  continueToken,
  failures,
});
const initListed = (resourceVersion: string, failures = 0): WatcherInitListed => ({
  _tag: 'InitListed',
  resourceVersion,
  failures,
});
const watching = (resourceVersion: string, failures = 0): WatcherState => ({
  _tag: 'Watching',
  resourceVersion,
  failures,
});

interface Row {
  readonly name: string;
  readonly from: WatcherState;
  readonly input: WatcherInput;
  readonly expected: WatcherTransition;
}

const rows: Row[] = [
  {
    name: 'a first and last page emits init, each object and initDone, then watches from its resourceVersion',
    from: empty(),
    input: { _tag: 'Listed', page: { resourceVersion: '10', items: [a, b] } },
    expected: {
      state: initListed('10'),
      events: [
        { type: 'init' },
        { type: 'initApply', object: a },
        { type: 'initApply', object: b },
        { type: 'initDone' },
      ],
      command: { _tag: 'Watch', resourceVersion: '10' },
    },
  },
  {
    name: 'an empty list still emits init and initDone',
    from: empty(),
    input: { _tag: 'Listed', page: { resourceVersion: '3', items: [] } },
    expected: {
      state: initListed('3'),
      events: [{ type: 'init' }, { type: 'initDone' }],
      command: { _tag: 'Watch', resourceVersion: '3' },
    },
  },
  {
    name: 'a first page with a continue token emits init and its objects, then asks for the next page',
    from: empty(2),
    input: { _tag: 'Listed', page: { resourceVersion: '10', items: [a], continue: 'next' } },
    expected: {
      state: initPage('next'),
      events: [{ type: 'init' }, { type: 'initApply', object: a }],
      command: { _tag: 'List', continueToken: 'next' },
    },
  },
  {
    name: 'a later page emits no second init',
    from: initPage('next'),
    input: { _tag: 'Listed', page: { resourceVersion: '10', items: [b] } },
    expected: {
      state: initListed('10'),
      events: [{ type: 'initApply', object: b }, { type: 'initDone' }],
      command: { _tag: 'Watch', resourceVersion: '10' },
    },
  },
  {
    name: 'an empty continue token ends the list',
    from: initPage('next'),
    input: { _tag: 'Listed', page: { resourceVersion: '10', items: [], continue: '' } },
    expected: {
      state: initListed('10'),
      events: [{ type: 'initDone' }],
      command: { _tag: 'Watch', resourceVersion: '10' },
    },
  },
  {
    name: 'a failed first page backs off, then lists it again',
    from: empty(),
    input: { _tag: 'ListFailed', status: broken },
    expected: {
      state: { _tag: 'Backoff', retry: empty(1), delay: 1_000, cause: broken },
      events: [],
      command: { _tag: 'Wait', delay: 1_000 },
    },
  },
  {
    name: 'a failed later page backs off longer with each failure, then lists the same page',
    from: initPage('next', 2),
    input: { _tag: 'ListFailed', status: broken },
    expected: {
      state: { _tag: 'Backoff', retry: initPage('next', 3), delay: 4_000, cause: broken },
      events: [],
      command: { _tag: 'Wait', delay: 4_000 },
    },
  },
  {
    name: 'an expired continue token backs off, then lists again from the first page',
    from: initPage('next'),
    input: { _tag: 'ListFailed', status: tooOld },
    expected: {
      state: { _tag: 'Backoff', retry: empty(1), delay: 1_000, cause: tooOld },
      events: [],
      command: { _tag: 'Wait', delay: 1_000 },
    },
  },
  {
    name: 'a backoff that elapses lists the page it retries',
    from: { _tag: 'Backoff', retry: initPage('next', 3), delay: 4_000, cause: broken },
    input: { _tag: 'BackoffElapsed' },
    expected: {
      state: initPage('next', 3),
      events: [],
      command: { _tag: 'List', continueToken: 'next' },
    },
  },
  {
    name: 'a backoff that elapses watches again from the resourceVersion it retries',
    from: { _tag: 'Backoff', retry: initListed('12', 1), delay: 1_000, cause: broken },
    input: { _tag: 'BackoffElapsed' },
    expected: {
      state: initListed('12', 1),
      events: [],
      command: { _tag: 'Watch', resourceVersion: '12' },
    },
  },
  {
    name: 'an ADDED object is applied and its resourceVersion remembered',
    from: initListed('10', 2),
    input: { _tag: 'WatchEvent', event: { type: 'ADDED', object: a } },
    expected: {
      state: watching('5'),
      events: [{ type: 'apply', object: a }],
      command: { _tag: 'Continue' },
    },
  },
  {
    name: 'a MODIFIED object is applied',
    from: watching('5'),
    input: { _tag: 'WatchEvent', event: { type: 'MODIFIED', object: b } },
    expected: {
      state: watching('6'),
      events: [{ type: 'apply', object: b }],
      command: { _tag: 'Continue' },
    },
  },
  {
    name: 'a DELETED object is deleted',
    from: watching('5'),
    input: { _tag: 'WatchEvent', event: { type: 'DELETED', object: b } },
    expected: {
      state: watching('6'),
      events: [{ type: 'delete', object: b }],
      command: { _tag: 'Continue' },
    },
  },
  {
    name: 'an object without a resourceVersion keeps the last one',
    from: watching('5'),
    input: { _tag: 'WatchEvent', event: { type: 'ADDED', object: { metadata: { name: 'x' } } } },
    expected: {
      state: watching('5'),
      events: [{ type: 'apply', object: { metadata: { name: 'x' } } }],
      command: { _tag: 'Continue' },
    },
  },
  {
    name: 'a BOOKMARK moves the resourceVersion on and emits nothing',
    from: watching('5', 1),
    input: { _tag: 'WatchEvent', event: { type: 'BOOKMARK', resourceVersion: '42' } },
    expected: { state: watching('42'), events: [], command: { _tag: 'Continue' } },
  },
  {
    name: 'a watch that ends is reopened from the last resourceVersion',
    from: watching('42'),
    input: { _tag: 'WatchEnded' },
    expected: {
      state: initListed('42'),
      events: [],
      command: { _tag: 'Watch', resourceVersion: '42' },
    },
  },
  {
    name: 'a watch that ends before any event is reopened from the same resourceVersion',
    from: initListed('10'),
    input: { _tag: 'WatchEnded' },
    expected: {
      state: initListed('10'),
      events: [],
      command: { _tag: 'Watch', resourceVersion: '10' },
    },
  },
  {
    name: 'a watch ERROR 410 Expired relists at once',
    from: watching('42'),
    input: { _tag: 'WatchEvent', event: { type: 'ERROR', status: tooOld } },
    expected: { state: empty(), events: [], command: { _tag: 'List' } },
  },
  {
    name: 'a watch ERROR 410 Gone relists at once',
    from: initListed('10'),
    input: { _tag: 'WatchEvent', event: { type: 'ERROR', status: gone({ message: 'gone' }) } },
    expected: { state: empty(), events: [], command: { _tag: 'List' } },
  },
  {
    name: 'a watch ERROR with only the code 410 relists at once',
    from: watching('42'),
    input: { _tag: 'WatchEvent', event: { type: 'ERROR', status: { code: 410 } } },
    expected: { state: empty(), events: [], command: { _tag: 'List' } },
  },
  {
    name: 'another watch ERROR backs off, then watches from the last resourceVersion',
    from: watching('42', 3),
    input: { _tag: 'WatchEvent', event: { type: 'ERROR', status: broken } },
    expected: {
      state: { _tag: 'Backoff', retry: initListed('42', 4), delay: 8_000, cause: broken },
      events: [],
      command: { _tag: 'Wait', delay: 8_000 },
    },
  },
  {
    name: 'the backoff delay stops growing at its maximum',
    from: initListed('42', 9),
    input: { _tag: 'WatchEvent', event: { type: 'ERROR', status: broken } },
    expected: {
      state: { _tag: 'Backoff', retry: initListed('42', 10), delay: 8_000, cause: broken },
      events: [],
      command: { _tag: 'Wait', delay: 8_000 },
    },
  },
];

const ignoredRows: {
  readonly name: string;
  readonly from: WatcherState;
  readonly input: WatcherInput;
}[] = [
  {
    name: 'a watch event while listing',
    from: empty(),
    input: { _tag: 'WatchEvent', event: { type: 'ADDED', object: a } },
  },
  {
    name: 'a watch end while listing a page',
    from: initPage('next'),
    input: { _tag: 'WatchEnded' },
  },
  {
    name: 'a list answer while watching',
    from: watching('5'),
    input: { _tag: 'Listed', page: { resourceVersion: '1', items: [] } },
  },
  {
    name: 'a late watch end during a backoff',
    from: { _tag: 'Backoff', retry: empty(1), delay: 1, cause: broken },
    input: { _tag: 'WatchEnded' },
  },
  {
    name: 'a backoff elapsing while watching',
    from: watching('5'),
    input: { _tag: 'BackoffElapsed' },
  },
];

describe('step', () => {
  it.each(rows)('$name', ({ from, input, expected }) => {
    expect(step(from, input, options)).toEqual(expected);
  });

  it.each(ignoredRows)('ignores $name, keeping the state', ({ from, input }) => {
    expect(step<ApiObject>(from, input, options)).toEqual({
      state: from,
      events: [],
      command: { _tag: 'Continue' },
    });
  });

  it('never modifies the state it is given', () => {
    const from = Object.freeze(initPage('next', 1));
    expect(() => step(from, { _tag: 'ListFailed', status: broken }, options)).not.toThrow();
    expect(from).toEqual(initPage('next', 1));
  });

  it('passes objects through by reference', () => {
    const transition = step(
      watching('1'),
      { _tag: 'WatchEvent', event: { type: 'MODIFIED', object: a } },
      options,
    );
    expect(transition.events[0]).toEqual({ type: 'apply', object: a });
    expect((transition.events[0] as { object: ApiObject }).object).toBe(a);
  });
});

describe('commandOf', () => {
  it('starts every watcher by listing the first page', () => {
    expect(WATCHER_START).toEqual(empty());
    expect(commandOf(WATCHER_START)).toEqual({ _tag: 'List' });
  });

  it('keeps reading the open watch while watching', () => {
    expect(commandOf(watching('1'))).toEqual({ _tag: 'Continue' });
  });
});
