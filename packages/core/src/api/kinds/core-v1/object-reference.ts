/**
 * `corev1.ObjectReference` and `corev1.LocalObjectReference`: references to other objects.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';

/**
 * The codec of `corev1.ObjectReference`: enough to inspect or modify the referred
 * object. Every field is optional, as upstream; `fieldPath` may point into the
 * object (`spec.containers{web}`). Atomic for server-side apply
 * (`x-kubernetes-map-type: atomic`).
 */
export const ObjectReference = withSchema(
  t.partial({
    kind: withSchema(t.string, { description: 'Kind of the referent.' }),
    namespace: withSchema(t.string, { description: 'Namespace of the referent.' }),
    name: withSchema(t.string, { description: 'Name of the referent.' }),
    uid: withSchema(t.string, { description: 'UID of the referent.' }),
    apiVersion: withSchema(t.string, { description: 'API version of the referent.' }),
    resourceVersion: withSchema(t.string, {
      description: 'Specific resourceVersion to which this reference is made, if any.',
    }),
    fieldPath: withSchema(t.string, {
      description:
        'If referring to a piece of an object instead of an entire object, this string should ' +
        'contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].',
    }),
  }),
  {
    description:
      'ObjectReference contains enough information to let you inspect or modify the referred object.',
    'x-kubernetes-map-type': 'atomic',
  },
  'ObjectReference',
);

/** A reference to an object, as {@link ObjectReference} decodes it. */
export type ObjectReference = t.TypeOf<typeof ObjectReference>;

/**
 * The codec of `corev1.LocalObjectReference`: the `name` of an object in the same
 * namespace (optional, as upstream). Atomic for server-side apply.
 */
export const LocalObjectReference = withSchema(
  t.partial({
    name: withSchema(t.string, { description: 'Name of the referent.' }),
  }),
  {
    description:
      'LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.',
    'x-kubernetes-map-type': 'atomic',
  },
  'LocalObjectReference',
);

/** A reference to an object in the same namespace, as {@link LocalObjectReference} decodes it. */
export type LocalObjectReference = t.TypeOf<typeof LocalObjectReference>;
