/**
 * Whether one policy rule allows one request, as upstream's `RuleAllows` and the
 * matchers of `pkg/apis/rbac/v1/evaluation_helpers.go`.
 *
 * Every function here is pure and allocates nothing: the authorizer runs them for
 * every request.
 *
 * @module
 */
import type { PolicyRule } from '../../api/kinds/rbac-v1/index.js';
import type { AuthorizationAttributes } from './authorization-attributes.js';

/** `'*'`: every verb, API group, resource or non-resource URL. */
export const RBAC_WILDCARD = '*';

/** Whether the rule's `verbs` hold the verb or `*`. */
export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return includesOrWildcard(rule.verbs, verb);
}

/** Whether the rule's `apiGroups` hold the group (`""` for the core group) or `*`. */
export function apiGroupMatches(rule: PolicyRule, apiGroup: string): boolean {
  return includesOrWildcard(rule.apiGroups, apiGroup);
}

/**
 * Whether the rule's `resources` cover the resource and subresource (`""` for none):
 * `*` covers everything, `pods` only `pods` itself, `pods/log` only that subresource,
 * and `*\/log` the `log` subresource of every resource. (`pods/*` is not a pattern: it
 * covers only a subresource named `*`.)
 */
export function resourceMatches(rule: PolicyRule, resource: string, subresource: string): boolean {
  const resources = rule.resources ?? [];
  for (const ruleResource of resources) {
    if (ruleResource === RBAC_WILDCARD) {
      return true;
    }
    if (subresource === '') {
      if (ruleResource === resource) {
        return true;
      }
      continue;
    }
    if (isCombinedResource(ruleResource, resource, subresource)) {
      return true;
    }
    if (
      ruleResource.length === subresource.length + 2 &&
      ruleResource.startsWith('*/') &&
      ruleResource.endsWith(subresource)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Whether the rule's `resourceNames` allow the name: an empty or absent list allows
 * every request; a non-empty list only requests about one of its objects.
 *
 * Caveats: a request without a name (create, list, watch, deletecollection) never
 * matches a non-empty list, even one holding `""` (upstream would compare `""` as a
 * name; we read a restricted rule as never granting name-less requests).
 */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames;
  if (names === undefined || names.length === 0) {
    return true;
  }
  return name !== '' && names.includes(name);
}

/**
 * Whether the rule's `nonResourceURLs` cover the path: `*` covers every path, an entry
 * ending in `*` every path starting with what precedes the `*`s (`/healthz*` covers
 * `/healthz` and `/healthz/ready`), and any other entry that exact path.
 */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  const urls = rule.nonResourceURLs ?? [];
  for (const ruleURL of urls) {
    if (ruleURL === RBAC_WILDCARD || ruleURL === path) {
      return true;
    }
    if (ruleURL.endsWith(RBAC_WILDCARD) && startsWithPrefixOf(path, ruleURL)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether the rule allows the request: for a resource request, its verb, API group,
 * resource (with subresource) and name all match; for a non-resource request, its
 * verb and path.
 */
export function ruleAllows(attributes: AuthorizationAttributes, rule: PolicyRule): boolean {
  if (!verbMatches(rule, attributes.verb)) {
    return false;
  }
  if (!attributes.resourceRequest) {
    return nonResourceURLMatches(rule, attributes.path ?? '');
  }
  return (
    apiGroupMatches(rule, attributes.apiGroup ?? '') &&
    resourceMatches(rule, attributes.resource ?? '', attributes.subresource ?? '') &&
    resourceNameMatches(rule, attributes.name ?? '')
  );
}

/** Whether any of the rules allows the request. */
export function rulesAllow(
  attributes: AuthorizationAttributes,
  rules: readonly PolicyRule[],
): boolean {
  for (const rule of rules) {
    if (ruleAllows(attributes, rule)) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

function includesOrWildcard(values: readonly string[] | undefined, value: string): boolean {
  if (values === undefined) {
    return false;
  }
  for (const candidate of values) {
    if (candidate === RBAC_WILDCARD || candidate === value) {
      return true;
    }
  }
  return false;
}

/** `ruleResource === resource + '/' + subresource`, without building the right side. */
function isCombinedResource(ruleResource: string, resource: string, subresource: string): boolean {
  return (
    ruleResource.length === resource.length + 1 + subresource.length &&
    ruleResource.charCodeAt(resource.length) === SLASH &&
    ruleResource.startsWith(resource) &&
    ruleResource.endsWith(subresource)
  );
}

const SLASH = 0x2f;
const STAR = 0x2a;

/** Whether `path` starts with `pattern` less its trailing `*`s, without slicing. */
function startsWithPrefixOf(path: string, pattern: string): boolean {
  let prefixLength = pattern.length;
  while (prefixLength > 0 && pattern.charCodeAt(prefixLength - 1) === STAR) {
    prefixLength--;
  }
  if (path.length < prefixLength) {
    return false;
  }
  for (let index = 0; index < prefixLength; index++) {
    if (path.charCodeAt(index) !== pattern.charCodeAt(index)) {
      return false;
    }
  }
  return true;
}
