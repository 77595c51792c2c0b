/**
 * Controllers: the applier (triggers → work queue → reconcile → what next), and the
 * builder over it.
 *
 * @module
 */
export {
  applier,
  type ApplierOptions,
  type ReconcileOutcome,
  type ReconcileResult,
  type Reconciler,
} from './applier.js';
export {
  controller,
  ControllerBuilder,
  type Controller,
  type ControllerContext,
  type ControllerOptions,
  type WatchScope,
} from './controller-builder.js';
export {
  annotationsChanged,
  anyOf,
  generationChanged,
  labelsChanged,
  type ObjectChange,
  type Predicate,
} from './predicates.js';
