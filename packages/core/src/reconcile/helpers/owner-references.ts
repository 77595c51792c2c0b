/**
 * Owner references between objects: making an object's controller reference point at
 * its owner (controller-runtime's `SetControllerReference`), and reading it back.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { OwnerReference } from '../../api/meta/owner-reference.js';
import type { ApiObject } from '../../apiserver/api-object.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** The object already has a controller reference, to another owner. */
export interface AlreadyControlled {
  readonly _tag: 'AlreadyControlled';
  /** The controller reference the object already has. */
  readonly existing: OwnerReference;
  /** What went wrong, for people. */
  readonly message: string;
}

/**
 * The owner cannot own the object: a namespaced owner of an object in another
 * namespace, or of a cluster-scoped object (the garbage collector would treat the
 * reference as absent and delete the dependent).
 */
export interface ScopeMismatch {
  readonly _tag: 'ScopeMismatch';
  /** What went wrong, for people. */
  readonly message: string;
}

/** The owner lacks what a reference needs: `apiVersion`, `kind`, `metadata.name` or `metadata.uid`. */
export interface IncompleteOwner {
  readonly _tag: 'IncompleteOwner';
  /** The missing fields, as paths (`metadata.uid`). */
  readonly missing: readonly string[];
  /** What went wrong, for people. */
  readonly message: string;
}

/** Why an owner reference could not be made. */
export type OwnerReferenceError = AlreadyControlled | ScopeMismatch | IncompleteOwner;

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * A reference to `owner`, as a dependent's `metadata.ownerReferences` holds it:
 * `apiVersion`, `kind`, `name`, `uid`, and `controller` / `blockOwnerDeletion` when
 * given.
 *
 * Errors: {@link IncompleteOwner} when the owner has no `apiVersion`, `kind`, name or
 * uid (an object not yet created has no uid).
 */
export function ownerReferenceFor(
  owner: ApiObject,
  options: { readonly controller?: boolean; readonly blockOwnerDeletion?: boolean } = {},
): Either<OwnerReferenceError, OwnerReference> {
  const fields = {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    'metadata.name': owner.metadata?.name,
    'metadata.uid': owner.metadata?.uid,
  };
  const missing = Object.entries(fields)
    .filter(([, value]) => value === undefined || value === '')
    .map(([field]) => field);
  const { apiVersion, kind } = owner;
  const name = owner.metadata?.name;
  const uid = owner.metadata?.uid;
  if (
    apiVersion === undefined ||
    kind === undefined ||
    name === undefined ||
    uid === undefined ||
    missing.length > 0
  ) {
    return left({
      _tag: 'IncompleteOwner',
      missing,
      message: `owner ${describe(owner)} cannot be referenced: missing ${missing.join(', ')}`,
    });
  }
  return right({
    apiVersion,
    kind,
    name,
    uid,
    ...(options.controller === undefined ? {} : { controller: options.controller }),
    ...(options.blockOwnerDeletion === undefined
      ? {}
      : { blockOwnerDeletion: options.blockOwnerDeletion }),
  });
}

// ---------------------------------------------------------------------------
// combinators
// ---------------------------------------------------------------------------

/**
 * `object` with a controller reference to `owner` (`controller: true`,
 * `blockOwnerDeletion: true`): added, or replacing the reference to the same owner
 * (same API group, kind and name, as upstream, so a recreated owner's new uid takes
 * over).
 *
 * Guarantees: never changes its inputs; answers the very same object when the
 * reference is already there as it would be written; other references are kept, in
 * order.
 *
 * Errors (as `left`, nothing changed):
 * - {@link AlreadyControlled} when another owner is the object's controller: at most
 *   one reference may be the controller, and taking over another controller's object
 *   would make the two fight over it;
 * - {@link ScopeMismatch} when `owner` is namespaced (has a namespace) and `object` is
 *   in another namespace or is cluster-scoped; a cluster-scoped owner may own anything;
 * - {@link IncompleteOwner} as {@link ownerReferenceFor}.
 *
 * Caveats: whether a kind is namespaced is read from `metadata.namespace`, as
 * controller-runtime does: an object about to be created in the default namespace
 * must carry its namespace.
 */
export function setControllerReference<T extends ApiObject>(
  owner: ApiObject,
  object: T,
): Either<OwnerReferenceError, T> {
  const reference = ownerReferenceFor(owner, { controller: true, blockOwnerDeletion: true });
  if (reference._tag === 'Left') {
    return reference;
  }
  const ownerNamespace = owner.metadata?.namespace ?? '';
  const objectNamespace = object.metadata?.namespace ?? '';
  if (ownerNamespace !== '' && objectNamespace === '') {
    return left({
      _tag: 'ScopeMismatch',
      message: `cluster-scoped ${describe(object)} cannot have a namespaced owner (${describe(owner)})`,
    });
  }
  if (ownerNamespace !== '' && ownerNamespace !== objectNamespace) {
    return left({
      _tag: 'ScopeMismatch',
      message: `cross-namespace owner references are disallowed: owner ${describe(owner)}, object ${describe(object)}`,
    });
  }
  const references = object.metadata?.ownerReferences ?? [];
  const existing = controllerOf(object);
  if (existing !== undefined && !sameOwner(existing, reference.right)) {
    return left({
      _tag: 'AlreadyControlled',
      existing,
      message:
        `${describe(object)} is already controlled by ${existing.kind} ${JSON.stringify(existing.name)} ` +
        `(uid ${existing.uid}); it cannot also be controlled by ${describe(owner)}`,
    });
  }
  const index = references.findIndex((item) => sameOwner(item, reference.right));
  if (index !== -1 && sameReference(references[index], reference.right)) {
    return right(object);
  }
  const ownerReferences =
    index === -1
      ? [...references, reference.right]
      : references.map((item, i) => (i === index ? reference.right : item));
  return right({ ...object, metadata: { ...object.metadata, ownerReferences } });
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/** The object's controller reference (the owner reference with `controller: true`), if any. */
export function controllerOf(object: ApiObject): OwnerReference | undefined {
  return object.metadata?.ownerReferences?.find((reference) => reference.controller === true);
}

/** Whether `owner` (by uid) is the controller of `object`. */
export function isControlledBy(object: ApiObject, owner: ApiObject): boolean {
  const uid = owner.metadata?.uid;
  return uid !== undefined && uid !== '' && controllerOf(object)?.uid === uid;
}

/** Whether two references name the same owner: same API group, kind and name. */
function sameOwner(a: OwnerReference, b: OwnerReference): boolean {
  return groupOf(a.apiVersion) === groupOf(b.apiVersion) && a.kind === b.kind && a.name === b.name;
}

function sameReference(a: OwnerReference | undefined, b: OwnerReference): boolean {
  return (
    a !== undefined &&
    a.apiVersion === b.apiVersion &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.uid === b.uid &&
    a.controller === b.controller &&
    a.blockOwnerDeletion === b.blockOwnerDeletion
  );
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

function describe(object: ApiObject): string {
  const namespace = object.metadata?.namespace;
  const name = object.metadata?.name ?? '';
  const key = namespace === undefined || namespace === '' ? name : `${namespace}/${name}`;
  return `${object.kind ?? 'object'} ${JSON.stringify(key)}`;
}
