/**
 * `corev1.Toleration` and `corev1.Taint`: a node's taints repel pods that do not
 * tolerate them.
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, Int64, withSchema } from '../../codec/index.js';

// The effects of a taint, and of the taints a toleration matches.
const taintEffect = t.keyof({ NoSchedule: null, PreferNoSchedule: null, NoExecute: null });

/**
 * The codec of `corev1.Toleration`: every field optional, as upstream. `operator` is
 * `Exists` or `Equal`; `effect` is `NoSchedule`, `PreferNoSchedule` or `NoExecute`
 * (empty, the zero value, is written by leaving it out); `tolerationSeconds` is an int64.
 */
export const Toleration = withSchema(
  t.partial({
    key: withSchema(t.string, {
      description: 'Key is the taint key that the toleration applies to; empty means all keys.',
    }),
    operator: withSchema(t.keyof({ Exists: null, Equal: null }), {
      description: "Operator represents a key's relationship to the value; defaults to Equal.",
    }),
    value: withSchema(t.string, {
      description: 'Value is the taint value the toleration matches to.',
    }),
    effect: withSchema(taintEffect, {
      description: 'Effect indicates the taint effect to match; empty means all effects.',
    }),
    tolerationSeconds: withSchema(Int64, {
      description: 'How long a NoExecute toleration tolerates the taint before eviction.',
    }),
  }),
  {
    description:
      'The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect>.',
  },
  'Toleration',
);

/** A toleration, as {@link Toleration} decodes it. */
export type Toleration = t.TypeOf<typeof Toleration>;

/**
 * The codec of `corev1.Taint`: `key` and `effect` (`NoSchedule`, `PreferNoSchedule`,
 * `NoExecute`) are required; `value` and `timeAdded` (set for `NoExecute` taints)
 * optional.
 */
export const Taint = withSchema(
  t.intersection([
    t.type({
      key: withSchema(t.string, {
        description: 'Required. The taint key to be applied to a node.',
      }),
      effect: withSchema(taintEffect, {
        description: 'Required. The effect of the taint on pods that do not tolerate the taint.',
      }),
    }),
    t.partial({
      value: withSchema(t.string, {
        description: 'The taint value corresponding to the taint key.',
      }),
      timeAdded: withSchema(DateTime, {
        description: 'The time at which the taint was added; only written for NoExecute taints.',
      }),
    }),
  ]),
  {
    description:
      'The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.',
  },
  'Taint',
);

/** A taint, as {@link Taint} decodes it. */
export type Taint = t.TypeOf<typeof Taint>;
