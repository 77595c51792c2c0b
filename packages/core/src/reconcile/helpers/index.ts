/**
 * Building blocks for reconcilers, each usable on its own:
 *
 * - {@link setCondition}, {@link findCondition}, {@link removeCondition},
 *   {@link isConditionTrue}: pure functions over `status.conditions`;
 * - {@link setControllerReference}, {@link controllerOf}, {@link isControlledBy},
 *   {@link ownerReferenceFor}: owner references, with errors as data;
 * - {@link finalizer}: run `apply` / `cleanup` behind a finalizer of one's own;
 * - {@link patchStatusIfChanged}: write a status only when it changed;
 * - {@link createEventRecorder}: record core/v1 Events, folding repeats.
 *
 * @module
 */
export {
  findCondition,
  isConditionTrue,
  removeCondition,
  setCondition,
  type ConditionUpdate,
} from './conditions.js';
export {
  createEventRecorder,
  EVENT_AGGREGATION_WINDOW_MS,
  EVENT_CACHE_SIZE,
  type EventInput,
  type EventRecorder,
  type EventRecorderOptions,
  type EventRecordingError,
} from './event-recorder.js';
export {
  finalizer,
  FinalizerError,
  isFinalizerError,
  type FinalizerErrorTag,
  type FinalizerOptions,
} from './finalizer.js';
export {
  controllerOf,
  isControlledBy,
  ownerReferenceFor,
  setControllerReference,
  type AlreadyControlled,
  type IncompleteOwner,
  type OwnerReferenceError,
  type ScopeMismatch,
} from './owner-references.js';
export { patchStatusIfChanged, type PatchStatusIfChangedOptions } from './status.js';
