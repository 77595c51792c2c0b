/**
 * Validation of the `apps/v1` workloads: their selector, template and replicas, as
 * upstream's `ValidateDeployment` and `ValidateReplicaSet` check them (essentials).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { FieldError } from '../../api/codec/index.js';
import type { Deployment, ReplicaSet } from '../../api/kinds/apps-v1/index.js';
import type { PodTemplateSpec } from '../../api/kinds/core-v1/index.js';
import { labelSelectorAsSelector, type LabelSelectorObject } from '../../api/selectors/index.js';
import { invalid, jsonEqual, required } from './field-errors.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation.js';
import { validatePodSpec } from './pod-validation.js';

const META_OPTIONS = { namespaced: true, nameRule: 'subdomain' } as const;

/**
 * The problems with a workload's spec: `replicas` not negative; a non-empty
 * `selector` that matches the template's labels; a template with a valid pod spec.
 */
function validateWorkloadSpec(spec: {
  readonly replicas?: number;
  readonly selector: LabelSelectorObject;
  readonly template?: PodTemplateSpec;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (spec.replicas !== undefined && spec.replicas < 0) {
    errors.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  const selector = labelSelectorAsSelector(spec.selector, { path: 'spec.selector' });
  if (isLeft(selector)) {
    errors.push(invalid('spec.selector', spec.selector, selector.left.message));
  } else if (selector.right.isEverything) {
    errors.push(
      invalid('spec.selector', spec.selector, 'empty selector is invalid for deployment'),
    );
  }
  const template = spec.template;
  if (template === undefined) {
    errors.push(required('spec.template'));
    return errors;
  }
  const labels = template.metadata?.labels;
  if (
    isLeft(selector) === false &&
    !selector.right.isEverything &&
    !selector.right.matches(labels ?? {})
  ) {
    errors.push(
      invalid(
        'spec.template.metadata.labels',
        labels ?? {},
        '`selector` does not match template `labels`',
      ),
    );
  }
  if (template.spec === undefined) {
    errors.push(required('spec.template.spec'));
  } else {
    errors.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  }
  return errors;
}

/** The problems with a deployment on create. */
export function validateDeployment(deployment: Deployment): FieldError[] {
  return [
    ...validateObjectMeta(deployment.metadata ?? {}, META_OPTIONS),
    ...(deployment.spec === undefined ? [required('spec')] : validateWorkloadSpec(deployment.spec)),
  ];
}

/** The problems with a deployment update: as on create, and `spec.selector` is immutable. */
export function validateDeploymentUpdate(deployment: Deployment, old: Deployment): FieldError[] {
  return [
    ...validateObjectMetaUpdate(deployment.metadata ?? {}, old.metadata ?? {}, META_OPTIONS),
    ...(deployment.spec === undefined ? [required('spec')] : validateWorkloadSpec(deployment.spec)),
    ...immutableSelector(deployment.spec?.selector, old.spec?.selector),
  ];
}

/** The problems with a replica set on create. */
export function validateReplicaSet(replicaSet: ReplicaSet): FieldError[] {
  return [
    ...validateObjectMeta(replicaSet.metadata ?? {}, META_OPTIONS),
    ...(replicaSet.spec === undefined ? [required('spec')] : validateWorkloadSpec(replicaSet.spec)),
  ];
}

/** The problems with a replica set update: as on create, and `spec.selector` is immutable. */
export function validateReplicaSetUpdate(replicaSet: ReplicaSet, old: ReplicaSet): FieldError[] {
  return [
    ...validateObjectMetaUpdate(replicaSet.metadata ?? {}, old.metadata ?? {}, META_OPTIONS),
    ...(replicaSet.spec === undefined ? [required('spec')] : validateWorkloadSpec(replicaSet.spec)),
    ...immutableSelector(replicaSet.spec?.selector, old.spec?.selector),
  ];
}

function immutableSelector(selector: unknown, old: unknown): FieldError[] {
  return jsonEqual(selector, old) ? [] : [invalid('spec.selector', selector, 'field is immutable')];
}
