import { describe, expect, it } from '@jest/globals';
import { toOpenAPISchema } from '../../../src/api/codec/index.js';
import { Pod } from '../../../src/api/kinds/core-v1/index.js';
import {
  applyStrategicMergePatch,
  type StrategicMergeSchema,
} from '../../../src/apiserver/patch/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

const POD_SCHEMA = toOpenAPISchema(Pod);

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-0',
    namespace: 'default',
    labels: { app: 'web', tier: 'frontend' },
    finalizers: ['example.com/a', 'example.com/b'],
  },
  spec: {
    containers: [
      {
        name: 'web',
        image: 'nginx:1.25',
        env: [
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'PORT', value: '8080' },
        ],
      },
      { name: 'sidecar', image: 'envoy:1.29' },
    ],
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
  },
  status: {
    phase: 'Running',
    conditions: [
      { type: 'PodScheduled', status: 'True' },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady' },
    ],
  },
};

type PodValue = typeof POD;

function patchPod(patch: unknown): PodValue {
  return expectRight(
    applyStrategicMergePatch({ document: POD, patch, schema: POD_SCHEMA }),
  ) as PodValue;
}

function patchError(patch: unknown, schema: StrategicMergeSchema | undefined = POD_SCHEMA) {
  return expectLeft(applyStrategicMergePatch({ document: POD, patch, schema }));
}

describe('applyStrategicMergePatch on a pod', () => {
  it("sets one container's image by name and keeps the other containers", () => {
    const pod = patchPod({ spec: { containers: [{ name: 'sidecar', image: 'envoy:1.30' }] } });
    expect(pod.spec.containers).toEqual([
      POD.spec.containers[0],
      { name: 'sidecar', image: 'envoy:1.30' },
    ]);
    expect(pod.spec.containers[0]).toBe(POD.spec.containers[0]);
    expect(pod.status).toBe(POD.status);
  });

  it('merges env vars by name, in place, and appends new ones', () => {
    const pod = patchPod({
      spec: {
        containers: [
          {
            name: 'web',
            env: [
              { name: 'LOG_LEVEL', value: 'debug' },
              { name: 'MODE', value: 'prod' },
            ],
          },
        ],
      },
    });
    expect(pod.spec.containers[0]?.env).toEqual([
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'PORT', value: '8080' },
      { name: 'MODE', value: 'prod' },
    ]);
    expect(pod.spec.containers[0]?.image).toBe('nginx:1.25');
  });

  it('appends a container no original has', () => {
    const pod = patchPod({ spec: { containers: [{ name: 'debug', image: 'busybox' }] } });
    expect(pod.spec.containers.map((c) => c.name)).toEqual(['web', 'sidecar', 'debug']);
  });

  it('deletes a container with $patch: delete', () => {
    const pod = patchPod({ spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } });
    expect(pod.spec.containers).toEqual([POD.spec.containers[0]]);
  });

  it('replaces the container list with a $patch: replace item', () => {
    const pod = patchPod({
      spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] },
    });
    expect(pod.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('merges status conditions by type, as the pod status schema marks them', () => {
    const pod = patchPod({
      status: { conditions: [{ type: 'Ready', status: 'True', reason: null }] },
    });
    expect(pod.status.conditions).toEqual([
      { type: 'PodScheduled', status: 'True' },
      { type: 'Ready', status: 'True' },
    ]);
  });

  it('replaces the atomic tolerations list whole', () => {
    const tolerations = [{ key: 'gpu', operator: 'Exists' }];
    expect(patchPod({ spec: { tolerations } }).spec.tolerations).toEqual(tolerations);
  });

  it('merges labels as a map, deleting those set to null', () => {
    const pod = patchPod({ metadata: { labels: { tier: null, env: 'prod' } } });
    expect(pod.metadata.labels).toEqual({ app: 'web', env: 'prod' });
  });

  it('deletes a whole map with $patch: delete and replaces one with $patch: replace', () => {
    expect(patchPod({ metadata: { labels: { $patch: 'delete' } } }).metadata).not.toHaveProperty(
      'labels',
    );
    expect(
      patchPod({ metadata: { labels: { $patch: 'replace', only: 'this' } } }).metadata.labels,
    ).toEqual({
      only: 'this',
    });
  });

  it('merges finalizers as a set and deletes some with $deleteFromPrimitiveList', () => {
    expect(
      patchPod({ metadata: { finalizers: ['example.com/b', 'example.com/c'] } }).metadata
        .finalizers,
    ).toEqual(['example.com/a', 'example.com/b', 'example.com/c']);
    const pod = patchPod({
      metadata: { '$deleteFromPrimitiveList/finalizers': ['example.com/a'] },
    });
    expect(pod.metadata.finalizers).toEqual(['example.com/b']);
  });

  it('orders the merged containers by $setElementOrder', () => {
    const pod = patchPod({
      spec: {
        '$setElementOrder/containers': [{ name: 'debug' }, { name: 'sidecar' }, { name: 'web' }],
        containers: [{ name: 'debug', image: 'busybox' }],
      },
    });
    expect(pod.spec.containers.map((c) => c.name)).toEqual(['debug', 'sidecar', 'web']);
  });

  it('keeps containers the $setElementOrder does not name in their places', () => {
    const pod = patchPod({
      spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'gone' }] },
    });
    expect(pod.spec.containers.map((c) => c.name)).toEqual(['web', 'sidecar']);
  });

  it('merges parts the schema does not describe like a JSON merge patch', () => {
    const document = {
      spec: { securityContext: { runAsUser: 1, seLinuxOptions: { level: 's0' } } },
    };
    const patch = { spec: { securityContext: { runAsUser: null, seLinuxOptions: { user: 'u' } } } };
    expect(expectRight(applyStrategicMergePatch({ document, patch, schema: POD_SCHEMA }))).toEqual({
      spec: { securityContext: { seLinuxOptions: { level: 's0', user: 'u' } } },
    });
    expect(
      expectRight(
        applyStrategicMergePatch({ document: { a: [1, 2] }, patch: { a: [3] }, schema: undefined }),
      ),
    ).toEqual({
      a: [3],
    });
  });

  it('never changes its inputs', () => {
    const before = JSON.stringify(POD);
    const patch = {
      spec: { containers: [{ name: 'web', env: [{ name: 'PORT', $patch: 'delete' }] }] },
    };
    const patchBefore = JSON.stringify(patch);
    patchPod(patch);
    expect(JSON.stringify(POD)).toBe(before);
    expect(JSON.stringify(patch)).toBe(patchBefore);
  });

  it('deletes the whole document with a top-level $patch: delete, leaving {} as upstream', () => {
    expect(patchPod({ $patch: 'delete' })).toEqual({});
  });
});

describe('applyStrategicMergePatch with patch-strategy extensions', () => {
  const SCHEMA: StrategicMergeSchema = {
    type: 'object',
    properties: {
      ports: {
        type: 'array',
        'x-kubernetes-patch-strategy': 'merge',
        'x-kubernetes-patch-merge-key': 'containerPort',
        items: {
          type: 'object',
          properties: { containerPort: { type: 'integer' }, name: { type: 'string' } },
        },
      },
      strategy: {
        type: 'object',
        'x-kubernetes-patch-strategy': 'retainKeys',
        properties: { type: { type: 'string' }, rollingUpdate: { type: 'object' } },
      },
      selector: {
        type: 'object',
        'x-kubernetes-patch-strategy': 'replace',
        additionalProperties: { type: 'string' },
      },
    },
  };
  const DOCUMENT = {
    ports: [
      { containerPort: 80, name: 'http' },
      { containerPort: 443, name: 'https' },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    selector: { app: 'web', tier: 'frontend' },
  };
  const apply = (patch: unknown) =>
    expectRight(
      applyStrategicMergePatch({ document: DOCUMENT, patch, schema: SCHEMA }),
    ) as typeof DOCUMENT;

  it('merges a list by its x-kubernetes-patch-merge-key', () => {
    expect(apply({ ports: [{ containerPort: 443, name: 'tls' }] }).ports).toEqual([
      { containerPort: 80, name: 'http' },
      { containerPort: 443, name: 'tls' },
    ]);
  });

  it('clears the fields $retainKeys does not keep', () => {
    expect(apply({ strategy: { $retainKeys: ['type'], type: 'Recreate' } }).strategy).toEqual({
      type: 'Recreate',
    });
  });

  it('replaces an object whose patch strategy is replace', () => {
    expect(apply({ selector: { app: 'api' } }).selector).toEqual({ app: 'api' });
  });

  it('fails fields outside $retainKeys as 422', () => {
    const error = expectLeft(
      applyStrategicMergePatch({
        document: DOCUMENT,
        patch: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } },
        schema: SCHEMA,
      }),
    );
    expect(error).toEqual({
      _tag: 'PatchFailed',
      message: "patch content doesn't match retainKeys list",
    });
  });
});

describe('applyStrategicMergePatch on bad patches', () => {
  it.each([
    ['an array', [], 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
    [
      'a string',
      'x',
      'json: cannot unmarshal string into Go value of type map[string]interface {}',
    ],
    ['null', null, 'json: cannot unmarshal null into Go value of type map[string]interface {}'],
  ])('rejects a patch that is %s', (_name, patch, message) => {
    expect(patchError(patch)).toEqual({ _tag: 'BadPatch', message });
  });

  it('rejects an unknown directive', () => {
    expect(patchError({ spec: { $fancy: true } })).toEqual({
      _tag: 'BadPatch',
      message: 'unknown directive $fancy in map: {"$fancy":true}',
    });
  });

  it('rejects an unknown $patch value, in a map and in a list item', () => {
    expect(patchError({ metadata: { labels: { $patch: 'explode' } } }).message).toBe(
      'unknown patch type: explode in map: {"$patch":"explode"}',
    );
    expect(patchError({ spec: { containers: [{ name: 'web', $patch: 'explode' }] } })._tag).toBe(
      'BadPatch',
    );
  });

  it('rejects a list item without its merge key', () => {
    expect(patchError({ spec: { containers: [{ image: 'nginx' }] } })).toEqual({
      _tag: 'BadPatch',
      message: 'map: {"image":"nginx"} does not contain declared merge key: name',
    });
  });

  it('rejects directives of the wrong shape', () => {
    expect(patchError({ metadata: { '$deleteFromPrimitiveList/finalizers': 'a' } }).message).toBe(
      'invalid patch format of primitive list',
    );
    expect(patchError({ spec: { '$setElementOrder/containers': [{ image: 'x' }] } }).message).toBe(
      'invalid patch format of setElementOrder list',
    );
    expect(patchError({ spec: { $retainKeys: 'containers' } }).message).toBe(
      'invalid patch format of retainKeys',
    );
  });

  it('fails a merged list of lists as 422', () => {
    expect(patchError({ spec: { containers: [['web']] } })).toEqual({
      _tag: 'PatchFailed',
      message: 'lists of lists are not supported',
    });
  });
});
