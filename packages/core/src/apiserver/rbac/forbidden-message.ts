/**
 * The sentence a denied request's 403 carries, as upstream's `forbiddenMessage`
 * (`staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go`).
 *
 * @module
 */
import type { ForbiddenPathRequest, ForbiddenResourceRequest } from '../../api/status/index.js';
import type { AuthorizationAttributes } from './authorization-attributes.js';

/**
 * Why a request is forbidden, in upstream's words:
 * - `User "alice" cannot list resource "pods" in API group "" in the namespace "default"`;
 * - a subresource joins its resource: `... cannot get resource "pods/log" ...`;
 * - without a namespace: `... cannot create resource "namespaces" in API group "" at the cluster scope`;
 * - a non-resource request: `User "bob" cannot get path "/healthz"`.
 *
 * The user is named as authenticated (`system:anonymous` for an anonymous request).
 * The apiserver's `forbidden` status helper words the same sentence from
 * {@link forbiddenRequestOf}, prefixed with `pods is forbidden: `.
 *
 * Caveats: strings are quoted as JSON (Go's `%q` differs only for control and
 * non-printable characters); upstream's escaping of `&`, `<` and `>` in the response
 * is left to the response writer.
 */
export function forbiddenMessage(attributes: AuthorizationAttributes): string {
  const user = JSON.stringify(attributes.user.name);
  if (!attributes.resourceRequest) {
    return `User ${user} cannot ${attributes.verb} path ${JSON.stringify(attributes.path ?? '')}`;
  }
  const subresource = attributes.subresource ?? '';
  const resource = (attributes.resource ?? '') + (subresource === '' ? '' : `/${subresource}`);
  const namespace = attributes.namespace ?? '';
  const scope =
    namespace === '' ? 'at the cluster scope' : `in the namespace ${JSON.stringify(namespace)}`;
  return (
    `User ${user} cannot ${attributes.verb} resource ${JSON.stringify(resource)} ` +
    `in API group ${JSON.stringify(attributes.apiGroup ?? '')} ${scope}`
  );
}

/**
 * The denied request as the `forbidden` status helper takes it, with the authorizer's
 * reason (appended after `: ` when not empty, as upstream): its message is then
 * `<resource>[ "<name>"] is forbidden: ` followed by {@link forbiddenMessage} (or
 * `forbidden: ` for a path).
 */
export function forbiddenRequestOf(
  attributes: AuthorizationAttributes,
  reason = '',
): ForbiddenResourceRequest | ForbiddenPathRequest {
  const withReason = reason === '' ? {} : { reason };
  if (!attributes.resourceRequest) {
    return {
      user: attributes.user.name,
      verb: attributes.verb,
      path: attributes.path ?? '',
      ...withReason,
    };
  }
  return {
    user: attributes.user.name,
    verb: attributes.verb,
    resource: attributes.resource ?? '',
    ...optional('subresource', attributes.subresource),
    ...optional('group', attributes.apiGroup),
    ...optional('namespace', attributes.namespace),
    ...optional('name', attributes.name),
    ...withReason,
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}
