/**
 * `metav1.Condition`: the standard condition of an API object's status, shared by
 * `Service.status.conditions` and most newer kinds and CRDs.
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, Int64, withSchema } from '../codec/index.js';

/**
 * The codec of `metav1.Condition`: `type`, `status`, `lastTransitionTime`, `reason` and
 * `message` are required, `observedGeneration` optional, as upstream.
 *
 * - `type` is a CamelCase string (`Ready`, `Available`, or `example.com/Progressing`);
 * - `status` is `True`, `False` or `Unknown`;
 * - `lastTransitionTime` is a {@link DateTime}; `observedGeneration` an int64.
 *
 * Caveats: upstream's validation of the values (`type` a qualified name of at most 316
 * characters, `reason` matching `^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$`, `message` at
 * most 32768 characters, `observedGeneration` not negative) is the apiserver's business,
 * not decoding's; `message` may be empty.
 */
export const Condition = withSchema(
  t.intersection([
    t.type({
      type: withSchema(t.string, {
        description: 'type of condition in CamelCase or in foo.example.com/CamelCase.',
      }),
      status: withSchema(t.keyof({ True: null, False: null, Unknown: null }), {
        description: 'status of the condition, one of True, False, Unknown.',
      }),
      lastTransitionTime: withSchema(DateTime, {
        description:
          'lastTransitionTime is the last time the condition transitioned from one status to another.',
      }),
      reason: withSchema(t.string, {
        description:
          "reason contains a programmatic identifier indicating the reason for the condition's last " +
          'transition, in CamelCase.',
      }),
      message: withSchema(t.string, {
        description:
          'message is a human readable message indicating details about the transition. ' +
          'This may be an empty string.',
      }),
    }),
    t.partial({
      observedGeneration: withSchema(Int64, {
        description:
          'observedGeneration represents the .metadata.generation that the condition was set based upon.',
      }),
    }),
  ]),
  {
    description:
      'Condition contains details for one aspect of the current state of this API Resource.',
  },
  'Condition',
);

/** A condition, as {@link Condition} decodes it. */
export type Condition = t.TypeOf<typeof Condition>;
