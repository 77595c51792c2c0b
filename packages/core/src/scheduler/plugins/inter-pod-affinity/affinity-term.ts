/**
 * One pod affinity term, parsed: the pod selector (with `matchLabelKeys` and
 * `mismatchLabelKeys` merged in), the namespaces it looks in, and its topology key;
 * upstream's `framework.AffinityTerm`.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Pod, PodAffinityTerm } from '../../../api/kinds/index.js';
import {
  labelSelectorAsSelector,
  type LabelSelector,
  type LabelSelectorObject,
  type LabelSelectorRequirementObject,
} from '../../../api/selectors/index.js';

/** A namespace's labels, or `undefined` when it is unknown (for `namespaceSelector`). */
export type NamespaceLabels = (namespace: string) => Readonly<Record<string, string>> | undefined;

/** A parsed {@link PodAffinityTerm}, with the weight of a preferred one (0 for required). */
export interface ParsedAffinityTerm {
  readonly topologyKey: string;
  readonly selector: LabelSelector;
  /** `namespaces`, or the owning pod's namespace when both it and `namespaceSelector` are absent. */
  readonly namespaces: ReadonlySet<string>;
  /** `namespaceSelector`: nothing when absent, everything when `{}`. */
  readonly namespaceSelector: LabelSelector;
  readonly weight: number;
}

/**
 * Parses `term` of `owner` (the pod that declares it), as upstream's `newAffinityTerm`
 * after the apiserver's `matchLabelKeys` / `mismatchLabelKeys` merge: each key the
 * owner has adds `key In (value)` (resp. `NotIn`) to a non-null `labelSelector`.
 *
 * Errors: `left(message)` with the invalid selector's field paths under `path`.
 */
export function parseAffinityTerm(args: {
  readonly owner: Pod;
  readonly term: PodAffinityTerm;
  readonly weight: number;
  readonly path: string;
}): Either<string, ParsedAffinityTerm> {
  const { owner, term } = args;
  const selector = labelSelectorAsSelector(mergeLabelKeys(term, owner.metadata?.labels ?? {}), {
    path: `${args.path}.labelSelector`,
  });
  if (selector._tag === 'Left') {
    return left(selector.left.message);
  }
  const namespaceSelector = labelSelectorAsSelector(term.namespaceSelector, {
    path: `${args.path}.namespaceSelector`,
  });
  if (namespaceSelector._tag === 'Left') {
    return left(namespaceSelector.left.message);
  }
  const listed = term.namespaces ?? [];
  const namespaces =
    listed.length === 0 && term.namespaceSelector === undefined
      ? [owner.metadata?.namespace ?? '']
      : listed;
  return right(
    Object.freeze({
      topologyKey: term.topologyKey,
      selector: selector.right,
      namespaces: new Set(namespaces),
      namespaceSelector: namespaceSelector.right,
      weight: args.weight,
    }),
  );
}

/**
 * Whether `pod` is one of the pods `term` selects: in one of its namespaces (listed,
 * or selected by `namespaceSelector` through `namespaceLabels`), with matching labels.
 * Without `namespaceLabels`, a namespace selector selects only when it is empty (`{}`,
 * every namespace).
 */
export function affinityTermMatches(
  term: ParsedAffinityTerm,
  pod: Pod,
  namespaceLabels: NamespaceLabels | undefined,
): boolean {
  const namespace = pod.metadata?.namespace ?? '';
  return (
    (term.namespaces.has(namespace) ||
      namespaceSelected(term.namespaceSelector, namespace, namespaceLabels)) &&
    term.selector.matches(pod.metadata?.labels)
  );
}

function namespaceSelected(
  selector: LabelSelector,
  namespace: string,
  namespaceLabels: NamespaceLabels | undefined,
): boolean {
  if (selector.isEverything) {
    return true;
  }
  if (selector.isNothing || namespaceLabels === undefined) {
    return false;
  }
  return selector.matches(namespaceLabels(namespace));
}

function mergeLabelKeys(
  term: PodAffinityTerm,
  ownerLabels: Readonly<Record<string, string>>,
): LabelSelectorObject | undefined {
  const selector = term.labelSelector;
  if (selector === undefined) {
    return undefined;
  }
  const added: LabelSelectorRequirementObject[] = [];
  const addAll = (keys: readonly string[] | undefined, operator: 'In' | 'NotIn'): void => {
    for (const key of keys ?? []) {
      const value = Object.hasOwn(ownerLabels, key) ? ownerLabels[key] : undefined;
      if (value !== undefined) {
        added.push({ key, operator, values: [value] });
      }
    }
  };
  addAll(term.matchLabelKeys, 'In');
  addAll(term.mismatchLabelKeys, 'NotIn');
  return added.length === 0
    ? selector
    : { ...selector, matchExpressions: [...(selector.matchExpressions ?? []), ...added] };
}
