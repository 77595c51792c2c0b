/**
 * `appsv1.ReplicaSet`: keeps a number of identical pods running, usually owned by a
 * Deployment, with the status its controller reports.
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, Int32, Int64, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { MetaV1LabelSelector } from '../core-v1/affinity.js';
import { PodTemplateSpec } from '../core-v1/pod-template.js';
import { listOf, typeMetaOf } from '../kind-codec.js';

/**
 * The codec of `appsv1.ReplicaSetSpec`: `selector` ({@link MetaV1LabelSelector}) is
 * required; `replicas`, `minReadySeconds` (int32s) and `template`
 * ({@link PodTemplateSpec}) optional, as upstream.
 */
export const ReplicaSetSpec = withSchema(
  t.intersection([
    t.partial({
      replicas: withSchema(Int32, {
        description:
          'Replicas is the number of desired pods; defaults to 1. Optional because zero is a valid value.',
      }),
      minReadySeconds: withSchema(Int32, {
        description:
          'Minimum number of seconds for which a newly created pod should be ready without any of ' +
          'its container crashing, for it to be considered available; defaults to 0.',
      }),
    }),
    t.type({
      selector: withSchema(MetaV1LabelSelector, {
        description:
          'Selector is a label query over pods that should match the replica count; it must match ' +
          "the pod template's labels.",
      }),
    }),
    t.partial({
      template: withSchema(PodTemplateSpec, {
        description:
          'Template is the object that describes the pod that will be created if insufficient ' +
          'replicas are detected.',
      }),
    }),
  ]),
  { description: 'ReplicaSetSpec is the specification of a ReplicaSet.' },
  'ReplicaSetSpec',
);

/** A replica set's spec, as {@link ReplicaSetSpec} decodes it. */
export type ReplicaSetSpec = t.TypeOf<typeof ReplicaSetSpec>;

// A metav1.Time that is not a pointer: Go writes its zero value as null.
const nullableTime = t.union([DateTime, t.null]);

/**
 * The codec of `appsv1.ReplicaSetCondition`: `type` and `status` are required, the rest
 * optional. `type` is a string (`ReplicaFailure`); `status` is `True`, `False` or
 * `Unknown`; `lastTransitionTime` also accepts `null`.
 */
export const ReplicaSetCondition = withSchema(
  t.intersection([
    t.type({
      type: withSchema(t.string, { description: 'Type of replica set condition.' }),
      status: withSchema(t.keyof({ True: null, False: null, Unknown: null }), {
        description: 'Status of the condition, one of True, False, Unknown.',
      }),
    }),
    t.partial({
      lastTransitionTime: withSchema(nullableTime, {
        description: 'The last time the condition transitioned from one status to another.',
      }),
      reason: withSchema(t.string, {
        description: "The reason for the condition's last transition.",
      }),
      message: withSchema(t.string, {
        description: 'A human readable message indicating details about the transition.',
      }),
    }),
  ]),
  {
    description: 'ReplicaSetCondition describes the state of a replica set at a certain point.',
  },
  'ReplicaSetCondition',
);

/** A replica set's condition, as {@link ReplicaSetCondition} decodes it. */
export type ReplicaSetCondition = t.TypeOf<typeof ReplicaSetCondition>;

/**
 * The codec of `appsv1.ReplicaSetStatus`: `replicas` is required, the rest optional, as
 * upstream; the counts are int32s, `observedGeneration` an int64; `conditions` is a map
 * list keyed by `type`.
 */
export const ReplicaSetStatus = withSchema(
  t.intersection([
    t.type({
      replicas: withSchema(Int32, {
        description: 'Replicas is the most recently observed number of non-terminating pods.',
      }),
    }),
    t.partial({
      fullyLabeledReplicas: withSchema(Int32, {
        description:
          'The number of non-terminating pods that have labels matching the labels of the pod ' +
          'template of the replicaset.',
      }),
      readyReplicas: withSchema(Int32, {
        description:
          'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.',
      }),
      availableReplicas: withSchema(Int32, {
        description:
          'The number of available non-terminating pods (ready for at least minReadySeconds) for ' +
          'this replica set.',
      }),
      terminatingReplicas: withSchema(Int32, {
        description:
          'The number of terminating pods for this replica set (with a deletionTimestamp and not ' +
          'yet failed or succeeded). Alpha: DeploymentReplicaSetTerminatingReplicas.',
      }),
      observedGeneration: withSchema(Int64, {
        description:
          'ObservedGeneration reflects the generation of the most recently observed ReplicaSet.',
      }),
      conditions: withSchema(t.array(ReplicaSetCondition), {
        description:
          "Represents the latest available observations of a replica set's current state.",
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['type'],
      }),
    }),
  ]),
  {
    description: 'ReplicaSetStatus represents the current status of a ReplicaSet.',
  },
  'ReplicaSetStatus',
);

/** A replica set's status, as {@link ReplicaSetStatus} decodes it. */
export type ReplicaSetStatus = t.TypeOf<typeof ReplicaSetStatus>;

/**
 * The codec of `appsv1.ReplicaSet` (`apps/v1`, namespaced): `metadata`, `spec` and
 * `status`, all optional. `apiVersion` and `kind` are the literals `apps/v1` and
 * `ReplicaSet`, optional in request bodies.
 */
export const ReplicaSet = withSchema(
  t.partial({
    ...typeMetaOf('apps/v1', 'ReplicaSet'),
    metadata: ObjectMeta,
    spec: withSchema(ReplicaSetSpec, {
      description: 'Spec defines the specification of the desired behavior of the ReplicaSet.',
    }),
    status: withSchema(ReplicaSetStatus, {
      description: 'Status is the most recently observed status of the ReplicaSet; read-only.',
    }),
  }),
  {
    description:
      'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
  },
  'ReplicaSet',
);

/** A replica set, as {@link ReplicaSet} decodes it. */
export type ReplicaSet = t.TypeOf<typeof ReplicaSet>;

/** The codec of `appsv1.ReplicaSetList`. */
export const ReplicaSetList = listOf({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSetList',
  item: ReplicaSet,
  description: 'ReplicaSetList is a collection of ReplicaSets.',
});

/** A list of replica sets, as {@link ReplicaSetList} decodes it. */
export type ReplicaSetList = t.TypeOf<typeof ReplicaSetList>;
