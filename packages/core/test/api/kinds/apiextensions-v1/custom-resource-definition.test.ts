import { describe, expect, it } from '@jest/globals';
import { toOpenAPISchema } from '../../../../src/api/codec/index.js';
import {
  CustomResourceDefinition,
  CustomResourceDefinitionList,
  JSONSchemaPropsCodec,
} from '../../../../src/api/kinds/apiextensions-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** The upstream sample CRD, as `kubectl get crd crontabs.stable.example.com -o json` prints it. */
const CRONTAB_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'crontabs.stable.example.com', resourceVersion: '512', generation: 1 },
  spec: {
    group: 'stable.example.com',
    names: {
      plural: 'crontabs',
      singular: 'crontab',
      kind: 'CronTab',
      listKind: 'CronTabList',
      shortNames: ['ct'],
      categories: ['all'],
    },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  cronSpec: {
                    type: 'string',
                    pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$',
                  },
                  image: { type: 'string' },
                  replicas: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
                },
              },
              status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          },
        },
        subresources: {
          status: {},
          scale: {
            specReplicasPath: '.spec.replicas',
            statusReplicasPath: '.status.replicas',
            labelSelectorPath: '.status.labelSelector',
          },
        },
        additionalPrinterColumns: [
          {
            name: 'Spec',
            type: 'string',
            jsonPath: '.spec.cronSpec',
            description: 'The cron spec',
          },
          {
            name: 'Replicas',
            type: 'integer',
            format: 'int32',
            priority: 1,
            jsonPath: '.spec.replicas',
          },
          { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        ],
        selectableFields: [{ jsonPath: '.spec.image' }],
      },
      {
        name: 'v1beta1',
        served: true,
        storage: false,
        deprecated: true,
        deprecationWarning: 'stable.example.com/v1beta1 CronTab is deprecated; use v1',
        schema: {
          openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        },
      },
    ],
    conversion: { strategy: 'None' },
    preserveUnknownFields: false,
  },
  status: {
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        lastTransitionTime: '2024-05-01T12:00:00Z',
        reason: 'NoConflicts',
        message: 'no conflicts found',
      },
      {
        type: 'Established',
        status: 'True',
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
    ],
    acceptedNames: {
      plural: 'crontabs',
      singular: 'crontab',
      kind: 'CronTab',
      listKind: 'CronTabList',
    },
    storedVersions: ['v1'],
  },
};

describe('CustomResourceDefinition', () => {
  it('decodes the crontab sample and a list of it to equal values, strictly', () => {
    expectDecodesAsIs(CustomResourceDefinition, CRONTAB_CRD);
    expectDecodesAsIs(CustomResourceDefinitionList, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinitionList',
      metadata: { resourceVersion: '600' },
      items: [CRONTAB_CRD],
    });
  });

  it('keeps every field of the schema, however deep and whatever its name', () => {
    const openAPIV3Schema = {
      type: 'object',
      'x-kubernetes-validations': [{ rule: 'self.a > 0' }],
      properties: { a: { type: 'integer', 'x-made-up': { deep: [1, 2] } } },
    };
    const crd = {
      ...CRONTAB_CRD,
      spec: {
        ...CRONTAB_CRD.spec,
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema } }],
      },
    };
    expectDecodesAsIs(CustomResourceDefinition, crd);
  });

  it.each([
    ['a schema that is a list', [{ type: 'object' }]],
    ['a schema that is a string', 'object'],
    ['a schema that is null', null],
  ])('reports %s as a type error at its path', (_name, openAPIV3Schema) => {
    const crd = {
      spec: {
        ...CRONTAB_CRD.spec,
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema } }],
      },
    };
    expect(strictErrors(CustomResourceDefinition, crd)).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'spec.versions[0].schema.openAPIV3Schema' },
    ]);
  });

  it('reports a missing spec, a missing plural, a bad scope and a bad conversion strategy', () => {
    expect(strictErrors(CustomResourceDefinition, { metadata: { name: 'x' } })).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'spec' },
    ]);
    const { plural: _plural, ...names } = CRONTAB_CRD.spec.names;
    expect(
      strictErrors(CustomResourceDefinition, {
        spec: { ...CRONTAB_CRD.spec, names, scope: 'Global', conversion: { strategy: 'Magic' } },
      }),
    ).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'spec.names.plural' },
      { reason: 'FieldValueNotSupported', field: 'spec.scope' },
      { reason: 'FieldValueNotSupported', field: 'spec.conversion.strategy' },
    ]);
  });

  it('reports unknown fields outside the schema when strict', () => {
    const crd = { ...CRONTAB_CRD, spec: { ...CRONTAB_CRD.spec, validation: {} } };
    expect(strictErrors(CustomResourceDefinition, crd)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'spec.validation' },
    ]);
  });

  it('has a schema whose openAPIV3Schema keeps unknown fields and whose scope is an enum', () => {
    expect(
      schemaAt(CustomResourceDefinition, 'spec.versions[*].schema.openAPIV3Schema'),
    ).toMatchObject({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    });
    expect(schemaAt(CustomResourceDefinition, 'spec.scope')).toMatchObject({
      type: 'string',
      enum: ['Namespaced', 'Cluster'],
    });
    expect(
      schemaAt(CustomResourceDefinition, 'spec.versions[*].additionalPrinterColumns[*].priority'),
    ).toMatchObject({
      type: 'integer',
      format: 'int32',
    });
    expect(schemaAt(CustomResourceDefinition, 'apiVersion').enum).toStrictEqual([
      'apiextensions.k8s.io/v1',
    ]);
    expect(toOpenAPISchema(CustomResourceDefinition).required).toStrictEqual(['spec']);
  });

  it('decodes any JSON object as a schema and nothing else', () => {
    expect(JSONSchemaPropsCodec.is({ anything: [1] })).toBe(true);
    expect(JSONSchemaPropsCodec.is([])).toBe(false);
    expect(JSONSchemaPropsCodec.is('object')).toBe(false);
  });
});
