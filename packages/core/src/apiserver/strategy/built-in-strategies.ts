/**
 * The strategies of the built-in resources: each kind's codec with its defaulting,
 * validation and lifecycle hooks.
 *
 * @module
 */
import * as t from 'io-ts';
import type { ResourceDefinition } from '../../api/registry/index.js';
import { Deployment, ReplicaSet } from '../../api/kinds/apps-v1/index.js';
import { CustomResourceDefinition } from '../../api/kinds/apiextensions-v1/index.js';
import {
  SelfSubjectAccessReview,
  SubjectAccessReview,
} from '../../api/kinds/authorization-v1/index.js';
import { Lease } from '../../api/kinds/coordination-v1/index.js';
import {
  ConfigMap,
  Endpoints,
  Event,
  Namespace,
  Node,
  Pod,
  Secret,
  ServiceAccount,
} from '../../api/kinds/core-v1/index.js';
import { EndpointSlice } from '../../api/kinds/discovery-v1/index.js';
import {
  ClusterRole,
  ClusterRoleBinding,
  Role,
  RoleBinding,
} from '../../api/kinds/rbac-v1/index.js';
import { validateCustomResourceDefinition } from '../crd/index.js';
import { defaultDeployment, defaultReplicaSet } from '../defaulting/apps-defaults.js';
import { defaultNamespace, defaultNode, defaultPod, defaultSecret } from '../defaulting/index.js';
import {
  validateDeployment,
  validateDeploymentUpdate,
  validateReplicaSet,
  validateReplicaSetUpdate,
} from '../validation/apps-validation.js';
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateLease,
  validateNamespace,
  validateNamespaceUpdate,
  validateNode,
  validatePod,
  validatePodStatusUpdate,
  validatePodUpdate,
  validateSecret,
  validateSecretUpdate,
} from '../validation/index.js';
import { CUSTOM_RESOURCE_CLEANUP_FINALIZER } from '../customresources/custom-resource-definitions.js';
import { serviceStrategy } from '../service-allocation/service-strategy.js';
import { POD_COLUMNS } from '../table/pod-columns.js';
import { withFields } from '../object-copy.js';
import { codecStrategy } from './codec-strategy.js';
import { podGracePeriodSeconds, preparePodForCreate } from './pod-lifecycle.js';
import type { ResourceStrategy } from './resource-strategy.js';

/** The strategies of the built-in resources, by `group/plural`, built on first use. */
const BUILT_IN: Readonly<Record<string, () => ResourceStrategy>> = {
  '/namespaces': () =>
    codecStrategy({
      codec: Namespace,
      nameRule: 'label',
      // Deleting a namespace waits for its `spec.finalizers` (`kubernetes`), which the
      // namespace controller removes through `finalize` once the namespace is empty.
      holdsDeletion: (namespace) => (namespace.spec?.finalizers ?? []).length > 0,
      prepareForDeletion: (namespace) =>
        withFields(namespace, {
          status: withFields(namespace.status ?? {}, { phase: 'Terminating' }),
        }),
      applyDefaults: defaultNamespace,
      validate: validateNamespace,
      validateUpdate: validateNamespaceUpdate,
    }),
  '/pods': () =>
    codecStrategy({
      codec: Pod,
      applyDefaults: defaultPod,
      prepareForCreate: preparePodForCreate,
      validate: validatePod,
      validateUpdate: validatePodUpdate,
      validateStatusUpdate: validatePodStatusUpdate,
      gracePeriodSeconds: podGracePeriodSeconds,
      printerColumns: POD_COLUMNS,
    }),
  '/nodes': () =>
    codecStrategy({ codec: Node, applyDefaults: defaultNode, validate: validateNode }),
  // Allocation needs the cluster's allocators: `startApiServer` installs that strategy.
  '/services': () => serviceStrategy(),
  '/endpoints': () => codecStrategy({ codec: Endpoints }),
  '/configmaps': () =>
    codecStrategy({
      codec: ConfigMap,
      validate: validateConfigMap,
      validateUpdate: validateConfigMapUpdate,
    }),
  '/secrets': () =>
    codecStrategy({
      codec: Secret,
      applyDefaults: defaultSecret,
      validate: validateSecret,
      validateUpdate: validateSecretUpdate,
    }),
  '/events': () => codecStrategy({ codec: Event }),
  '/serviceaccounts': () => codecStrategy({ codec: ServiceAccount }),
  'apps/deployments': () =>
    codecStrategy({
      codec: Deployment,
      tracksGeneration: true,
      applyDefaults: defaultDeployment,
      validate: validateDeployment,
      validateUpdate: validateDeploymentUpdate,
    }),
  'apps/replicasets': () =>
    codecStrategy({
      codec: ReplicaSet,
      tracksGeneration: true,
      applyDefaults: defaultReplicaSet,
      validate: validateReplicaSet,
      validateUpdate: validateReplicaSetUpdate,
    }),
  'discovery.k8s.io/endpointslices': () => codecStrategy({ codec: EndpointSlice }),
  'coordination.k8s.io/leases': () => codecStrategy({ codec: Lease, validate: validateLease }),
  'rbac.authorization.k8s.io/roles': () => codecStrategy({ codec: Role, nameRule: 'path-segment' }),
  'rbac.authorization.k8s.io/clusterroles': () =>
    codecStrategy({ codec: ClusterRole, nameRule: 'path-segment' }),
  'rbac.authorization.k8s.io/rolebindings': () =>
    codecStrategy({ codec: RoleBinding, nameRule: 'path-segment' }),
  'rbac.authorization.k8s.io/clusterrolebindings': () =>
    codecStrategy({ codec: ClusterRoleBinding, nameRule: 'path-segment' }),
  'apiextensions.k8s.io/customresourcedefinitions': () =>
    codecStrategy({
      codec: CustomResourceDefinition,
      tracksGeneration: true,
      prepareForCreate: (crd) => ({
        ...crd,
        metadata: {
          ...crd.metadata,
          finalizers: [
            ...new Set([...(crd.metadata?.finalizers ?? []), CUSTOM_RESOURCE_CLEANUP_FINALIZER]),
          ],
        },
      }),
      validate: (crd) => validateCustomResourceDefinition(crd),
    }),
  'authorization.k8s.io/subjectaccessreviews': () => codecStrategy({ codec: SubjectAccessReview }),
  'authorization.k8s.io/selfsubjectaccessreviews': () =>
    codecStrategy({ codec: SelfSubjectAccessReview }),
};

/** Any JSON object, for resources registered without a codec or strategy. */
const AnyObject = t.UnknownRecord;

/**
 * The strategy of a resource: its built-in one, or else one from its codec (any
 * object when it has none), without defaults or validation beyond metadata.
 */
export function builtInStrategy(definition: ResourceDefinition): ResourceStrategy {
  const builtIn = BUILT_IN[`${definition.group}/${definition.plural}`];
  if (builtIn !== undefined && definition.version === 'v1') {
    return builtIn();
  }
  return codecStrategy({
    codec: (definition.codec ?? AnyObject) as t.Type<unknown, unknown, unknown>,
    strategicMerge: definition.codec !== undefined,
  });
}
