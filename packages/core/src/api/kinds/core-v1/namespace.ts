/**
 * `corev1.Namespace`: a scope for names, and the unit of bulk deletion.
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';

/**
 * The codec of `corev1.NamespaceCondition`: `type` and `status` are required, the rest
 * optional. `type` is a string (upstream names `NamespaceDeletionDiscoveryFailure`,
 * `NamespaceContentRemaining`... and may add more); `status` is `True`, `False` or
 * `Unknown`.
 */
export const NamespaceCondition = withSchema(
  t.intersection([
    t.type({
      type: withSchema(t.string, { description: 'Type of namespace controller condition.' }),
      status: withSchema(t.keyof({ True: null, False: null, Unknown: null }), {
        description: 'Status of the condition, one of True, False, Unknown.',
      }),
    }),
    t.partial({
      lastTransitionTime: withSchema(DateTime, {
        description: 'Last time the condition transitioned from one status to another.',
      }),
      reason: withSchema(t.string, {
        description: "Unique, one-word, CamelCase reason for the condition's last transition.",
      }),
      message: withSchema(t.string, {
        description: 'Human-readable message indicating details about last transition.',
      }),
    }),
  ]),
  { description: 'NamespaceCondition contains details about state of namespace.' },
  'NamespaceCondition',
);

/** One condition of a namespace, as {@link NamespaceCondition} decodes it. */
export type NamespaceCondition = t.TypeOf<typeof NamespaceCondition>;

/** The codec of `corev1.NamespaceSpec`: the namespace's `finalizers` (optional). */
export const NamespaceSpec = withSchema(
  t.partial({
    finalizers: withSchema(t.array(t.string), {
      description:
        'Finalizers is an opaque list of values that must be empty to permanently remove object from storage.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  { description: 'NamespaceSpec describes the attributes on a Namespace.' },
  'NamespaceSpec',
);

/** A namespace's spec, as {@link NamespaceSpec} decodes it. */
export type NamespaceSpec = t.TypeOf<typeof NamespaceSpec>;

/**
 * The codec of `corev1.NamespaceStatus`: `phase` (`Active` or `Terminating`) and
 * `conditions`, both optional. Conditions are a map list keyed by `type`.
 */
export const NamespaceStatus = withSchema(
  t.partial({
    phase: withSchema(t.keyof({ Active: null, Terminating: null }), {
      description: 'Phase is the current lifecycle phase of the namespace.',
    }),
    conditions: withSchema(t.array(NamespaceCondition), {
      description: "Represents the latest available observations of a namespace's current state.",
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    }),
  }),
  { description: 'NamespaceStatus is information about the current status of a Namespace.' },
  'NamespaceStatus',
);

/** A namespace's status, as {@link NamespaceStatus} decodes it. */
export type NamespaceStatus = t.TypeOf<typeof NamespaceStatus>;

/**
 * The codec of `corev1.Namespace` (`v1`, cluster-scoped): `metadata`, `spec` and
 * `status`, all optional. `apiVersion` and `kind` are the literals `v1` and
 * `Namespace`, optional in request bodies.
 */
export const Namespace = withSchema(
  t.partial({
    ...typeMetaOf('v1', 'Namespace'),
    metadata: ObjectMeta,
    spec: NamespaceSpec,
    status: NamespaceStatus,
  }),
  { description: 'Namespace provides a scope for Names. Use of multiple namespaces is optional.' },
  'Namespace',
);

/** A namespace, as {@link Namespace} decodes it. */
export type Namespace = t.TypeOf<typeof Namespace>;

/** The codec of `corev1.NamespaceList`. */
export const NamespaceList = listOf({
  apiVersion: 'v1',
  kind: 'NamespaceList',
  item: Namespace,
  description: 'NamespaceList is a list of Namespaces.',
});

/** A list of namespaces, as {@link NamespaceList} decodes it. */
export type NamespaceList = t.TypeOf<typeof NamespaceList>;
