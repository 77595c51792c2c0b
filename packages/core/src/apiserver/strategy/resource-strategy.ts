/**
 * What differs between resources on the write path: how a body is decoded, the
 * defaults, the validation, whether `metadata.generation` is tracked, how objects are
 * deleted. Upstream calls this a resource's strategy (`pkg/registry/.../strategy.go`).
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { FieldError } from '../../api/codec/index.js';
import type { Status } from '../../api/status/index.js';
import type { ApiObject } from '../api-object.js';
import type { StrategicMergeSchema } from '../patch/index.js';
import type { PrinterColumn } from '../table/printer-column.js';
import type { NameRule } from '../validation/index.js';

/** How a body decodes: strictly (unknown fields are errors) or not (they are dropped). */
export interface DecodeRequest {
  readonly body: unknown;
  readonly strict: boolean;
}

/** What a write that assigns server-held values (cluster IPs, node ports) is told. */
export interface BeginWriteContext {
  /** A dry run: check and fill in values, but hold nothing. */
  readonly dryRun: boolean;
}

/**
 * A write whose server-held values are assigned but not yet settled: the object with
 * them filled in, and `finish`, which the pipeline calls exactly once with whether
 * the object was persisted (false for a dry run, a failed or lost write, a no-op).
 * Upstream's `BeginCreate` / `BeginUpdate` and their `FinishFunc`.
 */
export interface BegunWrite {
  readonly object: ApiObject;
  readonly finish: (persisted: boolean) => void;
}

/**
 * A resource's write-path behaviour. Every hook but `decode` is optional; the
 * pipeline's generic behaviour (metadata, status subresource, generation, finalizers,
 * optimistic concurrency) surrounds them.
 */
export interface ResourceStrategy {
  /** Decodes a request body to an object of the kind, or every field error. */
  readonly decode: (request: DecodeRequest) => Either<readonly FieldError[], ApiObject>;
  /** The rule object names follow. */
  readonly nameRule: NameRule;
  /** Whether `metadata.generation` starts at 1 and grows with every change of the spec. */
  readonly tracksGeneration: boolean;
  /** Fills in defaults (`restartPolicy: Always`); returns a new object or the same one. */
  readonly applyDefaults?: (object: ApiObject) => ApiObject;
  /** Sets server-owned fields of a new object (a pod's `status.phase: Pending`). */
  readonly prepareForCreate?: (object: ApiObject) => ApiObject;
  /** Checks a new object beyond its codec; metadata is checked by the pipeline. */
  readonly validate?: (object: ApiObject) => readonly FieldError[];
  /** Checks a change (immutable fields); runs with {@link ResourceStrategy.validate}. */
  readonly validateUpdate?: (object: ApiObject, old: ApiObject) => readonly FieldError[];
  /**
   * Assigns server-held values to a new object once it is validated and admitted,
   * just before it is persisted (a service's cluster IP and node ports). A failure
   * (422 for a requested value that is taken, 500 for a full range) fails the create.
   */
  readonly beginCreate?: (
    object: ApiObject,
    context: BeginWriteContext,
  ) => Either<Status, BegunWrite>;
  /**
   * As {@link ResourceStrategy.beginCreate}, for a change through the main endpoint
   * (update or patch) of the stored `old`: keeps, assigns and frees values.
   */
  readonly beginUpdate?: (
    object: ApiObject,
    old: ApiObject,
    context: BeginWriteContext,
  ) => Either<Status, BegunWrite>;
  /** Checks a change made through the `status` subresource. */
  readonly validateStatusUpdate?: (object: ApiObject, old: ApiObject) => readonly FieldError[];
  /**
   * The kind's schema, for strategic merge patches; absent for custom resources,
   * which accept no strategic merge patch (415). Called when needed, and should
   * cache.
   */
  readonly strategicMergeSchema?: () => StrategicMergeSchema;
  /** The columns of the resource's table (after `Name`); `Age` alone when absent. */
  readonly printerColumns?: readonly PrinterColumn[];
  /**
   * Whether a deleted object must wait for more than its `metadata.finalizers`
   * (a namespace waits for its `spec.finalizers`, which the namespace controller
   * removes once the namespace is empty).
   */
  readonly holdsDeletion?: (object: ApiObject) => boolean;
  /** Sets what a deletion changes besides `deletionTimestamp` (a namespace's `Terminating` phase). */
  readonly prepareForDeletion?: (object: ApiObject) => ApiObject;
  /**
   * For resources deleted gracefully (pods): the grace period in seconds for a delete
   * that asked for `requested` (or nothing); 0 deletes at once.
   */
  readonly gracePeriodSeconds?: (object: ApiObject, requested: number | undefined) => number;
}
