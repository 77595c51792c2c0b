import { describe, expect, it } from '@jest/globals';
import type { Pod } from '../../../src/api/kinds/core-v1/index.js';
import { defaultPod } from '../../../src/apiserver/defaulting/index.js';
import {
  POD_SPEC_UPDATE_FORBIDDEN_DETAIL,
  validatePodStatusUpdate,
  validatePodUpdate,
} from '../../../src/apiserver/validation/index.js';

const OLD: Pod = defaultPod({
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5' },
  spec: { containers: [{ name: 'app', image: 'nginx:1.26' }], activeDeadlineSeconds: 600 },
});
const OLD_SPEC = OLD.spec ?? { containers: [] };

function update(spec: Partial<NonNullable<Pod['spec']>>): Pod {
  return { ...OLD, spec: { ...OLD_SPEC, ...spec } };
}

describe('validatePodUpdate', () => {
  it('accepts a new image, a lower deadline and an added toleration', () => {
    const next = update({
      containers: [{ ...OLD_SPEC.containers[0], name: 'app', image: 'nginx:1.27' }],
      activeDeadlineSeconds: 300,
      tolerations: [...(OLD_SPEC.tolerations ?? []), { key: 'k', operator: 'Exists' }],
    });
    expect(validatePodUpdate(next, OLD)).toStrictEqual([]);
  });

  it('forbids any other spec change in upstream words', () => {
    expect(validatePodUpdate(update({ nodeName: 'node-1' }), OLD)).toStrictEqual([
      {
        reason: 'FieldValueForbidden',
        field: 'spec',
        message: `Forbidden: ${POD_SPEC_UPDATE_FORBIDDEN_DETAIL}`,
      },
    ]);
    expect(POD_SPEC_UPDATE_FORBIDDEN_DETAIL).toBe(
      'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });

  it('forbids adding a container', () => {
    const containers = [
      ...OLD_SPEC.containers,
      { ...OLD_SPEC.containers[0], name: 'side', image: 'x' },
    ];
    expect(validatePodUpdate(update({ containers }), OLD)).toStrictEqual([
      {
        reason: 'FieldValueForbidden',
        field: 'spec.containers',
        message: 'Forbidden: pod updates may not add or remove containers',
      },
    ]);
  });

  it('reports a raised or removed deadline', () => {
    expect(validatePodUpdate(update({ activeDeadlineSeconds: 900 }), OLD)).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.activeDeadlineSeconds',
        message: 'Invalid value: 900: must be less than or equal to previous value',
      },
    ]);
    const { activeDeadlineSeconds: _removed, ...withoutDeadline } = OLD_SPEC;
    expect(validatePodUpdate({ ...OLD, spec: withoutDeadline }, OLD)).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.activeDeadlineSeconds',
        message: 'Invalid value: null: must not update from a positive integer to nil value',
      },
    ]);
  });

  it('forbids changing an existing toleration other than its seconds', () => {
    const [first, second] = OLD_SPEC.tolerations ?? [];
    expect(first && second).toBeDefined();
    const retimed = update({ tolerations: [{ ...first, tolerationSeconds: 60 }, { ...second }] });
    expect(validatePodUpdate(retimed, OLD)).toStrictEqual([]);
    const changed = update({ tolerations: [{ key: first?.key ?? '', effect: 'NoSchedule' }] });
    expect(validatePodUpdate(changed, OLD)).toContainEqual({
      reason: 'FieldValueForbidden',
      field: 'spec.tolerations',
      message: 'Forbidden: existing toleration can not be modified except its tolerationSeconds',
    });
  });

  it('reports metadata changes as immutable', () => {
    const renamed = { ...OLD, metadata: { ...OLD.metadata, name: 'other' } };
    expect(validatePodUpdate(renamed, OLD)).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: 'Invalid value: "other": field is immutable',
      },
    ]);
  });
});

describe('validatePodStatusUpdate', () => {
  it('accepts a status change and rejects a node name change or a bad nominated node', () => {
    expect(validatePodStatusUpdate({ ...OLD, status: { phase: 'Running' } }, OLD)).toStrictEqual(
      [],
    );
    expect(
      validatePodStatusUpdate(
        { ...update({ nodeName: 'n1' }), status: { nominatedNodeName: 'N_1' } },
        OLD,
      ),
    ).toStrictEqual([
      {
        reason: 'FieldValueForbidden',
        field: 'status.nodeName',
        message: 'Forbidden: may not be changed directly',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'status.nominatedNodeName',
        message:
          "Invalid value: \"N_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      },
    ]);
  });
});
