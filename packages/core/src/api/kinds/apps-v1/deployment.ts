/**
 * `appsv1.Deployment`: declarative updates for pods, through the ReplicaSets it rolls
 * out (all at once or rolling), with the status its controller reports.
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, Int32, Int64, IntOrString, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { MetaV1LabelSelector } from '../core-v1/affinity.js';
import { PodTemplateSpec } from '../core-v1/pod-template.js';
import { listOf, typeMetaOf } from '../kind-codec.js';

/**
 * The codec of `appsv1.RollingUpdateDeployment`: `maxUnavailable` and `maxSurge`, each
 * a number or a percentage ({@link IntOrString}), both optional (25% by default).
 */
export const RollingUpdateDeployment = withSchema(
  t.partial({
    maxUnavailable: withSchema(IntOrString, {
      description:
        'The maximum number of pods that can be unavailable during the update: an absolute number ' +
        '(ex: 5) or a percentage of desired pods (ex: 10%); defaults to 25%.',
    }),
    maxSurge: withSchema(IntOrString, {
      description:
        'The maximum number of pods that can be scheduled above the desired number of pods: an ' +
        'absolute number (ex: 5) or a percentage of desired pods (ex: 10%); defaults to 25%.',
    }),
  }),
  { description: 'Spec to control the desired behavior of rolling update.' },
  'RollingUpdateDeployment',
);

/** A rolling update's bounds, as {@link RollingUpdateDeployment} decodes them. */
export type RollingUpdateDeployment = t.TypeOf<typeof RollingUpdateDeployment>;

/**
 * The codec of `appsv1.DeploymentStrategy`: `type` (`Recreate` or `RollingUpdate`) and
 * `rollingUpdate`, both optional.
 */
export const DeploymentStrategy = withSchema(
  t.partial({
    type: withSchema(t.keyof({ Recreate: null, RollingUpdate: null }), {
      description: 'Type of deployment: "Recreate" or "RollingUpdate"; defaults to RollingUpdate.',
    }),
    rollingUpdate: withSchema(RollingUpdateDeployment, {
      description: 'Rolling update config params, present only if type is RollingUpdate.',
    }),
  }),
  {
    description: 'DeploymentStrategy describes how to replace existing pods with new ones.',
  },
  'DeploymentStrategy',
);

/** A deployment's strategy, as {@link DeploymentStrategy} decodes it. */
export type DeploymentStrategy = t.TypeOf<typeof DeploymentStrategy>;

/**
 * The codec of `appsv1.DeploymentSpec`: `selector` ({@link MetaV1LabelSelector}) and
 * `template` ({@link PodTemplateSpec}) are required; `replicas`, `strategy`,
 * `minReadySeconds`, `revisionHistoryLimit`, `paused` and `progressDeadlineSeconds`
 * optional, the numbers int32s.
 *
 * Caveats: that the selector matches the template's labels, and is not empty, is the
 * apiserver's validation, not decoding's.
 */
export const DeploymentSpec = withSchema(
  t.intersection([
    t.partial({
      replicas: withSchema(Int32, {
        description: 'Number of desired pods; defaults to 1.',
      }),
    }),
    t.type({
      selector: withSchema(MetaV1LabelSelector, {
        description:
          'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ' +
          "ones affected by this deployment; it must match the pod template's labels.",
      }),
      template: withSchema(PodTemplateSpec, {
        description:
          'Template describes the pods that will be created; its restartPolicy may only be Always.',
      }),
    }),
    t.partial({
      strategy: withSchema(DeploymentStrategy, {
        description: 'The deployment strategy to use to replace existing pods with new ones.',
      }),
      minReadySeconds: withSchema(Int32, {
        description:
          'Minimum number of seconds for which a newly created pod should be ready without any of ' +
          'its container crashing, for it to be considered available; defaults to 0.',
      }),
      revisionHistoryLimit: withSchema(Int32, {
        description: 'The number of old ReplicaSets to retain to allow rollback; defaults to 10.',
      }),
      paused: withSchema(t.boolean, {
        description: 'Indicates that the deployment is paused.',
      }),
      progressDeadlineSeconds: withSchema(Int32, {
        description:
          'The maximum time in seconds for a deployment to make progress before it is considered ' +
          'to be failed (condition Progressing=False, reason ProgressDeadlineExceeded); defaults to 600s.',
      }),
    }),
  ]),
  { description: 'DeploymentSpec is the specification of the desired behavior of the Deployment.' },
  'DeploymentSpec',
);

/** A deployment's spec, as {@link DeploymentSpec} decodes it. */
export type DeploymentSpec = t.TypeOf<typeof DeploymentSpec>;

// A metav1.Time that is not a pointer: Go writes its zero value as null.
const nullableTime = t.union([DateTime, t.null]);

/**
 * The codec of `appsv1.DeploymentCondition`: `type` and `status` are required, the rest
 * optional. `type` is a string (`Available`, `Progressing`, `ReplicaFailure`); `status`
 * is `True`, `False` or `Unknown`; both times also accept `null`.
 */
export const DeploymentCondition = withSchema(
  t.intersection([
    t.type({
      type: withSchema(t.string, { description: 'Type of deployment condition.' }),
      status: withSchema(t.keyof({ True: null, False: null, Unknown: null }), {
        description: 'Status of the condition, one of True, False, Unknown.',
      }),
    }),
    t.partial({
      lastUpdateTime: withSchema(nullableTime, {
        description: 'The last time this condition was updated.',
      }),
      lastTransitionTime: withSchema(nullableTime, {
        description: 'Last time the condition transitioned from one status to another.',
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
    description: 'DeploymentCondition describes the state of a deployment at a certain point.',
  },
  'DeploymentCondition',
);

/** A deployment's condition, as {@link DeploymentCondition} decodes it. */
export type DeploymentCondition = t.TypeOf<typeof DeploymentCondition>;

/**
 * The codec of `appsv1.DeploymentStatus`: every field optional, as upstream; the
 * counts are int32s, `observedGeneration` an int64; `conditions` is a map list keyed
 * by `type`.
 */
export const DeploymentStatus = withSchema(
  t.partial({
    observedGeneration: withSchema(Int64, {
      description: 'The generation observed by the deployment controller.',
    }),
    replicas: withSchema(Int32, {
      description:
        'Total number of non-terminating pods targeted by this deployment (their labels match the selector).',
    }),
    updatedReplicas: withSchema(Int32, {
      description:
        'Total number of non-terminating pods targeted by this deployment that have the desired template spec.',
    }),
    readyReplicas: withSchema(Int32, {
      description:
        'Total number of non-terminating pods targeted by this Deployment with a Ready Condition.',
    }),
    availableReplicas: withSchema(Int32, {
      description:
        'Total number of available non-terminating pods (ready for at least minReadySeconds) ' +
        'targeted by this deployment.',
    }),
    unavailableReplicas: withSchema(Int32, {
      description:
        'Total number of unavailable pods targeted by this deployment: the pods still needed for ' +
        'the deployment to have 100% available capacity.',
    }),
    terminatingReplicas: withSchema(Int32, {
      description:
        'Total number of terminating pods targeted by this deployment (with a deletionTimestamp ' +
        'and not yet failed or succeeded). Alpha: DeploymentReplicaSetTerminatingReplicas.',
    }),
    conditions: withSchema(t.array(DeploymentCondition), {
      description: "Represents the latest available observations of a deployment's current state.",
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    }),
    collisionCount: withSchema(Int32, {
      description:
        'Count of hash collisions for the Deployment, used as a collision avoidance mechanism ' +
        'when it needs to create the name for the newest ReplicaSet.',
    }),
  }),
  { description: 'DeploymentStatus is the most recently observed status of the Deployment.' },
  'DeploymentStatus',
);

/** A deployment's status, as {@link DeploymentStatus} decodes it. */
export type DeploymentStatus = t.TypeOf<typeof DeploymentStatus>;

/**
 * The codec of `appsv1.Deployment` (`apps/v1`, namespaced): `metadata`, `spec` and
 * `status`, all optional. `apiVersion` and `kind` are the literals `apps/v1` and
 * `Deployment`, optional in request bodies.
 */
export const Deployment = withSchema(
  t.partial({
    ...typeMetaOf('apps/v1', 'Deployment'),
    metadata: ObjectMeta,
    spec: withSchema(DeploymentSpec, {
      description: 'Specification of the desired behavior of the Deployment.',
    }),
    status: withSchema(DeploymentStatus, {
      description: 'Most recently observed status of the Deployment; read-only.',
    }),
  }),
  { description: 'Deployment enables declarative updates for Pods and ReplicaSets.' },
  'Deployment',
);

/** A deployment, as {@link Deployment} decodes it. */
export type Deployment = t.TypeOf<typeof Deployment>;

/** The codec of `appsv1.DeploymentList`. */
export const DeploymentList = listOf({
  apiVersion: 'apps/v1',
  kind: 'DeploymentList',
  item: Deployment,
  description: 'DeploymentList is a list of Deployments.',
});

/** A list of deployments, as {@link DeploymentList} decodes it. */
export type DeploymentList = t.TypeOf<typeof DeploymentList>;
