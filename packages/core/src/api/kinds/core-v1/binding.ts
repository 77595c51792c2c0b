/**
 * `corev1.Binding`: the scheduler's request to bind a pod to a node.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { typeMetaOf } from '../kind-codec.js';
import { ObjectReference } from './object-reference.js';

/**
 * The codec of `corev1.Binding` (`v1`, namespaced): `metadata` (optional; its name is
 * the pod's) and `target` (required, the node). `apiVersion` and `kind` are the
 * literals `v1` and `Binding`, optional in request bodies.
 *
 * Binding is only ever created (`POST pods/<name>/binding`), never stored or listed,
 * so it has no list, as upstream.
 */
export const Binding = withSchema(
  t.intersection([
    t.partial({ ...typeMetaOf('v1', 'Binding'), metadata: ObjectMeta }),
    t.type({
      target: withSchema(ObjectReference, {
        description: 'The target object that you want to bind to the standard object.',
      }),
    }),
  ]),
  {
    description:
      'Binding ties one object to another; for example, a pod is bound to a node by a scheduler.',
  },
  'Binding',
);

/** A binding, as {@link Binding} decodes it. */
export type Binding = t.TypeOf<typeof Binding>;
