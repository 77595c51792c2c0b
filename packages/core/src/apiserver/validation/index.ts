/**
 * Built-in semantic validation for the apiserver: what upstream's
 * `pkg/apis/core/validation` and `k8s.io/apimachinery/pkg/api/validation` check once an
 * object has decoded, worded as upstream's field errors (`metadata.name: Required
 * value: name or generateName is required`, `spec.containers[0].resources.requests:
 * Invalid value: "2": must be less than or equal to cpu limit of 1`).
 *
 * Every validator is pure: it reads the objects it is given, never changes them, and
 * returns the list of {@link FieldError}s, empty when the object is valid.
 *
 * @module
 */
export type { FieldError } from '../../api/codec/index.js';
export { validateConfigMap, validateConfigMapUpdate } from './config-map-validation.js';
export { validateLease } from './lease-validation.js';
export {
  DNS1123_LABEL_MAX_LENGTH,
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPortName,
  QUALIFIED_NAME_MAX_LENGTH,
  type NameRule,
} from './name-rules.js';
export { validateNamespace, validateNamespaceUpdate } from './namespace-validation.js';
export { validateNode } from './node-validation.js';
export {
  TOTAL_ANNOTATION_SIZE_LIMIT_BYTES,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type ObjectMetaValidationOptions,
} from './object-meta-validation.js';
export {
  POD_SPEC_UPDATE_FORBIDDEN_DETAIL,
  validatePodStatusUpdate,
  validatePodUpdate,
} from './pod-update-validation.js';
export { validatePod, validatePodSpec } from './pod-validation.js';
export { validateSecret, validateSecretUpdate } from './secret-validation.js';
