/**
 * What discovery serves from the registry: a group version's resources
 * (`APIResourceList.resources[]`) and the groups with their versions (`APIGroupList`),
 * in the shapes of upstream's `metav1.APIResource` and `metav1.APIGroup`.
 *
 * @module
 */
import { apiVersionOf, type GroupVersion } from './group-version.js';
import {
  SUBRESOURCE_VERBS,
  type ResourceDefinition,
  type ResourceVerb,
} from './resource-definition.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * One entry of an `APIResourceList`: a resource (`deployments`) or a subresource
 * (`deployments/scale`). Empty `shortNames` and `categories` are left out, as on the
 * wire; `group` and `version` are given only where they differ from the list's (the
 * scale subresource's `autoscaling/v1 Scale`).
 */
export interface DiscoveryResource {
  /** The plural, or `plural/subresource`. */
  readonly name: string;
  /** The singular name; `''` for subresources, as upstream. */
  readonly singularName: string;
  readonly namespaced: boolean;
  readonly group?: string;
  readonly version?: string;
  readonly kind: string;
  readonly verbs: readonly ResourceVerb[];
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
}

/** A version of a group, as `metav1.GroupVersionForDiscovery`: `{ 'apps/v1', 'v1' }`. */
export interface GroupVersionForDiscovery {
  /** The `apiVersion` string: `apps/v1`, or `v1` for the core group. */
  readonly groupVersion: string;
  readonly version: string;
}

/** A group with the versions registered for it, as `metav1.APIGroup`. */
export interface RegisteredGroup {
  /** The group's name; `''` for the core group (served at `/api`, not `/apis`). */
  readonly name: string;
  /** Its versions, the preferred one first. */
  readonly versions: readonly GroupVersionForDiscovery[];
  readonly preferredVersion: GroupVersionForDiscovery;
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/**
 * The entries of a group version's `APIResourceList` for resources given in
 * registration order: every main resource first, then the subresources, because some
 * clients take the first entry whose kind matches.
 */
export function discoveryResources(
  definitions: readonly ResourceDefinition[],
): readonly DiscoveryResource[] {
  return [...definitions.map(mainEntry), ...definitions.flatMap(subresourceEntries)];
}

/**
 * The groups of resources given in registration order, each with its versions in the
 * order they were first registered; the first is the preferred one.
 */
export function registeredGroups(
  definitions: readonly ResourceDefinition[],
): readonly RegisteredGroup[] {
  const versionsByGroup = new Map<string, string[]>();
  for (const { group, version } of definitions) {
    const versions = versionsByGroup.get(group);
    if (versions === undefined) {
      versionsByGroup.set(group, [version]);
    } else if (!versions.includes(version)) {
      versions.push(version);
    }
  }
  return [...versionsByGroup].map(([name, versions]) => {
    const entries = versions.map((version) => groupVersionForDiscovery({ group: name, version }));
    // A group is listed only once a resource made it, so it has a first version.
    return { name, versions: entries, preferredVersion: entries[0] as GroupVersionForDiscovery };
  });
}

function groupVersionForDiscovery(groupVersion: GroupVersion): GroupVersionForDiscovery {
  return { groupVersion: apiVersionOf(groupVersion), version: groupVersion.version };
}

function mainEntry(definition: ResourceDefinition): DiscoveryResource {
  return {
    name: definition.plural,
    singularName: definition.singular,
    namespaced: definition.namespaced,
    kind: definition.kind,
    verbs: definition.verbs,
    ...(definition.shortNames.length === 0 ? {} : { shortNames: definition.shortNames }),
    ...(definition.categories.length === 0 ? {} : { categories: definition.categories }),
  };
}

function subresourceEntries(definition: ResourceDefinition): DiscoveryResource[] {
  const { plural, namespaced, kind, subresources } = definition;
  const entries: DiscoveryResource[] = [];
  if (subresources.status === true) {
    entries.push({
      name: `${plural}/status`,
      singularName: '',
      namespaced,
      kind,
      verbs: SUBRESOURCE_VERBS,
    });
  }
  if (subresources.scale !== undefined) {
    entries.push({
      name: `${plural}/scale`,
      singularName: '',
      namespaced,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: SUBRESOURCE_VERBS,
    });
  }
  for (const other of subresources.others ?? []) {
    entries.push({
      name: `${plural}/${other.name}`,
      singularName: '',
      namespaced,
      ...(other.group === undefined ? {} : { group: other.group }),
      ...(other.version === undefined ? {} : { version: other.version }),
      kind: other.kind,
      verbs: other.verbs,
    });
  }
  return entries;
}
