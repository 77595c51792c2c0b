import { describe, expect, it } from '@jest/globals';
import { createBuiltInRegistry } from '../../../src/api/registry/index.js';
import { decodeBody, decodeChange } from '../../../src/apiserver/handlers/decode-body.js';
import type { RequestScope } from '../../../src/apiserver/handlers/request-scope.js';
import type { FieldValidation } from '../../../src/apiserver/index.js';
import { builtInStrategy } from '../../../src/apiserver/strategy/built-in-strategies.js';
import { expectLeft, expectRight } from '../../support/either.js';
import { gvr } from '../support/api-server-fixture.js';

function scopeFor(resource: string, fieldValidation?: FieldValidation): RequestScope {
  const definition = createBuiltInRegistry().byGroupVersionResource(gvr(resource));
  if (definition === undefined) {
    throw new Error(`no resource ${resource}`);
  }
  const options = fieldValidation === undefined ? {} : { fieldValidation };
  return {
    request: { verb: 'create', resource: gvr(resource), namespace: 'default', options },
    options,
    user: { name: 'tester', groups: [] },
    definition,
    strategy: builtInStrategy(definition),
    env: undefined as unknown as RequestScope['env'],
  };
}

describe('decodeBody', () => {
  it('fills in the apiVersion and kind a body leaves out', () => {
    const decoded = expectRight(
      decodeBody(scopeFor('deployments.apps'), { metadata: { name: 'web' } }),
    );
    expect(decoded.object).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
    });
    expect(decoded.warnings).toEqual([]);
  });

  it('warns about each unknown field by its path under Warn, and drops it', () => {
    const decoded = expectRight(
      decodeBody(scopeFor('configmaps'), {
        metadata: { name: 'cfg', bogus: 1 },
        data: {},
        extra: true,
      }),
    );
    expect([...decoded.warnings].sort()).toEqual([
      'unknown field "extra"',
      'unknown field "metadata.bogus"',
    ]);
    expect(decoded.object).not.toHaveProperty('extra');
    expect(decoded.object.metadata).not.toHaveProperty('bogus');
  });

  it('drops unknown fields without warnings under Ignore', () => {
    const decoded = expectRight(
      decodeBody(scopeFor('configmaps', 'Ignore'), { metadata: { name: 'cfg' }, extra: true }),
    );
    expect(decoded.warnings).toEqual([]);
    expect(decoded.object).not.toHaveProperty('extra');
  });

  it('answers 400 naming the unknown fields under Strict', () => {
    const status = expectLeft(
      decodeBody(scopeFor('configmaps', 'Strict'), { metadata: { name: 'cfg' }, extra: true }),
    );
    expect(status).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message:
        'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "extra"',
    });
  });

  it('answers 400 for a value of the wrong type whatever fieldValidation says', () => {
    for (const validation of ['Strict', 'Warn', 'Ignore'] as const) {
      const status = expectLeft(
        decodeBody(scopeFor('configmaps', validation), { metadata: { name: 'cfg' }, data: 'x' }),
      );
      expect(status.code === 400 || status.code === 422).toBe(true);
      expect(status.status).toBe('Failure');
    }
  });

  it('answers 400 for a body that is not an object, or of another kind', () => {
    expect(expectLeft(decodeBody(scopeFor('configmaps'), 'x'))).toMatchObject({
      code: 400,
      message: 'the body of the request must be a JSON object, not a string',
    });
    expect(expectLeft(decodeBody(scopeFor('configmaps'), { kind: 'Secret' })).code).toBe(400);
    expect(expectLeft(decodeBody(scopeFor('configmaps'), { apiVersion: 'v2' })).message).toBe(
      'the API version in the data (v2) does not match the expected API version (v1)',
    );
  });

  it('does not modify the body', () => {
    const body = Object.freeze({ metadata: Object.freeze({ name: 'cfg' }), extra: 1 });
    expectRight(decodeBody(scopeFor('configmaps'), body));
    expect(body).toEqual({ metadata: { name: 'cfg' }, extra: 1 });
  });
});

describe('decodeChange', () => {
  const stored = expectRight(
    decodeBody(scopeFor('rolebindings.rbac.authorization.k8s.io'), {
      metadata: { name: 'b', namespace: 'default' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
      subjects: [{ kind: 'User', name: 'alice' }],
    }),
  ).object;

  it('keeps the fields a body shares with the stored object, and decodes the rest', () => {
    const scope = scopeFor('configmaps');
    const configMap = expectRight(
      decodeBody(scope, { metadata: { name: 'c' }, data: { a: 'b' }, binaryData: { x: 'AAEC' } }),
    ).object;
    const body = { ...configMap, data: { a: 'c' }, unknown: 1 };
    const decoded = expectRight(decodeChange(scope, body, configMap));
    expect(decoded.object['binaryData']).toBe(configMap['binaryData']);
    expect(decoded).toStrictEqual(expectRight(decodeBody(scope, body)));
  });

  it('keeps the metadata a body shares with the stored object (a status patch leaves it as read)', () => {
    const scope = scopeFor('configmaps');
    const configMap = expectRight(
      decodeBody(scope, {
        metadata: { name: 'c', labels: { app: 'web' }, resourceVersion: '7' },
        data: { a: 'b' },
      }),
    ).object;
    const body = { ...configMap, data: { a: 'c' } };
    const decoded = expectRight(decodeChange(scope, body, configMap));
    expect(decoded.object.metadata).toBe(configMap.metadata);
    expect(decoded).toStrictEqual(expectRight(decodeBody(scope, body)));
  });

  it('decodes the whole body when a shared field is required (decoding the rest alone would fail)', () => {
    const scope = scopeFor('rolebindings.rbac.authorization.k8s.io');
    const body = { ...stored, subjects: [{ kind: 'Group', name: 'devs' }] };
    expect(decodeChange(scope, body, stored)).toStrictEqual(decodeBody(scope, body));
  });

  it("gives exactly decodeBody's answer, errors included", () => {
    const scope = scopeFor('rolebindings.rbac.authorization.k8s.io', 'Strict');
    for (const body of [
      { ...stored, subjects: [{ kind: 'User' }] },
      { ...stored, roleRef: undefined },
      { ...stored, subjects: [{ kind: 'User', name: 'x' }], extra: true },
      stored,
    ]) {
      expect(decodeChange(scope, body, stored)).toStrictEqual(decodeBody(scope, body));
    }
  });

  it('decodes a body that shares nothing as decodeBody does', () => {
    const scope = scopeFor('rolebindings.rbac.authorization.k8s.io');
    const copy: unknown = JSON.parse(JSON.stringify(stored));
    expect(decodeChange(scope, copy, stored)).toStrictEqual(decodeBody(scope, copy));
    expect(expectLeft(decodeChange(scope, 'text', stored))).toMatchObject({ code: 400 });
  });
});
