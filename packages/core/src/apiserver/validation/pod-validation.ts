/**
 * Semantic validation of a pod on create, as upstream's `ValidatePodCreate`
 * (`pkg/apis/core/validation`), for the fields drydock models.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Pod, PodSpec, Volume } from '../../api/kinds/core-v1/index.js';
import { validateContainerListInto, validateEnumInto } from './container-validation.js';
import { at, child, duplicate, forbidden, invalid, required } from './field-errors.js';
import { validateLabelsInto } from './meta-collections-validation.js';
import { isValidDNS1123Label, isValidDNS1123Subdomain } from './name-format-scans.js';
import { isDNS1123Label, isDNS1123Subdomain } from './name-rules.js';
import { validateObjectMetaInto } from './object-meta-validation.js';
import { validateTolerationsInto } from './toleration-validation.js';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;
const INT32_MAX = 2 ** 31 - 1;
const META_OPTIONS = { namespaced: true, nameRule: 'subdomain' } as const;

/**
 * The problems with a pod on create: its metadata (namespaced, name a DNS-1123
 * subdomain) and its spec (see {@link validatePodSpec}).
 *
 * Assumptions: the pod has been defaulted (`defaultPod`), as the apiserver defaults
 * before it validates: fields defaulting fills (`restartPolicy`, `dnsPolicy`, port
 * `protocol`, `imagePullPolicy`...) are `Required value` when missing.
 */
export function validatePod(pod: Pod): FieldError[] {
  const errors: FieldError[] = [];
  validateObjectMetaInto(pod.metadata ?? {}, META_OPTIONS, errors);
  if (pod.spec === undefined) {
    errors.push(required('spec'));
  } else {
    validatePodSpecInto(pod.spec, 'spec', errors);
  }
  return errors;
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
  validatePodSpecInto(spec, path, errors);
  return errors;
}

/** {@link validatePodSpec} appending its problems to `errors`. */
export function validatePodSpecInto(spec: PodSpec, path: string, errors: FieldError[]): void {
  const volumeNames = validateVolumes(spec.volumes, path, errors);
  const containers = spec.containers;
  const takenNames = new Set<string>();
  for (const container of containers) {
    takenNames.add(container.name);
  }
  if (spec.initContainers !== undefined) {
    validateContainerListInto(
      spec.initContainers,
      {
        path: child(path, 'initContainers'),
        volumeNames,
        takenNames,
        init: true,
      },
      errors,
    );
  }
  const containersPath = child(path, 'containers');
  if (containers.length === 0) {
    errors.push(required(containersPath));
  }
  validateContainerListInto(
    containers,
    {
      path: containersPath,
      volumeNames,
      takenNames: new Set(),
      init: false,
    },
    errors,
  );
  validateEnumInto(spec.restartPolicy, path, 'restartPolicy', RESTART_POLICIES, errors);
  validateEnumInto(spec.dnsPolicy, path, 'dnsPolicy', DNS_POLICIES, errors);
  const grace = spec.terminationGracePeriodSeconds;
  if (grace !== undefined && grace < 0) {
    errors.push(
      invalid(
        child(path, 'terminationGracePeriodSeconds'),
        grace,
        'must be greater than or equal to 0',
      ),
    );
  }
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
  validateTolerationsInto(spec.tolerations, path, 'tolerations', errors);
  validateLabelsInto(spec.nodeSelector, path, 'nodeSelector', errors);
  checkSubdomain(spec.serviceAccountName, path, 'serviceAccountName', errors);
  checkSubdomain(spec.nodeName, path, 'nodeName', errors);
  checkSubdomain(spec.priorityClassName, path, 'priorityClassName', errors);
  checkSubdomain(spec.schedulerName, path, 'schedulerName', errors);
  checkLabel(spec.hostname, path, 'hostname', errors);
  checkLabel(spec.subdomain, path, 'subdomain', errors);
}

// A set field that must be a DNS-1123 subdomain.
function checkSubdomain(
  value: string | undefined,
  parent: string,
  name: string,
  errors: FieldError[],
): void {
  if (value !== undefined && value !== '' && !isValidDNS1123Subdomain(value)) {
    for (const problem of isDNS1123Subdomain(value)) {
      errors.push(invalid(child(parent, name), value, problem));
    }
  }
}

// A set field that must be a DNS-1123 label.
function checkLabel(
  value: string | undefined,
  parent: string,
  name: string,
  errors: FieldError[],
): void {
  if (value !== undefined && value !== '' && !isValidDNS1123Label(value)) {
    for (const problem of isDNS1123Label(value)) {
      errors.push(invalid(child(parent, name), value, problem));
    }
  }
}

// Validates the volumes (at `<specPath>.volumes`) into `errors`; the names of the valid
// ones, for volume mounts.
function validateVolumes(
  volumes: readonly Volume[] | undefined,
  specPath: string,
  errors: FieldError[],
): Set<string> {
  const names = new Set<string>();
  if (volumes === undefined) {
    return names;
  }
  for (let i = 0; i < volumes.length; i++) {
    const volume = volumes[i] as Volume;
    const name = volume.name;
    let valid = true;
    if (name === '') {
      errors.push(required(volumeField(specPath, i, 'name')));
      valid = false;
    } else if (!isValidDNS1123Label(name)) {
      for (const problem of isDNS1123Label(name)) {
        errors.push(invalid(volumeField(specPath, i, 'name'), name, problem));
        valid = false;
      }
    }
    if (valid && names.has(name)) {
      errors.push(duplicate(volumeField(specPath, i, 'name'), name));
    }
    let sources = 0;
    for (const key in volume) {
      if (key !== 'name' && (volume as Record<string, unknown>)[key] !== undefined) {
        sources++;
      }
    }
    if (sources !== 1) {
      reportVolumeSources(volume, specPath, i, errors);
    }
    if (valid) {
      names.add(name);
    }
  }
  return names;
}

// The source problems of a volume with no source or more than one.
function reportVolumeSources(
  volume: Volume,
  specPath: string,
  index: number,
  errors: FieldError[],
): void {
  const item = at(child(specPath, 'volumes'), index);
  const sources = Object.keys(volume).filter(
    (key) => key !== 'name' && (volume as Record<string, unknown>)[key] !== undefined,
  );
  if (sources.length === 0) {
    errors.push(required(item, 'must specify a volume type'));
  }
  for (const extra of sources.slice(1)) {
    errors.push(forbidden(child(item, extra), 'may not specify more than 1 volume type'));
  }
}

function volumeField(specPath: string, index: number, name: string): string {
  return child(at(child(specPath, 'volumes'), index), name);
}
