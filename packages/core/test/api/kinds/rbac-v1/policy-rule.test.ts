import { describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../../../src/api/codec/index.js';
import { PolicyRule } from '../../../../src/api/kinds/rbac-v1/index.js';
import { expectLeft } from '../../../support/either.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

describe('PolicyRule', () => {
  it('decodes resource rules, named rules and non-resource rules as they are', () => {
    expectDecodesAsIs(PolicyRule, {
      apiGroups: [''],
      resources: ['pods', 'pods/log'],
      verbs: ['get', 'list', 'watch'],
    });
    expectDecodesAsIs(PolicyRule, {
      apiGroups: ['apps'],
      resources: ['deployments'],
      resourceNames: ['web'],
      verbs: ['get', 'update'],
    });
    expectDecodesAsIs(PolicyRule, { nonResourceURLs: ['/healthz', '/livez*'], verbs: ['get'] });
  });

  it('requires verbs', () => {
    expect(strictErrors(PolicyRule, { apiGroups: [''], resources: ['pods'] })).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'verbs' },
    ]);
  });

  it('reports a verb that is not a string and resources that are not a list', () => {
    expect(
      expectLeft(decodeObject(PolicyRule, { verbs: ['get', 7], resources: 'pods' })),
    ).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'verbs[1]',
        message: 'Invalid value: "integer": must be of type string',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'resources',
        message: 'Invalid value: "string": must be of type array',
      },
    ]);
  });

  it('reports an unknown field when strict', () => {
    expect(strictErrors(PolicyRule, { verbs: ['get'], resource: ['pods'] })).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'resource' },
    ]);
  });

  it('has a schema that requires verbs, every list atomic', () => {
    expect(schemaAt(PolicyRule, '').required).toStrictEqual(['verbs']);
    expect(schemaAt(PolicyRule, 'verbs')).toMatchObject({
      type: 'array',
      items: { type: 'string' },
      'x-kubernetes-list-type': 'atomic',
    });
    expect(schemaAt(PolicyRule, 'nonResourceURLs').description).toMatch(/^NonResourceURLs/);
  });
});
