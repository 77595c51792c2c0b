/**
 * `corev1.ServiceAccount`: an identity for processes that run in a pod.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';
import { LocalObjectReference, ObjectReference } from './object-reference.js';

/**
 * The codec of `corev1.ServiceAccount` (`v1`, namespaced): `metadata`, `secrets`,
 * `imagePullSecrets` and `automountServiceAccountToken`, all optional. `apiVersion`
 * and `kind` are the literals `v1` and `ServiceAccount`, optional in request bodies.
 */
export const ServiceAccount = withSchema(
  t.partial({
    ...typeMetaOf('v1', 'ServiceAccount'),
    metadata: ObjectMeta,
    secrets: withSchema(t.array(ObjectReference), {
      description:
        'Secrets is a list of the secrets in the same namespace that pods running using this ' +
        'ServiceAccount are allowed to use. Deprecated for auto-generated token secrets.',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    }),
    imagePullSecrets: withSchema(t.array(LocalObjectReference), {
      description:
        'ImagePullSecrets is a list of references to secrets in the same namespace to use for ' +
        'pulling any images in pods that reference this ServiceAccount.',
      'x-kubernetes-list-type': 'atomic',
    }),
    automountServiceAccountToken: withSchema(t.boolean, {
      description:
        'AutomountServiceAccountToken indicates whether pods running as this service account should ' +
        'have an API token automatically mounted. Can be overridden at the pod level.',
    }),
  }),
  {
    description:
      'ServiceAccount binds together: a name, understood by users, and perhaps by peripheral systems, ' +
      'for an identity; a principal that can be authenticated and authorized; and a set of secrets.',
  },
  'ServiceAccount',
);

/** A service account, as {@link ServiceAccount} decodes it. */
export type ServiceAccount = t.TypeOf<typeof ServiceAccount>;

/** The codec of `corev1.ServiceAccountList`. */
export const ServiceAccountList = listOf({
  apiVersion: 'v1',
  kind: 'ServiceAccountList',
  item: ServiceAccount,
  description: 'ServiceAccountList is a list of ServiceAccount objects.',
});

/** A list of service accounts, as {@link ServiceAccountList} decodes it. */
export type ServiceAccountList = t.TypeOf<typeof ServiceAccountList>;
