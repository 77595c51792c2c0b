/**
 * Semantic validation of a pod on create, as upstream's `ValidatePodCreate`
 * (`pkg/apis/core/validation`), for the fields drydock models.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Pod, PodSpec, Volume } from '../../api/kinds/core-v1/index.js';
import { validateContainerList, validateEnum } from './container-validation.js';
import {
  at,
  child,
  duplicate,
  forbidden,
  invalid,
  required,
  validateNonnegative,
} from './field-errors.js';
import { isDNS1123Label, isDNS1123Subdomain } from './name-rules.js';
import { validateLabels, validateObjectMeta } from './object-meta-validation.js';
import { validateTolerations } from './toleration-validation.js';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;
const INT32_MAX = 2 ** 31 - 1;

/**
 * The problems with a pod on create: its metadata (namespaced, name a DNS-1123
 * subdomain) and its spec (see {@link validatePodSpec}).
 *
 * Assumptions: the pod has been defaulted (`defaultPod`), as the apiserver defaults
 * before it validates: fields defaulting fills (`restartPolicy`, `dnsPolicy`, port
 * `protocol`, `imagePullPolicy`...) are `Required value` when missing.
 */
export function validatePod(pod: Pod): FieldError[] {
  return [
    ...validateObjectMeta(pod.metadata ?? {}, { namespaced: true, nameRule: 'subdomain' }),
    ...(pod.spec === undefined ? [required('spec')] : validatePodSpec(pod.spec, 'spec')),
  ];
}

/**
 * The problems with a pod spec: at least one container (`spec.containers: Required
 * value`); containers and init containers valid (see `validateContainerList`), with
 * names unique across both; volume names DNS-1123 labels, unique, with one source
 * each; `restartPolicy` and `dnsPolicy` set and supported;
 * `terminationGracePeriodSeconds` not negative; `activeDeadlineSeconds` from 1 to
 * 2^31 - 1; tolerations valid; `nodeSelector` a valid label map; `serviceAccountName`,
 * `nodeName`, `priorityClassName` and `schedulerName` DNS-1123 subdomains, `hostname` and
 * `subdomain` DNS-1123 labels.
 */
export function validatePodSpec(spec: PodSpec, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const volumeNames = validateVolumes(spec.volumes, child(path, 'volumes'), errors);
  const takenNames = new Set<string>(spec.containers.map((container) => container.name));
  errors.push(
    ...validateContainerList(spec.initContainers, {
      path: child(path, 'initContainers'),
      volumeNames,
      takenNames,
      init: true,
    }),
  );
  if (spec.containers.length === 0) {
    errors.push(required(child(path, 'containers')));
  }
  errors.push(
    ...validateContainerList(spec.containers, {
      path: child(path, 'containers'),
      volumeNames,
      takenNames: new Set(),
      init: false,
    }),
  );
  errors.push(...validateEnum(spec.restartPolicy, child(path, 'restartPolicy'), RESTART_POLICIES));
  errors.push(...validateEnum(spec.dnsPolicy, child(path, 'dnsPolicy'), DNS_POLICIES));
  errors.push(
    ...validateNonnegative(
      child(path, 'terminationGracePeriodSeconds'),
      spec.terminationGracePeriodSeconds,
    ),
  );
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && (deadline < 1 || deadline > INT32_MAX)) {
    errors.push(
      invalid(
        child(path, 'activeDeadlineSeconds'),
        deadline,
        `must be between 1 and ${INT32_MAX}, inclusive`,
      ),
    );
  }
  errors.push(...validateTolerations(spec.tolerations, child(path, 'tolerations')));
  errors.push(...validateLabels(spec.nodeSelector, child(path, 'nodeSelector')));
  const names = [
    ['serviceAccountName', spec.serviceAccountName, isDNS1123Subdomain],
    ['nodeName', spec.nodeName, isDNS1123Subdomain],
    ['priorityClassName', spec.priorityClassName, isDNS1123Subdomain],
    ['schedulerName', spec.schedulerName, isDNS1123Subdomain],
    ['hostname', spec.hostname, isDNS1123Label],
    ['subdomain', spec.subdomain, isDNS1123Label],
  ] as const;
  for (const [field, value, check] of names) {
    if (value !== undefined && value !== '') {
      for (const problem of check(value)) {
        errors.push(invalid(child(path, field), value, problem));
      }
    }
  }
  return errors;
}

// Validates the volumes into `errors`; the names of the valid ones, for volume mounts.
function validateVolumes(
  volumes: readonly Volume[] | undefined,
  path: string,
  errors: FieldError[],
): Set<string> {
  const names = new Set<string>();
  (volumes ?? []).forEach((volume, i) => {
    const item = at(path, i);
    const namePath = child(item, 'name');
    let valid = true;
    if (volume.name === '') {
      errors.push(required(namePath));
      valid = false;
    } else {
      for (const problem of isDNS1123Label(volume.name)) {
        errors.push(invalid(namePath, volume.name, problem));
        valid = false;
      }
    }
    if (valid && names.has(volume.name)) {
      errors.push(duplicate(namePath, volume.name));
    }
    const sources = Object.keys(volume).filter(
      (key) => key !== 'name' && (volume as Record<string, unknown>)[key] !== undefined,
    );
    if (sources.length === 0) {
      errors.push(required(item, 'must specify a volume type'));
    }
    for (const extra of sources.slice(1)) {
      errors.push(forbidden(child(item, extra), 'may not specify more than 1 volume type'));
    }
    if (valid) {
      names.add(volume.name);
    }
  });
  return names;
}
