/**
 * The `autoscaling/v1` API group's {@link Scale} subresource as codecs, with its
 * {@link ScaleSpec} and {@link ScaleStatus}. (HorizontalPodAutoscaler is not modelled yet.)
 *
 * @module
 */
export { Scale, ScaleSpec, ScaleStatus } from './scale.js';
