/**
 * Semantic validation of a container's `resources`, as upstream's
 * `ValidateContainerResourceRequirements`.
 *
 * @module
 */
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import type { FieldError } from '../../api/codec/index.js';
import type { ResourceRequirements } from '../../api/kinds/core-v1/index.js';
import {
  compareQuantities,
  formatQuantity,
  parseQuantity,
  type Quantity,
  type QuantityError,
} from '../../api/quantity/index.js';
import { at, child, fieldPath, invalid, required } from './field-errors.js';
import { isValidQualifiedNameFormat } from './name-format-scans.js';
import { isQualifiedName } from './name-rules.js';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

// Parsed quantities by text: a cluster's pods repeat a handful of quantities, and a
// parse is pure and its result immutable. Emptied whenever it fills, so it stays small.
const PARSED_QUANTITIES = new Map<string, Either<QuantityError, Quantity>>();
const PARSED_QUANTITIES_LIMIT = 1024;

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
  const errors: FieldError[] = [];
  validateResourceRequirementsInto(resources, path, '', errors);
  return errors;
}

/** {@link validateResourceRequirements} appending to `errors`, at `fieldPath(parent, name)`. */
export function validateResourceRequirementsInto(
  resources: ResourceRequirements | undefined,
  parent: string,
  name: string,
  errors: FieldError[],
): void {
  if (resources === undefined) {
    return;
  }
  const limitList = resources.limits;
  for (const resource in limitList) {
    checkQuantity(
      resource,
      limitList[resource] as string | number,
      { parent, name, list: 'limits' },
      errors,
    );
  }
  const requestList = resources.requests;
  for (const resource in requestList) {
    const request = checkQuantity(
      resource,
      requestList[resource] as string | number,
      { parent, name, list: 'requests' },
      errors,
    );
    if (request === undefined) {
      continue;
    }
    const limitValue = limitList?.[resource];
    const limit = limitValue === undefined ? undefined : usableQuantity(limitValue);
    if (limit !== undefined) {
      const order = compareQuantities(request, limit);
      if (order !== 0 && !isOvercommitAllowed(resource)) {
        errors.push(
          invalid(
            child(fieldPath(parent, name), 'requests'),
            formatQuantity(request),
            `must be equal to ${resource} limit of ${formatQuantity(limit)}`,
          ),
        );
      } else if (order > 0) {
        errors.push(
          invalid(
            child(fieldPath(parent, name), 'requests'),
            formatQuantity(request),
            `must be less than or equal to ${resource} limit of ${formatQuantity(limit)}`,
          ),
        );
      }
    } else if (!isOvercommitAllowed(resource) && !(resource in (limitList ?? {}))) {
      errors.push(
        required(
          child(fieldPath(parent, name), 'limits'),
          'Limit must be set for non overcommitable resources',
        ),
      );
    }
  }
}

// Where an entry's list is: `<fieldPath(parent, name)>.<list>`.
interface EntryListPath {
  readonly parent: string;
  readonly name: string;
  readonly list: 'limits' | 'requests';
}

// Checks the name and value of one entry of `path.list`; the
// parsed quantity when it is usable.
function checkQuantity(
  resource: string,
  value: string | number,
  path: EntryListPath,
  errors: FieldError[],
): Quantity | undefined {
  if (!isValidQualifiedNameFormat(resource)) {
    for (const problem of isQualifiedName(resource)) {
      errors.push(invalid(entryPath(path, resource), resource, problem));
    }
  }
  if (isNativeResource(resource) && !isStandardContainerResource(resource)) {
    errors.push(
      invalid(entryPath(path, resource), resource, 'must be a standard resource for containers'),
    );
  }
  const parsed = parseCachedQuantity(String(value));
  if (isLeft(parsed)) {
    errors.push(invalid(entryPath(path, resource), value, parsed.left.message));
    return undefined;
  }
  if (parsed.right.nanoValue < 0n) {
    errors.push(
      invalid(
        entryPath(path, resource),
        formatQuantity(parsed.right),
        'must be greater than or equal to 0',
      ),
    );
  }
  return parsed.right;
}

function entryPath(path: EntryListPath, resource: string): string {
  return at(child(fieldPath(path.parent, path.name), path.list), resource);
}

// The quantity `checkQuantity` returns for a limit, without reporting its problems again.
function usableQuantity(value: string | number): Quantity | undefined {
  const parsed = parseCachedQuantity(String(value));
  return isLeft(parsed) ? undefined : parsed.right;
}

function parseCachedQuantity(text: string): Either<QuantityError, Quantity> {
  const cached = PARSED_QUANTITIES.get(text);
  if (cached !== undefined) {
    return cached;
  }
  const parsed = parseQuantity(text);
  if (PARSED_QUANTITIES.size >= PARSED_QUANTITIES_LIMIT) {
    PARSED_QUANTITIES.clear();
  }
  PARSED_QUANTITIES.set(text, parsed);
  return parsed;
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
