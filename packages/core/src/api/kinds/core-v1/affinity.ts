/**
 * A pod's scheduling constraints: `corev1.Affinity` (node, pod and pod anti-affinity),
 * `corev1.TopologySpreadConstraint`, and the `metav1.LabelSelector` object form they
 * select pods with.
 *
 * @module
 */
import * as t from 'io-ts';
import { Int32, withSchema } from '../../codec/index.js';

/**
 * The codec of one `metav1.LabelSelectorRequirement`: `key` and `operator` (`In`,
 * `NotIn`, `Exists`, `DoesNotExist`) are required, `values` optional.
 *
 * (Named after metav1 because the selectors module already exports the
 * `LabelSelectorRequirementObject` interface, which this codec's type is assignable to.)
 */
export const MetaV1LabelSelectorRequirement = withSchema(
  t.intersection([
    t.type({
      key: withSchema(t.string, {
        description: 'key is the label key that the selector applies to.',
      }),
      operator: withSchema(t.keyof({ In: null, NotIn: null, Exists: null, DoesNotExist: null }), {
        description: "operator represents a key's relationship to a set of values.",
      }),
    }),
    t.partial({
      values: withSchema(t.array(t.string), {
        description: 'values is an array of string values, empty for Exists and DoesNotExist.',
        'x-kubernetes-list-type': 'atomic',
      }),
    }),
  ]),
  {
    description:
      'A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.',
  },
  'LabelSelectorRequirement',
);

/** One label selector requirement, as {@link MetaV1LabelSelectorRequirement} decodes it. */
export type MetaV1LabelSelectorRequirement = t.TypeOf<typeof MetaV1LabelSelectorRequirement>;

/**
 * The codec of `metav1.LabelSelector`, the object form: `matchLabels` and
 * `matchExpressions`, both optional. Its type is assignable to the selectors module's
 * `LabelSelectorObject`, so `labelSelectorAsSelector` turns it into a matcher.
 *
 * (Named after metav1 because `LabelSelector` is the parsed selector and
 * `LabelSelectorObject` the interface of this form, both exported by the selectors
 * module.) Atomic for server-side apply, as upstream.
 */
export const MetaV1LabelSelector = withSchema(
  t.partial({
    matchLabels: withSchema(t.record(t.string, t.string), {
      description: 'matchLabels is a map of {key,value} pairs, ANDed with matchExpressions.',
    }),
    matchExpressions: withSchema(t.array(MetaV1LabelSelectorRequirement), {
      description: 'matchExpressions is a list of label selector requirements, ANDed.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  {
    description:
      'A label selector is a label query over a set of resources; an empty selector matches all objects.',
    'x-kubernetes-map-type': 'atomic',
  },
  'LabelSelector',
);

/** A label selector object, as {@link MetaV1LabelSelector} decodes it. */
export type MetaV1LabelSelector = t.TypeOf<typeof MetaV1LabelSelector>;

/**
 * The codec of `corev1.NodeSelectorRequirement`: `key` and `operator` (`In`, `NotIn`,
 * `Exists`, `DoesNotExist`, `Gt`, `Lt`) are required, `values` optional.
 */
export const NodeSelectorRequirement = withSchema(
  t.intersection([
    t.type({
      key: withSchema(t.string, { description: 'The label key that the selector applies to.' }),
      operator: withSchema(
        t.keyof({ In: null, NotIn: null, Exists: null, DoesNotExist: null, Gt: null, Lt: null }),
        { description: "Represents a key's relationship to a set of values." },
      ),
    }),
    t.partial({
      values: withSchema(t.array(t.string), {
        description:
          'An array of string values; one integer for Gt and Lt, empty for Exists and DoesNotExist.',
        'x-kubernetes-list-type': 'atomic',
      }),
    }),
  ]),
  {
    description:
      'A node selector requirement is a selector that contains values, a key, and an operator that relates the key and values.',
  },
  'NodeSelectorRequirement',
);

/** One node selector requirement, as {@link NodeSelectorRequirement} decodes it. */
export type NodeSelectorRequirement = t.TypeOf<typeof NodeSelectorRequirement>;

/**
 * The codec of `corev1.NodeSelectorTerm`: `matchExpressions` (on labels) and
 * `matchFields` (on fields), both optional and ANDed.
 */
export const NodeSelectorTerm = withSchema(
  t.partial({
    matchExpressions: withSchema(t.array(NodeSelectorRequirement), {
      description: "A list of node selector requirements by node's labels.",
      'x-kubernetes-list-type': 'atomic',
    }),
    matchFields: withSchema(t.array(NodeSelectorRequirement), {
      description: "A list of node selector requirements by node's fields.",
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  {
    description:
      'A null or empty node selector term matches no objects; its requirements are ANDed.',
    'x-kubernetes-map-type': 'atomic',
  },
  'NodeSelectorTerm',
);

/** One node selector term, as {@link NodeSelectorTerm} decodes it. */
export type NodeSelectorTerm = t.TypeOf<typeof NodeSelectorTerm>;

/** The codec of `corev1.NodeSelector`: `nodeSelectorTerms` (required), ORed. */
export const NodeSelector = withSchema(
  t.type({
    nodeSelectorTerms: withSchema(t.array(NodeSelectorTerm), {
      description: 'Required. A list of node selector terms. The terms are ORed.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  {
    description:
      'A node selector represents the union of the results of one or more label queries over a set of nodes.',
    'x-kubernetes-map-type': 'atomic',
  },
  'NodeSelector',
);

/** A node selector, as {@link NodeSelector} decodes it. */
export type NodeSelector = t.TypeOf<typeof NodeSelector>;

/** The codec of `corev1.PreferredSchedulingTerm`: `weight` and `preference`, both required. */
export const PreferredSchedulingTerm = withSchema(
  t.type({
    weight: withSchema(Int32, {
      description: 'Weight associated with matching the corresponding nodeSelectorTerm, 1-100.',
    }),
    preference: withSchema(NodeSelectorTerm, {
      description: 'A node selector term, associated with the corresponding weight.',
    }),
  }),
  {
    description: 'An empty preferred scheduling term matches all objects with implicit weight 0.',
  },
  'PreferredSchedulingTerm',
);

/** A preferred scheduling term, as {@link PreferredSchedulingTerm} decodes it. */
export type PreferredSchedulingTerm = t.TypeOf<typeof PreferredSchedulingTerm>;

/**
 * The codec of `corev1.NodeAffinity`: the required (`NodeSelector`) and preferred
 * (weighted terms) node selectors, both optional.
 */
export const NodeAffinity = withSchema(
  t.partial({
    requiredDuringSchedulingIgnoredDuringExecution: withSchema(NodeSelector, {
      description: 'Node requirements that must be met for the pod to be scheduled onto a node.',
    }),
    preferredDuringSchedulingIgnoredDuringExecution: withSchema(t.array(PreferredSchedulingTerm), {
      description: 'Node preferences the scheduler favors, by the sum of matching weights.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  { description: 'Node affinity is a group of node affinity scheduling rules.' },
  'NodeAffinity',
);

/** A node affinity, as {@link NodeAffinity} decodes it. */
export type NodeAffinity = t.TypeOf<typeof NodeAffinity>;

/**
 * The codec of `corev1.PodAffinityTerm`: `topologyKey` is required; `labelSelector`,
 * `namespaces`, `namespaceSelector`, `matchLabelKeys` and `mismatchLabelKeys` optional.
 */
export const PodAffinityTerm = withSchema(
  t.intersection([
    t.type({
      topologyKey: withSchema(t.string, {
        description: 'The node label whose value defines co-location; it must not be empty.',
      }),
    }),
    t.partial({
      labelSelector: withSchema(MetaV1LabelSelector, {
        description: 'A label query over a set of resources, in this case pods.',
      }),
      namespaces: withSchema(t.array(t.string), {
        description: 'The namespaces the labelSelector applies to, with namespaceSelector.',
        'x-kubernetes-list-type': 'atomic',
      }),
      namespaceSelector: withSchema(MetaV1LabelSelector, {
        description: 'A label query over the set of namespaces that the term applies to.',
      }),
      matchLabelKeys: withSchema(t.array(t.string), {
        description: 'Pod label keys whose values are merged into labelSelector as In.',
        'x-kubernetes-list-type': 'atomic',
      }),
      mismatchLabelKeys: withSchema(t.array(t.string), {
        description: 'Pod label keys whose values are merged into labelSelector as NotIn.',
        'x-kubernetes-list-type': 'atomic',
      }),
    }),
  ]),
  {
    description:
      'Defines a set of pods that this pod should be co-located (affinity) or not co-located (anti-affinity) with.',
  },
  'PodAffinityTerm',
);

/** A pod affinity term, as {@link PodAffinityTerm} decodes it. */
export type PodAffinityTerm = t.TypeOf<typeof PodAffinityTerm>;

/** The codec of `corev1.WeightedPodAffinityTerm`: `weight` and `podAffinityTerm`, both required. */
export const WeightedPodAffinityTerm = withSchema(
  t.type({
    weight: withSchema(Int32, {
      description: 'Weight associated with matching the corresponding podAffinityTerm, 1-100.',
    }),
    podAffinityTerm: withSchema(PodAffinityTerm, {
      description: 'Required. A pod affinity term, associated with the corresponding weight.',
    }),
  }),
  {
    description:
      'The weights of all of the matched WeightedPodAffinityTerm fields are added per-node to find the most preferred node(s).',
  },
  'WeightedPodAffinityTerm',
);

/** A weighted pod affinity term, as {@link WeightedPodAffinityTerm} decodes it. */
export type WeightedPodAffinityTerm = t.TypeOf<typeof WeightedPodAffinityTerm>;

const podAffinityProps = {
  requiredDuringSchedulingIgnoredDuringExecution: withSchema(t.array(PodAffinityTerm), {
    description: 'Terms that must hold for the pod to be scheduled onto a node; all must hold.',
    'x-kubernetes-list-type': 'atomic',
  }),
  preferredDuringSchedulingIgnoredDuringExecution: withSchema(t.array(WeightedPodAffinityTerm), {
    description: 'Terms the scheduler favors, by the sum of matching weights.',
    'x-kubernetes-list-type': 'atomic',
  }),
};

/** The codec of `corev1.PodAffinity`: required and preferred terms, both optional. */
export const PodAffinity = withSchema(
  t.partial(podAffinityProps),
  { description: 'Pod affinity is a group of inter pod affinity scheduling rules.' },
  'PodAffinity',
);

/** A pod affinity, as {@link PodAffinity} decodes it. */
export type PodAffinity = t.TypeOf<typeof PodAffinity>;

/** The codec of `corev1.PodAntiAffinity`: the same fields as {@link PodAffinity}, read as "not with". */
export const PodAntiAffinity = withSchema(
  t.partial(podAffinityProps),
  { description: 'Pod anti affinity is a group of inter pod anti affinity scheduling rules.' },
  'PodAntiAffinity',
);

/** A pod anti-affinity, as {@link PodAntiAffinity} decodes it. */
export type PodAntiAffinity = t.TypeOf<typeof PodAntiAffinity>;

/** The codec of `corev1.Affinity`: node, pod and pod anti-affinity, all optional. */
export const Affinity = withSchema(
  t.partial({
    nodeAffinity: withSchema(NodeAffinity, {
      description: 'Describes node affinity scheduling rules for the pod.',
    }),
    podAffinity: withSchema(PodAffinity, {
      description: 'Describes pod affinity scheduling rules.',
    }),
    podAntiAffinity: withSchema(PodAntiAffinity, {
      description: 'Describes pod anti-affinity scheduling rules.',
    }),
  }),
  { description: 'Affinity is a group of affinity scheduling rules.' },
  'Affinity',
);

/** A pod's affinity, as {@link Affinity} decodes it. */
export type Affinity = t.TypeOf<typeof Affinity>;

/**
 * The codec of `corev1.TopologySpreadConstraint`: `maxSkew`, `topologyKey` and
 * `whenUnsatisfiable` (`DoNotSchedule`, `ScheduleAnyway`) are required; the rest
 * optional. `nodeAffinityPolicy` and `nodeTaintsPolicy` are `Honor` or `Ignore`.
 */
export const TopologySpreadConstraint = withSchema(
  t.intersection([
    t.type({
      maxSkew: withSchema(Int32, {
        description: 'The degree to which pods may be unevenly distributed; at least 1.',
      }),
      topologyKey: withSchema(t.string, {
        description: 'The key of node labels; nodes with the same value are in the same topology.',
      }),
      whenUnsatisfiable: withSchema(t.keyof({ DoNotSchedule: null, ScheduleAnyway: null }), {
        description: "How to deal with a pod if it doesn't satisfy the spread constraint.",
      }),
    }),
    t.partial({
      labelSelector: withSchema(MetaV1LabelSelector, {
        description: 'Finds the pods counted to determine the number in their topology domain.',
      }),
      minDomains: withSchema(Int32, {
        description: 'A minimum number of eligible domains.',
      }),
      nodeAffinityPolicy: withSchema(t.keyof({ Honor: null, Ignore: null }), {
        description: "How to treat the pod's nodeAffinity/nodeSelector when calculating skew.",
      }),
      nodeTaintsPolicy: withSchema(t.keyof({ Honor: null, Ignore: null }), {
        description: 'How to treat node taints when calculating pod topology spread skew.',
      }),
      matchLabelKeys: withSchema(t.array(t.string), {
        description: 'Pod label keys whose values are ANDed into labelSelector.',
        'x-kubernetes-list-type': 'atomic',
      }),
    }),
  ]),
  {
    description:
      'TopologySpreadConstraint specifies how to spread matching pods among the given topology.',
  },
  'TopologySpreadConstraint',
);

/** A topology spread constraint, as {@link TopologySpreadConstraint} decodes it. */
export type TopologySpreadConstraint = t.TypeOf<typeof TopologySpreadConstraint>;
