import { describe, expect, it } from '@jest/globals';
import type { Node, NodeSelectorRequirement, Pod } from '../../../src/api/kinds/index.js';
import {
  nodeSelectorMatches,
  nodeSelectorRequirementHolds,
  nodeSelectorTermMatches,
  podMatchesNodeConstraints,
} from '../../../src/api/scheduling/index.js';

const NODE: Node = {
  metadata: { name: 'n1', labels: { zone: 'a', cores: '8' } },
};

function requirement(
  operator: NodeSelectorRequirement['operator'],
  values?: string[],
): NodeSelectorRequirement {
  return { key: 'zone', operator, ...(values === undefined ? {} : { values }) };
}

describe('nodeSelectorRequirementHolds', () => {
  it('reads In and NotIn against the values', () => {
    expect(nodeSelectorRequirementHolds(requirement('In', ['a', 'b']), 'a')).toBe(true);
    expect(nodeSelectorRequirementHolds(requirement('In', ['b']), 'a')).toBe(false);
    expect(nodeSelectorRequirementHolds(requirement('In', ['a']), undefined)).toBe(false);
    expect(nodeSelectorRequirementHolds(requirement('NotIn', ['b']), 'a')).toBe(true);
    expect(nodeSelectorRequirementHolds(requirement('NotIn', ['a']), undefined)).toBe(true);
  });

  it('reads Exists and DoesNotExist as presence', () => {
    expect(nodeSelectorRequirementHolds(requirement('Exists'), '')).toBe(true);
    expect(nodeSelectorRequirementHolds(requirement('DoesNotExist'), undefined)).toBe(true);
    expect(nodeSelectorRequirementHolds(requirement('DoesNotExist'), 'x')).toBe(false);
  });

  it('compares integers with Gt and Lt', () => {
    expect(nodeSelectorRequirementHolds(requirement('Gt', ['4']), '8')).toBe(true);
    expect(nodeSelectorRequirementHolds(requirement('Lt', ['4']), '8')).toBe(false);
  });

  it('does not hold for Gt or Lt with a value that is not an integer', () => {
    expect(nodeSelectorRequirementHolds(requirement('Gt', ['4']), 'eight')).toBe(false);
    expect(nodeSelectorRequirementHolds(requirement('Gt', ['four']), '8')).toBe(false);
    expect(nodeSelectorRequirementHolds(requirement('Gt', ['1', '2']), '8')).toBe(false);
    expect(nodeSelectorRequirementHolds(requirement('Gt', ['4']), undefined)).toBe(false);
  });
});

describe('nodeSelectorTermMatches', () => {
  it('matches nothing when empty', () => {
    expect(nodeSelectorTermMatches({}, NODE)).toBe(false);
  });

  it('needs every expression to hold', () => {
    const term = {
      matchExpressions: [
        { key: 'zone', operator: 'In' as const, values: ['a'] },
        { key: 'cores', operator: 'Gt' as const, values: ['16'] },
      ],
    };
    expect(nodeSelectorTermMatches(term, NODE)).toBe(false);
  });

  it('selects on metadata.name through matchFields, and on no other field', () => {
    expect(
      nodeSelectorTermMatches(
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] },
        NODE,
      ),
    ).toBe(true);
    expect(
      nodeSelectorTermMatches({ matchFields: [{ key: 'spec.podCIDR', operator: 'Exists' }] }, NODE),
    ).toBe(false);
  });
});

describe('nodeSelectorMatches', () => {
  it('ORs its terms, and matches nothing without terms', () => {
    expect(nodeSelectorMatches({ nodeSelectorTerms: [] }, NODE)).toBe(false);
    expect(
      nodeSelectorMatches(
        {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] },
            { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
          ],
        },
        NODE,
      ),
    ).toBe(true);
  });
});

describe('podMatchesNodeConstraints', () => {
  const pod = (spec: Partial<NonNullable<Pod['spec']>>): Pod => ({
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'i' }], ...spec },
  });

  it('accepts a pod without constraints', () => {
    expect(podMatchesNodeConstraints(pod({}), NODE)).toBe(true);
  });

  it('needs every nodeSelector label', () => {
    expect(podMatchesNodeConstraints(pod({ nodeSelector: { zone: 'a' } }), NODE)).toBe(true);
    expect(podMatchesNodeConstraints(pod({ nodeSelector: { zone: 'a', gpu: 'y' } }), NODE)).toBe(
      false,
    );
  });

  it('needs the required node affinity as well as the nodeSelector', () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'zone', operator: 'In' as const, values: ['b'] }] },
          ],
        },
      },
    };
    expect(podMatchesNodeConstraints(pod({ affinity }), NODE)).toBe(false);
    expect(podMatchesNodeConstraints(pod({ nodeSelector: { zone: 'a' }, affinity }), NODE)).toBe(
      false,
    );
  });

  it('accepts a node without labels only for a pod without label constraints', () => {
    const bare: Node = { metadata: { name: 'bare' } };
    expect(podMatchesNodeConstraints(pod({}), bare)).toBe(true);
    expect(podMatchesNodeConstraints(pod({ nodeSelector: { zone: 'a' } }), bare)).toBe(false);
  });
});
