/**
 * `corev1.ConfigMap`: non-confidential configuration data for pods to consume.
 *
 * @module
 */
import * as t from 'io-ts';
import { Base64Bytes, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';

/**
 * The codec of `corev1.ConfigMap` (`v1`, namespaced): `metadata`, `data` (UTF-8
 * strings), `binaryData` (base64, see {@link Base64Bytes}) and `immutable`, all
 * optional. `apiVersion` and `kind` are the literals `v1` and `ConfigMap`, optional in
 * request bodies.
 *
 * Caveats: upstream's validation (keys are valid config keys, `data` and `binaryData`
 * do not share a key, the total stays under 1 MiB) is the apiserver's business, not
 * decoding's.
 */
export const ConfigMap = withSchema(
  t.partial({
    ...typeMetaOf('v1', 'ConfigMap'),
    metadata: ObjectMeta,
    immutable: withSchema(t.boolean, {
      description:
        'Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated ' +
        '(only object metadata can be modified).',
    }),
    data: withSchema(t.record(t.string, t.string), {
      description:
        'Data contains the configuration data. Each key must consist of alphanumeric characters, ' +
        "'-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field.",
    }),
    binaryData: withSchema(t.record(t.string, Base64Bytes), {
      description:
        'BinaryData contains the binary data. Each key must consist of alphanumeric characters, ' +
        "'-', '_' or '.'; its keys must not overlap with those of Data.",
    }),
  }),
  { description: 'ConfigMap holds configuration data for pods to consume.' },
  'ConfigMap',
);

/** A config map, as {@link ConfigMap} decodes it. */
export type ConfigMap = t.TypeOf<typeof ConfigMap>;

/** The codec of `corev1.ConfigMapList`. */
export const ConfigMapList = listOf({
  apiVersion: 'v1',
  kind: 'ConfigMapList',
  item: ConfigMap,
  description: 'ConfigMapList is a resource containing a list of ConfigMap objects.',
});

/** A list of config maps, as {@link ConfigMapList} decodes it. */
export type ConfigMapList = t.TypeOf<typeof ConfigMapList>;
