/**
 * What the apiserver knows about one resource: its names, scope, kind, verbs,
 * subresources and selectable fields, and (once kinds are plugged in) its codec.
 *
 * @module
 */
import type * as t from 'io-ts';
import type { FieldAccessors } from '../selectors/index.js';
import { stringFieldGetter } from './selectable-field-getters.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** A verb a resource (or subresource) serves, as discovery lists them. */
export type ResourceVerb =
  'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

/**
 * A scale subresource (`deployments/scale`), served as an `autoscaling/v1 Scale`, with
 * the JSON paths a custom resource definition gives
 * (`CustomResourceSubresourceScale`).
 *
 * Caveats: a CRD's `labelSelectorPath` points at a string (a serialized selector);
 * built-in kinds point it at their `metav1.LabelSelector` object (`.spec.selector`),
 * which must be formatted to build `Scale.status.selector`.
 */
export interface ScaleSubresource {
  /** Where the desired replicas are, such as `.spec.replicas`. */
  readonly specReplicasPath: string;
  /** Where the observed replicas are, such as `.status.replicas`. */
  readonly statusReplicasPath: string;
  /** Where the label selector is, such as `.status.selector`; optional. */
  readonly labelSelectorPath?: string;
}

/**
 * A subresource other than `status` and `scale`, such as `pods/binding`: its name, the
 * kind its requests carry (in the parent's group and version unless given), and its
 * verbs.
 */
export interface OtherSubresource {
  /** The subresource's name, such as `binding` (discovery lists `pods/binding`). */
  readonly name: string;
  /** The kind of its request bodies, such as `Binding`. */
  readonly kind: string;
  /** The group of that kind, when not the parent's (`policy` for `pods/eviction`). */
  readonly group?: string;
  /** The version of that kind, when not the parent's. */
  readonly version?: string;
  readonly verbs: readonly ResourceVerb[];
}

/** A resource's subresources. */
export interface Subresources {
  /** A `/status` subresource: the main endpoint ignores `.status`, `/status` the rest. */
  readonly status?: true;
  /** A `/scale` subresource. */
  readonly scale?: ScaleSubresource;
  /** Any others, such as `pods/binding`, in discovery order. */
  readonly others?: readonly OtherSubresource[];
}

/**
 * One resource, in one group and version, as the apiserver serves it.
 *
 * Guarantees (when built by {@link defineResource}): frozen; `selectableFields` holds
 * `metadata.name` and, for namespaced resources, `metadata.namespace`.
 *
 * Assumptions: the getters in `selectableFields` are called only with objects of this
 * resource's kind (decoded by `codec`, when there is one).
 */
export interface ResourceDefinition<T = unknown> {
  /** The API group, such as `apps`; `''` for the core group. */
  readonly group: string;
  /** The version, such as `v1`. */
  readonly version: string;
  /** The kind of its objects, such as `Deployment`. */
  readonly kind: string;
  /** The plural name, the resource in URLs: `deployments`. */
  readonly plural: string;
  /** The singular name: `deployment`. */
  readonly singular: string;
  /** Short names for the command line: `deploy`. */
  readonly shortNames: readonly string[];
  /** Categories it belongs to, such as `all` (`kubectl get all`). */
  readonly categories: readonly string[];
  /** Whether its objects live in namespaces (scope `Namespaced`) or not (`Cluster`). */
  readonly namespaced: boolean;
  /** The kind of its lists: `DeploymentList`. */
  readonly listKind: string;
  readonly subresources: Subresources;
  /** The verbs of the main endpoint. */
  readonly verbs: readonly ResourceVerb[];
  /** The fields a field selector may name, each with its getter. */
  readonly selectableFields: FieldAccessors<T>;
  /** The codec of its objects, once the kind is known. */
  readonly codec?: t.Type<T, unknown, unknown>;
}

/**
 * What {@link defineResource} needs: the names and scope; everything else has a
 * default.
 */
export interface ResourceDefinitionInput<T = unknown> {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
  /** Defaults to the kind in lower case. */
  readonly singular?: string;
  /** Defaults to none. */
  readonly shortNames?: readonly string[];
  /** Defaults to none. */
  readonly categories?: readonly string[];
  /** Defaults to `<kind>List`. */
  readonly listKind?: string;
  /** Defaults to none. */
  readonly subresources?: Subresources;
  /** Defaults to {@link DEFAULT_RESOURCE_VERBS}. */
  readonly verbs?: readonly ResourceVerb[];
  /** The kind's own selectable fields; the `metadata` ones are added. */
  readonly selectableFields?: FieldAccessors<T>;
  readonly codec?: t.Type<T, unknown, unknown>;
}

/**
 * The verbs of a resource stored in full, as discovery lists them for `pods` or
 * `deployments`.
 */
export const DEFAULT_RESOURCE_VERBS: readonly ResourceVerb[] = Object.freeze([
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
]);

/** The verbs of the `status` and `scale` subresources. */
export const SUBRESOURCE_VERBS: readonly ResourceVerb[] = Object.freeze(['get', 'patch', 'update']);

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

const metadataName = stringFieldGetter('metadata.name');
const metadataNamespace = stringFieldGetter('metadata.namespace');

/**
 * A {@link ResourceDefinition} from its names and scope, with defaults filled in and the
 * `metadata.name` (and, if namespaced, `metadata.namespace`) selectable fields added, as
 * upstream's `generic.ObjectMetaFieldsSet` does; they replace getters given for them.
 */
export function defineResource<T = unknown>(
  input: ResourceDefinitionInput<T>,
): ResourceDefinition<T> {
  const selectableFields: Record<string, (object: T) => string | undefined> = {
    ...input.selectableFields,
    'metadata.name': metadataName,
  };
  if (input.namespaced) {
    selectableFields['metadata.namespace'] = metadataNamespace;
  }
  const definition: ResourceDefinition<T> = {
    group: input.group,
    version: input.version,
    kind: input.kind,
    plural: input.plural,
    singular: input.singular ?? input.kind.toLowerCase(),
    shortNames: Object.freeze([...(input.shortNames ?? [])]),
    categories: Object.freeze([...(input.categories ?? [])]),
    namespaced: input.namespaced,
    listKind: input.listKind ?? `${input.kind}List`,
    subresources: Object.freeze({ ...input.subresources }),
    verbs: Object.freeze([...(input.verbs ?? DEFAULT_RESOURCE_VERBS)]),
    selectableFields: Object.freeze(selectableFields),
    ...(input.codec === undefined ? {} : { codec: input.codec }),
  };
  return Object.freeze(definition);
}
