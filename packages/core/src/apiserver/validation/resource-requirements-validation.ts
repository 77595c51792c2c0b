/**
 * Semantic validation of a container's `resources`, as upstream's
 * `ValidateContainerResourceRequirements`.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { FieldError } from '../../api/codec/index.js';
import type { ResourceRequirements } from '../../api/kinds/core-v1/index.js';
import {
  compareQuantities,
  formatQuantity,
  parseQuantity,
  type Quantity,
} from '../../api/quantity/index.js';
import { at, child, invalid, required } from './field-errors.js';
import { isQualifiedName } from './name-rules.js';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/**
 * The problems with a container's resource requirements: names are qualified names
 * and, when native (no prefix, or a `kubernetes.io/` one), standard container resources
 * (`cpu`, `memory`, `ephemeral-storage`, `hugepages-*`); quantities are not negative; each
 * request is at most its limit (`Invalid value: "2": must be less than or equal to cpu
 * limit of 1`), and equal to it for resources that cannot be overcommitted (huge pages
 * and extended resources), which must then have a limit.
 *
 * Caveats: as upstream, the request-versus-limit problems are reported at
 * `<path>.requests`, with the request in its canonical form.
 */
export function validateResourceRequirements(
  resources: ResourceRequirements | undefined,
  path: string,
): FieldError[] {
  if (resources === undefined) {
    return [];
  }
  const errors: FieldError[] = [];
  const limitsPath = child(path, 'limits');
  const requestsPath = child(path, 'requests');
  const limits = new Map<string, Quantity>();
  for (const [name, value] of Object.entries(resources.limits ?? {})) {
    const parsed = checkQuantity(name, value, at(limitsPath, name), errors);
    if (parsed !== undefined) {
      limits.set(name, parsed);
    }
  }
  for (const [name, value] of Object.entries(resources.requests ?? {})) {
    const request = checkQuantity(name, value, at(requestsPath, name), errors);
    const limit = limits.get(name);
    if (request === undefined) {
      continue;
    }
    if (limit !== undefined) {
      const order = compareQuantities(request, limit);
      if (order !== 0 && !isOvercommitAllowed(name)) {
        errors.push(
          invalid(
            requestsPath,
            formatQuantity(request),
            `must be equal to ${name} limit of ${formatQuantity(limit)}`,
          ),
        );
      } else if (order > 0) {
        errors.push(
          invalid(
            requestsPath,
            formatQuantity(request),
            `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`,
          ),
        );
      }
    } else if (!isOvercommitAllowed(name) && !(name in (resources.limits ?? {}))) {
      errors.push(required(limitsPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errors;
}

// Checks the name and value of one entry; the parsed quantity when it is usable.
function checkQuantity(
  name: string,
  value: string | number,
  path: string,
  errors: FieldError[],
): Quantity | undefined {
  for (const problem of isQualifiedName(name)) {
    errors.push(invalid(path, name, problem));
  }
  if (isNativeResource(name) && !isStandardContainerResource(name)) {
    errors.push(invalid(path, name, 'must be a standard resource for containers'));
  }
  const parsed = parseQuantity(String(value));
  if (isLeft(parsed)) {
    errors.push(invalid(path, value, parsed.left.message));
    return undefined;
  }
  if (parsed.right.nanoValue < 0n) {
    errors.push(invalid(path, formatQuantity(parsed.right), 'must be greater than or equal to 0'));
  }
  return parsed.right;
}

function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function isStandardContainerResource(name: string): boolean {
  return STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith('hugepages-');
}

function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !name.startsWith('hugepages-');
}
