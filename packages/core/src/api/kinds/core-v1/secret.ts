/**
 * `corev1.Secret`: confidential data, such as passwords, tokens and keys.
 *
 * @module
 */
import * as t from 'io-ts';
import { Base64Bytes, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';

/**
 * The codec of `corev1.Secret` (`v1`, namespaced): `metadata`, `immutable`, `data`
 * (base64, see {@link Base64Bytes}), `stringData` and `type`, all optional.
 * `apiVersion` and `kind` are the literals `v1` and `Secret`, optional in request
 * bodies.
 *
 * `type` is a string: upstream names `Opaque` (the default),
 * `kubernetes.io/service-account-token`, `kubernetes.io/dockerconfigjson`,
 * `kubernetes.io/tls`... and accepts any other.
 *
 * Caveats: `stringData` is write-only: the apiserver merges it into `data` and never
 * returns it. That merge is a storage step, not decoding's.
 */
export const Secret = withSchema(
  t.partial({
    ...typeMetaOf('v1', 'Secret'),
    metadata: ObjectMeta,
    immutable: withSchema(t.boolean, {
      description:
        'Immutable, if set to true, ensures that data stored in the Secret cannot be updated ' +
        '(only object metadata can be modified).',
    }),
    data: withSchema(t.record(t.string, Base64Bytes), {
      description:
        'Data contains the secret data. Each key must consist of alphanumeric characters, ' +
        "'-', '_' or '.'. The serialized form of the secret data is a base64 encoded string.",
    }),
    stringData: withSchema(t.record(t.string, t.string), {
      description:
        'stringData allows specifying non-binary secret data in string form. It is provided as a ' +
        'write-only input field for convenience; its entries are merged into the data field on write.',
    }),
    type: withSchema(t.string, {
      description: 'Used to facilitate programmatic handling of secret data.',
    }),
  }),
  {
    description:
      'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.',
  },
  'Secret',
);

/** A secret, as {@link Secret} decodes it. */
export type Secret = t.TypeOf<typeof Secret>;

/** The codec of `corev1.SecretList`. */
export const SecretList = listOf({
  apiVersion: 'v1',
  kind: 'SecretList',
  item: Secret,
  description: 'SecretList is a list of Secret.',
});

/** A list of secrets, as {@link SecretList} decodes it. */
export type SecretList = t.TypeOf<typeof SecretList>;
