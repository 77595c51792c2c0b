/**
 * `@drydock/runtime/testing`: helpers for testing reconcilers and stores.
 *
 * - {@link createTestEnv}: an apiserver on virtual time with seeded uids and names,
 *   clients through a fault layer, traced controllers, `settle` / `advance` / `until`;
 * - {@link drydockMatchers}: jest matchers (`toHaveCondition`, `toExist`,
 *   `toBeOwnedBy`, `toHaveBeenReconciled`) for `expect.extend`;
 * - {@link record}: what an Observable emitted;
 * - {@link seededRandom}, {@link sequentialUids}: reproducible randomness and uids.
 *
 * @module
 */
export type { Recording } from './event-recorder.js';
export { record } from './event-recorder.js';
export type { FailNextOptions, Faults } from './fault-injector.js';
export { drydockMatchers } from './matchers.js';
export type {
  AnyController,
  RunningController,
  StartControllerOptions,
} from './running-controller.js';
export { seededRandom, sequentialUids } from './seeded-random.js';
export { DEFAULT_SETTLE_STEPS, type SettleOptions } from './settle.js';
export { createTestEnv, type TestEnv, type TestEnvOptions } from './test-env.js';
export type { FaultRecord, ReconcileRecord, Trace, TraceEntry, WriteRecord } from './trace.js';
export { DEFAULT_UNTIL_WITHIN, UNTIL_TRACE_TAIL, type UntilOptions } from './until.js';
export { createTestNodes, testNode, type TestNodeOptions, type TestNodes } from './test-nodes.js';
