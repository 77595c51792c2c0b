/**
 * `autoscalingv1.Scale`: the `scale` subresource of workloads such as Deployments.
 *
 * @module
 */
import * as t from 'io-ts';
import { Int32, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { typeMetaOf } from '../kind-codec.js';

/** The codec of `autoscalingv1.ScaleSpec`: the desired `replicas` (optional). */
export const ScaleSpec = withSchema(
  t.partial({
    replicas: withSchema(Int32, {
      description: 'replicas is the desired number of instances for the scaled object.',
    }),
  }),
  { description: 'ScaleSpec describes the attributes of a scale subresource.' },
  'ScaleSpec',
);

/** A scale's spec, as {@link ScaleSpec} decodes it. */
export type ScaleSpec = t.TypeOf<typeof ScaleSpec>;

/**
 * The codec of `autoscalingv1.ScaleStatus`: the observed `replicas` (required) and the
 * pods' label `selector` in its string form (optional).
 */
export const ScaleStatus = withSchema(
  t.intersection([
    t.type({
      replicas: withSchema(Int32, {
        description: 'replicas is the actual number of observed instances of the scaled object.',
      }),
    }),
    t.partial({
      selector: withSchema(t.string, {
        description:
          'selector is the label query over pods that should match the replicas count, in the ' +
          'string form of a label selector (as in query parameters).',
      }),
    }),
  ]),
  { description: 'ScaleStatus represents the current status of a scale subresource.' },
  'ScaleStatus',
);

/** A scale's status, as {@link ScaleStatus} decodes it. */
export type ScaleStatus = t.TypeOf<typeof ScaleStatus>;

/**
 * The codec of `autoscalingv1.Scale` (`autoscaling/v1`): `metadata`, `spec` and
 * `status`, all optional. `apiVersion` and `kind` are the literals `autoscaling/v1`
 * and `Scale`, optional in request bodies.
 *
 * Scale is a subresource (`deployments/<name>/scale`), never listed, so it has no
 * list, as upstream.
 */
export const Scale = withSchema(
  t.partial({
    ...typeMetaOf('autoscaling/v1', 'Scale'),
    metadata: ObjectMeta,
    spec: ScaleSpec,
    status: ScaleStatus,
  }),
  { description: 'Scale represents a scaling request for a resource.' },
  'Scale',
);

/** A scale, as {@link Scale} decodes it. */
export type Scale = t.TypeOf<typeof Scale>;
