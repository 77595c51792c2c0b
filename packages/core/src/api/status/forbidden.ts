/**
 * 401 `Unauthorized` and 403 `Forbidden`: who may not do what.
 *
 * @module
 */
import { failureStatus, qualifiedName } from './failure-status.js';
import type { Status } from './status.js';

/** A request for a resource that the authorizer denied, as its attributes describe it. */
export interface ForbiddenResourceRequest {
  /** The user's name, such as `alice` or `system:serviceaccount:default:builder`. */
  readonly user: string;
  /** The verb, such as `list` or `create`. */
  readonly verb: string;
  /** The resource, such as `pods`. */
  readonly resource: string;
  /** The subresource, such as `status` or `log`; none when absent. */
  readonly subresource?: string;
  /** The API group; the core group (`""`) when absent. */
  readonly group?: string;
  /** The namespace; the request is cluster-scoped when absent. */
  readonly namespace?: string;
  /** The object's name, for a request about one object. */
  readonly name?: string;
  /** Why the authorizer said no (such as `RBAC: ...`); appended after `: ` when present. */
  readonly reason?: string;
}

/** A request for a path outside the resource API (such as `/healthz`) that was denied. */
export interface ForbiddenPathRequest {
  /** The user's name. */
  readonly user: string;
  /** The verb, such as `get`. */
  readonly verb: string;
  /** The path requested. */
  readonly path: string;
  /** Why the authorizer said no; appended after `: ` when present. */
  readonly reason?: string;
}

/**
 * 403 `Forbidden`, worded as the apiserver words an authorizer's denial (its
 * `forbiddenMessage`, then upstream's `NewForbidden`):
 *
 * - `pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"`;
 * - with a name: `pods "x" is forbidden: User "alice" cannot get resource "pods" ...`;
 * - cluster-scoped: `nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope`;
 * - a subresource is named `pods/log` in the sentence; the qualified resource stays `pods`;
 * - a non-resource path: `forbidden: User "alice" cannot get path "/healthz"`.
 *
 * `details` names the resource (`kind`), `group` and object `name`, as upstream.
 */
export function forbidden(request: ForbiddenResourceRequest | ForbiddenPathRequest): Status {
  const user = JSON.stringify(request.user);
  if ('path' in request) {
    const denial = withReason(
      `User ${user} cannot ${request.verb} path ${JSON.stringify(request.path)}`,
      request.reason,
    );
    return failureStatus({
      code: 403,
      reason: 'Forbidden',
      message: `forbidden: ${denial}`,
      details: {},
    });
  }
  const resource =
    request.subresource === undefined || request.subresource === ''
      ? request.resource
      : `${request.resource}/${request.subresource}`;
  const scope =
    request.namespace === undefined || request.namespace === ''
      ? 'at the cluster scope'
      : `in the namespace ${JSON.stringify(request.namespace)}`;
  const denial = withReason(
    `User ${user} cannot ${request.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(
      request.group ?? '',
    )} ${scope}`,
    request.reason,
  );
  const qualified = qualifiedName(request.resource, request.group);
  const subject =
    request.name === undefined || request.name === ''
      ? qualified
      : `${qualified} ${JSON.stringify(request.name)}`;
  return failureStatus({
    code: 403,
    reason: 'Forbidden',
    message: `${subject} is forbidden: ${denial}`,
    details: {
      ...(request.name === undefined ? {} : { name: request.name }),
      group: request.group,
      kind: request.resource,
    },
  });
}

function withReason(message: string, reason: string | undefined): string {
  return reason === undefined || reason === '' ? message : `${message}: ${reason}`;
}

/**
 * 401 `Unauthorized` (upstream's `NewUnauthorized`): the message given, or `not
 * authorized`. (The apiserver's authentication filter sends `Unauthorized`.) No
 * `details`.
 */
export function unauthorized(options: { readonly message?: string } = {}): Status {
  return failureStatus({
    code: 401,
    reason: 'Unauthorized',
    message:
      options.message === undefined || options.message === '' ? 'not authorized' : options.message,
  });
}
