/**
 * `corev1.PodTemplateSpec`: the pods a workload (Deployment, ReplicaSet, Job...)
 * creates, as metadata and a spec.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { PodSpec } from './pod.js';

/**
 * The codec of `corev1.PodTemplateSpec`: `metadata` ({@link ObjectMeta}) and `spec`
 * ({@link PodSpec}), both optional, as upstream.
 *
 * Caveats: `metadata.creationTimestamp` is usually `null` in a template, as Go clients
 * write it; {@link ObjectMeta} accepts that. The `PodTemplate` kind itself is not
 * modelled.
 */
export const PodTemplateSpec = withSchema(
  t.partial({
    metadata: withSchema(ObjectMeta, {
      description: "Standard object's metadata of the pods created from this template.",
    }),
    spec: withSchema(PodSpec, {
      description: 'Specification of the desired behavior of the pod.',
    }),
  }),
  {
    description:
      'PodTemplateSpec describes the data a pod should have when created from a template.',
  },
  'PodTemplateSpec',
);

/** A pod template, as {@link PodTemplateSpec} decodes it. */
export type PodTemplateSpec = t.TypeOf<typeof PodTemplateSpec>;
