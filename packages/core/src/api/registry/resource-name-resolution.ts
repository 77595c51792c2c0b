/**
 * Resolving a name typed on the command line to a resource, as kubectl does
 * (`kubectl get po`, `kubectl get deployments.apps`).
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { unknownResourceType, type UnknownResourceType } from './registry-error.js';
import type { ResourceDefinition } from './resource-definition.js';

interface NameQuery {
  readonly name: string;
  readonly group?: string;
  readonly version?: string;
}

/**
 * The resource a user-typed name means, among resources given in registration order.
 *
 * The name is read in lower case, and may be qualified: `plural.group`
 * (`deployments.apps`) or `plural.version.group` (`deployments.v1.apps`); the fully
 * qualified reading is tried first. It then matches, in this order of precedence, a
 * plural, a singular, a short name or a kind, so a resource's own name wins over
 * another's short name (kubectl stopped expanding a short name that is a resource
 * name). Among resources that match equally, the core group wins, then the group
 * registered first, then the group's preferred (first registered) version.
 *
 * Errors: `left(UnknownResourceType)`, `the server doesn't have a resource type "foo"`.
 */
export function resolveResourceName(
  definitions: readonly ResourceDefinition[],
  name: string,
): Either<UnknownResourceType, ResourceDefinition> {
  for (const query of nameQueries(name.toLowerCase())) {
    const found = findByName(definitions, query);
    if (found !== undefined) {
      return right(found);
    }
  }
  return left(unknownResourceType(name));
}

function nameQueries(name: string): NameQuery[] {
  const dot = name.indexOf('.');
  if (dot < 0) {
    return [{ name }];
  }
  const resource = name.slice(0, dot);
  const rest = name.slice(dot + 1);
  const queries: NameQuery[] = [];
  const secondDot = rest.indexOf('.');
  if (secondDot >= 0) {
    queries.push({
      name: resource,
      version: rest.slice(0, secondDot),
      group: rest.slice(secondDot + 1),
    });
  }
  queries.push({ name: resource, group: rest });
  return queries;
}

const NAME_FORMS: readonly ((definition: ResourceDefinition, name: string) => boolean)[] = [
  (definition, name) => definition.plural === name,
  (definition, name) => definition.singular === name,
  (definition, name) => definition.shortNames.includes(name),
  (definition, name) => definition.kind.toLowerCase() === name,
];

function findByName(
  definitions: readonly ResourceDefinition[],
  query: NameQuery,
): ResourceDefinition | undefined {
  const inScope = definitions.filter(
    (definition) =>
      (query.group === undefined || definition.group === query.group) &&
      (query.version === undefined || definition.version === query.version),
  );
  for (const matches of NAME_FORMS) {
    const found = inScope.filter((definition) => matches(definition, query.name));
    if (found.length > 0) {
      return preferred(definitions, found);
    }
  }
  return undefined;
}

/** The core group first, then groups and their versions in registration order. */
function preferred(
  definitions: readonly ResourceDefinition[],
  candidates: readonly ResourceDefinition[],
): ResourceDefinition | undefined {
  const groupRank = (group: string): number =>
    group === '' ? -1 : definitions.findIndex((definition) => definition.group === group);
  let group: string | undefined;
  for (const candidate of candidates) {
    if (group === undefined || groupRank(candidate.group) < groupRank(group)) {
      group = candidate.group;
    }
  }
  const sameGroup = candidates.filter((definition) => definition.group === group);
  // The group's preferred version is the one registered first for any of its resources.
  const preferredVersion = definitions.find((definition) => definition.group === group)?.version;
  return sameGroup.find((definition) => definition.version === preferredVersion) ?? sameGroup[0];
}
