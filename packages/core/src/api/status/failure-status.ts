/**
 * Building a failure `Status` as the apiserver writes it.
 *
 * @module
 */
import type { Status, StatusCause, StatusDetails } from './status.js';
import type { StatusReason } from './status-reason.js';

/**
 * A resource and its API group, as upstream's `schema.GroupResource`: `pods` (the core
 * group), or `deployments` in `apps`.
 */
export interface GroupResource {
  /** The resource's plural name, such as `pods` or `deployments`. */
  readonly resource: string;
  /** The API group, such as `apps`; the core group (`''`) when absent. */
  readonly group?: string;
}

/**
 * `resource.group`, or `resource` alone in the core group, as upstream's
 * `GroupResource.String()` (and `GroupKind.String()`) writes it.
 */
export function qualifiedName(name: string, group: string | undefined): string {
  return group === undefined || group === '' ? name : `${name}.${group}`;
}

/** The details of a failure as given, before empty fields are left out. */
export interface DetailsInput {
  readonly name?: string;
  readonly group?: string | undefined;
  readonly kind?: string;
  readonly causes?: readonly StatusCause[];
  readonly retryAfterSeconds?: number;
}

/** The parts of a failure `Status`. */
export interface FailureParts {
  readonly code: number;
  readonly reason: StatusReason;
  readonly message: string;
  /** Present when upstream's constructor sets `details`, even if all its fields are empty. */
  readonly details?: DetailsInput;
}

/**
 * A `Status` with `status: 'Failure'`, as the apiserver writes it: `kind`,
 * `apiVersion` and an empty `metadata`, and `details` without its empty fields (Go's
 * `omitempty`), so it equals the decoded wire form.
 */
export function failureStatus(parts: FailureParts): Status {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: parts.message,
    reason: parts.reason,
    code: parts.code,
  };
  return parts.details === undefined ? status : { ...status, details: details(parts.details) };
}

function details(input: DetailsInput): StatusDetails {
  return {
    ...(input.name ? { name: input.name } : {}),
    ...(input.group ? { group: input.group } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.causes !== undefined && input.causes.length > 0 ? { causes: [...input.causes] } : {}),
    ...(input.retryAfterSeconds ? { retryAfterSeconds: input.retryAfterSeconds } : {}),
  };
}
