/**
 * `metav1.TypeMeta`: the `apiVersion` and `kind` every object carries.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../codec/index.js';

/**
 * The codec of `metav1.TypeMeta`: `apiVersion` and `kind`, both optional on the wire (the
 * server may infer them from the endpoint). Kinds spread its props into their own codec.
 */
export const TypeMeta = t.partial({
  apiVersion: withSchema(t.string, {
    description:
      'APIVersion defines the versioned schema of this representation of an object. ' +
      'Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.',
  }),
  kind: withSchema(t.string, {
    description:
      'Kind is a string value representing the REST resource this object represents. ' +
      'Servers may infer this from the endpoint the client submits requests to; in CamelCase.',
  }),
});

/** An object's `apiVersion` and `kind`, as {@link TypeMeta} decodes them. */
export type TypeMeta = t.TypeOf<typeof TypeMeta>;
