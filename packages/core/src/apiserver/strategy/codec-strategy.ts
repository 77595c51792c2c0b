/**
 * A strategy from a kind's codec and its typed hooks.
 *
 * @module
 */
import type * as t from 'io-ts';
import {
  decodeObject,
  toOpenAPISchema,
  type FieldError,
  type JSONSchemaProps,
} from '../../api/codec/index.js';
import type { ApiObject } from '../api-object.js';
import type { NameRule } from '../validation/index.js';
import type { PrinterColumn } from '../table/printer-column.js';
import type { ResourceStrategy } from './resource-strategy.js';

/** A kind's codec, name rule and typed hooks; see {@link ResourceStrategy}. */
export interface CodecStrategyInput<T> {
  readonly codec: t.Type<T, unknown, unknown>;
  /** Default: `subdomain`. */
  readonly nameRule?: NameRule;
  /** Default: false. */
  readonly tracksGeneration?: boolean;
  /** Whether the kind accepts strategic merge patches (built-in kinds do). Default: true. */
  readonly strategicMerge?: boolean;
  readonly applyDefaults?: (object: T) => T;
  readonly prepareForCreate?: (object: T) => T;
  readonly validate?: (object: T) => readonly FieldError[];
  readonly validateUpdate?: (object: T, old: T) => readonly FieldError[];
  readonly validateStatusUpdate?: (object: T, old: T) => readonly FieldError[];
  readonly gracePeriodSeconds?: (object: T, requested: number | undefined) => number;
  readonly printerColumns?: readonly PrinterColumn[];
  readonly holdsDeletion?: (object: T) => boolean;
  readonly prepareForDeletion?: (object: T) => T;
}

/**
 * The strategy of a kind decoded by `codec`, its hooks typed by the codec.
 *
 * Assumptions: the hooks only ever see objects the codec decoded (the pipeline
 * guarantees it), so the casts from `ApiObject` to `T` hold.
 */
export function codecStrategy<T>(input: CodecStrategyInput<T>): ResourceStrategy {
  const typed = (object: ApiObject): T => object as unknown as T;
  const untyped = (object: T): ApiObject => object as unknown as ApiObject;
  let schema: JSONSchemaProps | undefined;
  const strategy: ResourceStrategy = {
    decode: ({ body, strict }) =>
      decodeObject(input.codec, body, { strictFields: strict }) as ReturnType<
        ResourceStrategy['decode']
      >,
    nameRule: input.nameRule ?? 'subdomain',
    tracksGeneration: input.tracksGeneration ?? false,
    ...(input.strategicMerge === false
      ? {}
      : { strategicMergeSchema: () => (schema ??= toOpenAPISchema(input.codec)) }),
    ...(input.applyDefaults === undefined
      ? {}
      : { applyDefaults: (object: ApiObject) => untyped(input.applyDefaults!(typed(object))) }),
    ...(input.prepareForCreate === undefined
      ? {}
      : {
          prepareForCreate: (object: ApiObject) => untyped(input.prepareForCreate!(typed(object))),
        }),
    ...(input.validate === undefined
      ? {}
      : { validate: (object: ApiObject) => input.validate!(typed(object)) }),
    ...(input.validateUpdate === undefined
      ? {}
      : {
          validateUpdate: (object: ApiObject, old: ApiObject) =>
            input.validateUpdate!(typed(object), typed(old)),
        }),
    ...(input.validateStatusUpdate === undefined
      ? {}
      : {
          validateStatusUpdate: (object: ApiObject, old: ApiObject) =>
            input.validateStatusUpdate!(typed(object), typed(old)),
        }),
    ...(input.printerColumns === undefined ? {} : { printerColumns: input.printerColumns }),
    ...(input.holdsDeletion === undefined
      ? {}
      : { holdsDeletion: (object: ApiObject) => input.holdsDeletion!(typed(object)) }),
    ...(input.prepareForDeletion === undefined
      ? {}
      : {
          prepareForDeletion: (object: ApiObject) =>
            untyped(input.prepareForDeletion!(typed(object))),
        }),
    ...(input.gracePeriodSeconds === undefined
      ? {}
      : {
          gracePeriodSeconds: (object: ApiObject, requested: number | undefined) =>
            input.gracePeriodSeconds!(typed(object), requested),
        }),
  };
  return strategy;
}
