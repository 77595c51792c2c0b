/**
 * A pod's pod affinity and anti-affinity terms, parsed once per pod object (pods are
 * frozen), for the incoming pod and for every existing pod alike.
 *
 * @module
 */
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from '../../../api/kinds/index.js';
import { parseAffinityTerm, type ParsedAffinityTerm } from './affinity-term.js';

/** A pod's four lists of parsed terms, and the problems found parsing them. */
export interface PodAffinityTerms {
  readonly requiredAffinity: readonly ParsedAffinityTerm[];
  readonly requiredAntiAffinity: readonly ParsedAffinityTerm[];
  readonly preferredAffinity: readonly ParsedAffinityTerm[];
  readonly preferredAntiAffinity: readonly ParsedAffinityTerm[];
  /**
   * Why terms were left out (invalid selectors), with field paths; empty when every
   * term parsed. A term left out matches no pod.
   */
  readonly errors: readonly string[];
}

const memo = new WeakMap<Pod, PodAffinityTerms>();

const NO_TERMS: PodAffinityTerms = Object.freeze({
  requiredAffinity: Object.freeze([]),
  requiredAntiAffinity: Object.freeze([]),
  preferredAffinity: Object.freeze([]),
  preferredAntiAffinity: Object.freeze([]),
  errors: Object.freeze([]),
});

/**
 * The parsed terms of `pod`, memoized per pod object; one shared empty answer for the
 * pods without pod affinity or anti-affinity (most pods), which are not memoized.
 */
export function podAffinityTermsOf(pod: Pod): PodAffinityTerms {
  const affinity = pod.spec?.affinity;
  if (affinity?.podAffinity === undefined && affinity?.podAntiAffinity === undefined) {
    return NO_TERMS;
  }
  let terms = memo.get(pod);
  if (terms === undefined) {
    terms = parsePodAffinityTerms(pod);
    memo.set(pod, terms);
  }
  return terms;
}

function parsePodAffinityTerms(pod: Pod): PodAffinityTerms {
  const affinity = pod.spec?.affinity;
  const errors: string[] = [];
  const required = (terms: readonly PodAffinityTerm[] | undefined, path: string) =>
    collect(
      (terms ?? []).map((term, i) =>
        parseAffinityTerm({ owner: pod, term, weight: 0, path: `${path}[${i}]` }),
      ),
      errors,
    );
  const preferred = (terms: readonly WeightedPodAffinityTerm[] | undefined, path: string) =>
    collect(
      (terms ?? []).map((term, i) =>
        parseAffinityTerm({
          owner: pod,
          term: term.podAffinityTerm,
          weight: term.weight,
          path: `${path}[${i}].podAffinityTerm`,
        }),
      ),
      errors,
    );
  const podAffinity = 'spec.affinity.podAffinity';
  const podAntiAffinity = 'spec.affinity.podAntiAffinity';
  const requiredField = 'requiredDuringSchedulingIgnoredDuringExecution';
  const preferredField = 'preferredDuringSchedulingIgnoredDuringExecution';
  return Object.freeze({
    requiredAffinity: required(
      affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      `${podAffinity}.${requiredField}`,
    ),
    requiredAntiAffinity: required(
      affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      `${podAntiAffinity}.${requiredField}`,
    ),
    preferredAffinity: preferred(
      affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
      `${podAffinity}.${preferredField}`,
    ),
    preferredAntiAffinity: preferred(
      affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
      `${podAntiAffinity}.${preferredField}`,
    ),
    errors: Object.freeze(errors),
  });
}

function collect(
  results: readonly ReturnType<typeof parseAffinityTerm>[],
  errors: string[],
): readonly ParsedAffinityTerm[] {
  const terms: ParsedAffinityTerm[] = [];
  for (const result of results) {
    if (result._tag === 'Left') {
      errors.push(result.left);
    } else {
      terms.push(result.right);
    }
  }
  return Object.freeze(terms);
}
