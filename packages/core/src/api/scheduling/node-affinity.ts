/**
 * Whether a node satisfies a pod's node constraints: `spec.nodeSelector` and
 * `spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`, as
 * upstream's component-helpers read them. The scheduler, its plugins and any
 * controller that must agree with them (topology spreading, DaemonSet-like logic) use
 * these.
 *
 * @module
 */
import type {
  Node,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Pod,
} from '../kinds/index.js';

/** Labels as a plain record (what `metadata.labels` holds). */
type Labels = Readonly<Record<string, string>> | undefined;

/**
 * Whether one requirement holds for `value` (the label's or field's value, `undefined`
 * when absent): `In`/`NotIn` compare with `values`, `Exists`/`DoesNotExist` test
 * presence, `Gt`/`Lt` compare integers (a requirement whose value or the label's is not
 * an integer does not hold, as upstream).
 */
export function nodeSelectorRequirementHolds(
  requirement: NodeSelectorRequirement,
  value: string | undefined,
): boolean {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const bound = values.length === 1 ? integerOf(values[0]) : undefined;
      const actual = integerOf(value);
      if (bound === undefined || actual === undefined) {
        return false;
      }
      return requirement.operator === 'Gt' ? actual > bound : actual < bound;
    }
  }
}

/**
 * Whether a node selector term matches the node: every `matchExpressions` requirement
 * holds on its labels and every `matchFields` one on its fields (only `metadata.name`
 * is selectable, as upstream). An empty term matches nothing.
 */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) {
    return false;
  }
  const labels: Labels = node.metadata?.labels;
  for (const requirement of expressions) {
    if (!nodeSelectorRequirementHolds(requirement, labels?.[requirement.key])) {
      return false;
    }
  }
  for (const requirement of fields) {
    const value = requirement.key === 'metadata.name' ? node.metadata?.name : undefined;
    if (!nodeSelectorRequirementHolds(requirement, value)) {
      return false;
    }
  }
  return true;
}

/** Whether a node selector (its terms ORed) matches the node; no terms match nothing. */
export function nodeSelectorMatches(selector: NodeSelector, node: Node): boolean {
  return selector.nodeSelectorTerms.some((term) => nodeSelectorTermMatches(term, node));
}

/**
 * Whether the node satisfies the pod's required node constraints: every
 * `spec.nodeSelector` label, and the required node affinity when there is one.
 */
export function podMatchesNodeConstraints(pod: Pod, node: Node): boolean {
  const nodeSelector = pod.spec?.nodeSelector;
  if (nodeSelector !== undefined) {
    const labels: Labels = node.metadata?.labels;
    for (const key of Object.keys(nodeSelector)) {
      if (labels?.[key] !== nodeSelector[key]) {
        return false;
      }
    }
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return required === undefined || nodeSelectorMatches(required, node);
}

function integerOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) {
    return undefined;
  }
  return Number.parseInt(text, 10);
}
