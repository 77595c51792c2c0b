/**
 * The resource registry's failures, as values: a malformed `apiVersion`, a definition
 * that conflicts with one already registered, and a name that names no resource.
 *
 * @module
 */

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** An `apiVersion` that is neither `version` nor `group/version`. */
export interface MalformedApiVersion {
  readonly _tag: 'MalformedApiVersion';
  /** The string that was parsed, as given. */
  readonly apiVersion: string;
  /** Upstream's words: `unexpected GroupVersion string: "a/b/c"`. */
  readonly message: string;
}

/** A resource (group, version and plural) that is registered already. */
export interface DuplicateResource {
  readonly _tag: 'DuplicateResource';
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  /** Such as `resource deployments in apps/v1 is already registered`. */
  readonly message: string;
}

/** A kind that another resource of the same group and version serves already. */
export interface DuplicateKind {
  readonly _tag: 'DuplicateKind';
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** The plural of the resource that serves the kind. */
  readonly registeredResource: string;
  /** Such as `kind Deployment in apps/v1 is already served by resource deployments`. */
  readonly message: string;
}

/**
 * A short name that another resource uses already. The same resource in another
 * version (same group and plural) may share it, as `deploy` is shared by every
 * version of `deployments.apps`.
 */
export interface ShortNameTaken {
  readonly _tag: 'ShortNameTaken';
  readonly shortName: string;
  /** The resource that uses it, as `resource.group` (`pods`, `deployments.apps`). */
  readonly registeredResource: string;
  /** Such as `short name "po" is already used by pods`. */
  readonly message: string;
}

/** A name that resolves to no registered resource; kubectl's words. */
export interface UnknownResourceType {
  readonly _tag: 'UnknownResourceType';
  /** The name as given. */
  readonly name: string;
  /** `the server doesn't have a resource type "foo"`. */
  readonly message: string;
}

/** Everything registering a resource can fail with. */
export type RegistrationError = DuplicateResource | DuplicateKind | ShortNameTaken;

/** Everything the registry's functions can fail with. */
export type RegistryError = MalformedApiVersion | RegistrationError | UnknownResourceType;

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/** A {@link MalformedApiVersion}. */
export function malformedApiVersion(apiVersion: string): MalformedApiVersion {
  return {
    _tag: 'MalformedApiVersion',
    apiVersion,
    message: `unexpected GroupVersion string: ${JSON.stringify(apiVersion)}`,
  };
}

/** A {@link DuplicateResource}. */
export function duplicateResource(args: {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
}): DuplicateResource {
  const { group, version, resource } = args;
  return {
    _tag: 'DuplicateResource',
    group,
    version,
    resource,
    message: `resource ${resource} in ${groupVersionString(group, version)} is already registered`,
  };
}

/** A {@link DuplicateKind}. */
export function duplicateKind(args: {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly registeredResource: string;
}): DuplicateKind {
  const { group, version, kind, registeredResource } = args;
  return {
    _tag: 'DuplicateKind',
    group,
    version,
    kind,
    registeredResource,
    message: `kind ${kind} in ${groupVersionString(group, version)} is already served by resource ${registeredResource}`,
  };
}

/** A {@link ShortNameTaken}. */
export function shortNameTaken(shortName: string, registeredResource: string): ShortNameTaken {
  return {
    _tag: 'ShortNameTaken',
    shortName,
    registeredResource,
    message: `short name ${JSON.stringify(shortName)} is already used by ${registeredResource}`,
  };
}

/** An {@link UnknownResourceType}. */
export function unknownResourceType(name: string): UnknownResourceType {
  return {
    _tag: 'UnknownResourceType',
    name,
    message: `the server doesn't have a resource type ${JSON.stringify(name)}`,
  };
}

/** Whether an unknown value is a {@link RegistryError}. */
export function isRegistryError(value: unknown): value is RegistryError {
  if (typeof value !== 'object' || value === null || !('_tag' in value)) {
    return false;
  }
  switch (value._tag) {
    case 'MalformedApiVersion':
    case 'DuplicateResource':
    case 'DuplicateKind':
    case 'ShortNameTaken':
    case 'UnknownResourceType':
      return true;
    default:
      return false;
  }
}

// Not `apiVersionOf`: that would import group-version.ts, which imports this file.
function groupVersionString(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}
