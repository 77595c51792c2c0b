import { describe, expect, it } from '@jest/globals';
import { left, right } from 'fp-ts/lib/Either.js';
import { ConfigMaps, notFound } from '@drydock/core';
import { createTestEnv, drydockMatchers } from '../../src/testing/index.js';
import { colorController, sourceConfigMap } from './support/color-controller.js';

expect.extend(drydockMatchers);

const ready = { status: { conditions: [{ type: 'Ready', status: 'True' }] } };
const owner = { kind: 'ConfigMap', metadata: { name: 'app', uid: 'uid-7' } };
const owned = {
  metadata: {
    ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'app', uid: 'uid-7' }],
  },
};

describe('toHaveCondition', () => {
  it('passes when the condition has the status', () => {
    expect(ready).toHaveCondition('Ready', 'True');
    expect(ready).not.toHaveCondition('Ready', 'False');
  });

  it('fails naming the actual status and conditions', () => {
    expect(() => expect(ready).toHaveCondition('Ready', 'False')).toThrow(
      'expected condition Ready to be False, but it is True (conditions: Ready=True)',
    );
    expect(() => expect(ready).toHaveCondition('Synced', 'True')).toThrow(
      'expected condition Synced to be True, but it is absent (conditions: Ready=True)',
    );
    expect(() => expect({}).toHaveCondition('Ready', 'True')).toThrow(
      'expected an object with status.conditions, received {}',
    );
  });
});

describe('toExist', () => {
  it('passes on a right answer', () => {
    expect(right({ metadata: { name: 'app' } })).toExist();
    expect(left(notFound({ resource: 'configmaps', name: 'app' }))).not.toExist();
  });

  it('fails with the status of a left answer, or the name of a right one under not', () => {
    expect(() => expect(left(notFound({ resource: 'configmaps', name: 'app' }))).toExist()).toThrow(
      'expected the object to exist, but the answer was 404 NotFound: configmaps "app" not found',
    );
    expect(() =>
      expect(right({ metadata: { namespace: 'default', name: 'app' } })).not.toExist(),
    ).toThrow('expected the object not to exist, but it does: default/app');
    expect(() => expect({ name: 'app' }).toExist()).toThrow('expected a client answer (an Either)');
  });
});

describe('toBeOwnedBy', () => {
  it('passes when an owner reference has the owner uid', () => {
    expect(owned).toBeOwnedBy(owner);
    expect({ metadata: {} }).not.toBeOwnedBy(owner);
  });

  it('fails listing the actual owners', () => {
    expect(() => expect({ metadata: {} }).toBeOwnedBy(owner)).toThrow(
      'expected the object to be owned by ConfigMap/app (uid uid-7), but its owners are: none',
    );
    expect(() => expect(owned).not.toBeOwnedBy(owner)).toThrow(
      'expected the object not to be owned by ConfigMap/app (uid uid-7), but it is',
    );
    expect(() => expect(owned).toBeOwnedBy({ metadata: { name: 'x' } })).toThrow(
      'expected an owner with metadata.uid',
    );
  });
});

describe('toHaveBeenReconciled', () => {
  it('counts the reconciles of a key in a TestEnv or its trace', async () => {
    const env = await createTestEnv({ controllers: [colorController] });
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await env.settle();
    const times = env.trace.reconciles.filter((record) => record.key === 'default/app').length;
    expect(env).toHaveBeenReconciled('default/app');
    expect(env.trace).toHaveBeenReconciled({ namespace: 'default', name: 'app' }, times);
    expect(env).not.toHaveBeenReconciled('default/other');
    expect(() => expect(env).toHaveBeenReconciled('default/app', times + 1)).toThrow(
      `expected default/app to have been reconciled ${times + 1} time(s), but it was reconciled ${times} time(s) (keys reconciled: default/app)`,
    );
    expect(() => expect(env).toHaveBeenReconciled('default/other')).toThrow(
      'expected default/other to have been reconciled at least once, but it was reconciled 0 time(s)',
    );
    expect(() => expect(42).toHaveBeenReconciled('default/app')).toThrow(
      'expected a TestEnv or its trace, received 42',
    );
    await env.stop();
  });
});
