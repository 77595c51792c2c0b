/**
 * Transactions: compare-and-swap over several keys, applied as one revision.
 *
 * @module
 */
import type { KeyRange } from './key-range.js';
import type { KeyValue, LeaseId } from './key-value.js';
import type { RangeOptions, RangeResult } from './range.js';
import type { DeleteResult, PutResult } from './write.js';

/** The comparison operators of a {@link Compare}. */
export type CompareOperator = '=' | '!=' | '<' | '>';

/**
 * A condition on one key, evaluated against the current state.
 *
 * For a key that does not exist, `modRevision`, `createRevision` and `version` are
 * all 0, as in etcd.
 */
export type Compare =
  | {
      readonly key: string;
      readonly target: 'modRevision' | 'createRevision' | 'version';
      readonly operator: CompareOperator;
      readonly value: number;
    }
  /** Whether the key exists (`value: true`) or not (`value: false`). */
  | { readonly key: string; readonly target: 'present'; readonly value: boolean };

/** One operation in a branch of a transaction. */
export type TxnOp<V> =
  | {
      readonly op: 'put';
      readonly key: string;
      readonly value: V;
      readonly lease?: LeaseId;
      readonly prevKv?: boolean;
    }
  | { readonly op: 'delete'; readonly range: KeyRange; readonly prevKv?: boolean }
  | {
      readonly op: 'range';
      readonly range: KeyRange;
      readonly options?: Omit<RangeOptions, 'revision'>;
    };

/**
 * A transaction: if every comparison holds, run `success`, else `failure`.
 *
 * Guarantees: atomic. All of the chosen branch's writes share one new revision (none
 * if it writes nothing); a transaction that fails validation changes nothing. Reads
 * in a branch see the branch's earlier writes. A branch may not write one key twice,
 * nor put a key that one of its deletes covers.
 */
export interface TxnRequest<V> {
  /** The conditions, all of which must hold for `success` to run. */
  readonly compare: readonly Compare[];
  /** The operations to run when every comparison holds. */
  readonly success: readonly TxnOp<V>[];
  /** The operations to run otherwise. */
  readonly failure?: readonly TxnOp<V>[];
}

/** The result of one operation of a transaction, tagged by the operation. */
export type TxnOpResult<V> =
  | { readonly op: 'put'; readonly result: PutResult<V> }
  | { readonly op: 'delete'; readonly result: DeleteResult<V> }
  | { readonly op: 'range'; readonly result: RangeResult<V> };

/** The answer to a transaction. */
export interface TxnResult<V> {
  /** The store's revision after the transaction. */
  readonly revision: number;
  /** Whether every comparison held (so `success` ran). */
  readonly succeeded: boolean;
  /** One result per operation of the branch that ran, in order. */
  readonly results: readonly TxnOpResult<V>[];
}

/** Evaluates one comparison against a key's current value (`undefined`: absent). */
export function compareHolds<V>(compare: Compare, current: KeyValue<V> | undefined): boolean {
  if (compare.target === 'present') {
    return (current !== undefined) === compare.value;
  }
  const actual = current === undefined ? 0 : current[compare.target];
  switch (compare.operator) {
    case '=':
      return actual === compare.value;
    case '!=':
      return actual !== compare.value;
    case '<':
      return actual < compare.value;
    case '>':
      return actual > compare.value;
  }
}
