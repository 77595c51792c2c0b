/**
 * The resource registry: which resources the apiserver serves, looked up by kind, by
 * resource or by a name typed on the command line, and listed for discovery. Resources
 * come and go at run time (a CRD adds its resource when established), and every change
 * is observable.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { Subject, type Observable } from 'rxjs';
import type { GroupResource } from '../status/index.js';
import {
  discoveryResources,
  registeredGroups,
  type DiscoveryResource,
  type RegisteredGroup,
} from './discovery-entries.js';
import type { GroupVersion, GroupVersionKind, GroupVersionResource } from './group-version.js';
import {
  duplicateKind,
  duplicateResource,
  shortNameTaken,
  type RegistrationError,
  type UnknownResourceType,
} from './registry-error.js';
import type { ResourceDefinition } from './resource-definition.js';
import { resolveResourceName } from './resource-name-resolution.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** A resource was registered (`added`) or unregistered (`removed`). */
export interface ResourceChange {
  readonly type: 'added' | 'removed';
  readonly resource: ResourceDefinition;
}

// ---------------------------------------------------------------------------
// registry
// ---------------------------------------------------------------------------

/**
 * The resources the apiserver serves, in registration order.
 *
 * Guarantees: no two resources share a group, version and plural; no two resources of
 * a group version share a kind; a short name belongs to one resource (`group` and
 * `plural`), in any number of its versions. Every successful `register` and
 * `unregister` is emitted on {@link ResourceRegistry.changes$}, synchronously, after
 * the registry has changed.
 *
 * Caveats: `changes$` does not replay; read {@link ResourceRegistry.resources} after
 * subscribing for the current set.
 */
export class ResourceRegistry {
  /** Every registration and unregistration, as it happens. */
  readonly changes$: Observable<ResourceChange>;

  private readonly changes = new Subject<ResourceChange>();
  private readonly definitions: ResourceDefinition[] = [];

  /** An empty registry; see `createBuiltInRegistry` for one with the built-in resources. */
  constructor() {
    this.changes$ = this.changes.asObservable();
  }

  /**
   * Adds a resource and emits `added`.
   *
   * Errors: `left(DuplicateResource)` if its group, version and plural are registered,
   * `left(DuplicateKind)` if another resource of its group version serves its kind,
   * `left(ShortNameTaken)` if another resource uses one of its short names.
   */
  register<T>(definition: ResourceDefinition<T>): Either<RegistrationError, ResourceDefinition<T>> {
    // Sound under the definition's own assumption: its getters and codec only ever see
    // objects of its kind, whatever static type the registry gives them.
    const resource = definition as unknown as ResourceDefinition;
    const conflict = this.conflictWith(resource);
    if (conflict !== undefined) {
      return left(conflict);
    }
    this.definitions.push(resource);
    this.changes.next({ type: 'added', resource });
    return right(definition);
  }

  /**
   * Removes a resource and emits `removed`; its group version (and group) leave
   * discovery with their last resource. Returns the removed resource, or `undefined`
   * (and emits nothing) if none was registered.
   */
  unregister(resource: GroupVersionResource): ResourceDefinition | undefined {
    const index = this.definitions.findIndex((definition) => sameResource(definition, resource));
    if (index < 0) {
      return undefined;
    }
    const [removed] = this.definitions.splice(index, 1) as [ResourceDefinition];
    this.changes.next({ type: 'removed', resource: removed });
    return removed;
  }

  /** Every registered resource, in registration order. */
  resources(): readonly ResourceDefinition[] {
    return [...this.definitions];
  }

  /** The resource that serves a kind in a group version. */
  byGroupVersionKind(kind: GroupVersionKind): ResourceDefinition | undefined {
    return this.definitions.find(
      (definition) =>
        definition.group === kind.group &&
        definition.version === kind.version &&
        definition.kind === kind.kind,
    );
  }

  /** The resource with a group, version and plural. */
  byGroupVersionResource(resource: GroupVersionResource): ResourceDefinition | undefined {
    return this.definitions.find((definition) => sameResource(definition, resource));
  }

  /**
   * The resource with a group (the core group when absent) and plural, in the group's
   * preferred version if it is served there, else in the version registered first.
   */
  byGroupResource(resource: GroupResource): ResourceDefinition | undefined {
    const group = resource.group ?? '';
    const candidates = this.definitions.filter(
      (definition) => definition.group === group && definition.plural === resource.resource,
    );
    const preferred = this.preferredVersion(group);
    return candidates.find((definition) => definition.version === preferred) ?? candidates[0];
  }

  /**
   * The resource a name typed on the command line means, as kubectl resolves it:
   * `po`, `pod`, `pods`, `Pod`, `deployments.apps`, `deployments.v1.apps`.
   *
   * Errors: `left(UnknownResourceType)` if nothing matches.
   */
  resolve(name: string): Either<UnknownResourceType, ResourceDefinition> {
    return resolveResourceName(this.definitions, name);
  }

  /**
   * The entries of a group version's `APIResourceList`: its resources in registration
   * order, then their subresources. Empty for a group version nothing is registered in.
   */
  discoveryResources(groupVersion: GroupVersion): readonly DiscoveryResource[] {
    return discoveryResources(
      this.definitions.filter(
        (definition) =>
          definition.group === groupVersion.group && definition.version === groupVersion.version,
      ),
    );
  }

  /**
   * The groups with their versions, in registration order; the core group (`''`) is
   * among them once a core resource is registered. A group's preferred version is the
   * first one registered.
   */
  groups(): readonly RegisteredGroup[] {
    return registeredGroups(this.definitions);
  }

  private preferredVersion(group: string): string | undefined {
    return this.definitions.find((definition) => definition.group === group)?.version;
  }

  private conflictWith(resource: ResourceDefinition): RegistrationError | undefined {
    const { group, version, kind, plural } = resource;
    const sameGroupVersion = this.definitions.filter(
      (registered) => registered.group === group && registered.version === version,
    );
    if (sameGroupVersion.some((registered) => registered.plural === plural)) {
      return duplicateResource({ group, version, resource: plural });
    }
    const sameKind = sameGroupVersion.find((registered) => registered.kind === kind);
    if (sameKind !== undefined) {
      return duplicateKind({ group, version, kind, registeredResource: sameKind.plural });
    }
    for (const registered of this.definitions) {
      if (registered.group === group && registered.plural === plural) {
        continue;
      }
      const shared = resource.shortNames.find((name) => registered.shortNames.includes(name));
      if (shared !== undefined) {
        return shortNameTaken(shared, qualifiedResource(registered));
      }
    }
    return undefined;
  }
}

function sameResource(definition: ResourceDefinition, resource: GroupVersionResource): boolean {
  return (
    definition.group === resource.group &&
    definition.version === resource.version &&
    definition.plural === resource.resource
  );
}

function qualifiedResource(definition: ResourceDefinition): string {
  return definition.group === '' ? definition.plural : `${definition.plural}.${definition.group}`;
}
