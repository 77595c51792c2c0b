import { describe, expect, it } from '@jest/globals';
import * as t from 'io-ts';
import {
  decodeObject,
  Int32,
  UnsupportedCodecError,
  withSchema,
} from '../../../src/api/codec/index.js';
import {
  defineCustomResource,
  InvalidCustomResourceDefinitionError,
  validateCustomResourceDefinition,
  type CustomResource,
} from '../../../src/apiserver/crd/index.js';
import { expectLeft, expectRight } from '../../support/either.js';
import { MY_CRONTAB } from './crontab-fixture.js';

const CronTabSpec = t.intersection([
  t.type({
    cronSpec: withSchema(t.string, { pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$' }),
    image: t.string,
  }),
  t.partial({ replicas: withSchema(Int32, { minimum: 1, maximum: 10, default: 1 }) }),
]);
const CronTabStatus = t.partial({ replicas: Int32, labelSelector: t.string });

const CRONTAB = defineCustomResource({
  group: 'stable.example.com',
  version: 'v1',
  kind: 'CronTab',
  plural: 'crontabs',
  shortNames: ['ct'],
  categories: ['all'],
  scope: 'Namespaced',
  spec: CronTabSpec,
  status: CronTabStatus,
  scale: {
    specReplicasPath: '.spec.replicas',
    statusReplicasPath: '.status.replicas',
    labelSelectorPath: '.status.labelSelector',
  },
  printerColumns: [{ name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' }],
});

describe('defineCustomResource', () => {
  it('builds a CRD that passes validation, with names, subresources and printer columns', () => {
    expect(validateCustomResourceDefinition(CRONTAB.crd)).toStrictEqual([]);
    expect(CRONTAB.apiVersion).toBe('stable.example.com/v1');
    expect(CRONTAB.crd.metadata?.name).toBe('crontabs.stable.example.com');
    expect(CRONTAB.crd.spec.names).toStrictEqual({
      plural: 'crontabs',
      singular: 'crontab',
      kind: 'CronTab',
      listKind: 'CronTabList',
      shortNames: ['ct'],
      categories: ['all'],
    });
    const [version] = CRONTAB.crd.spec.versions;
    expect(version?.subresources).toStrictEqual({
      status: {},
      scale: {
        specReplicasPath: '.spec.replicas',
        statusReplicasPath: '.status.replicas',
        labelSelectorPath: '.status.labelSelector',
      },
    });
    expect(version?.additionalPrinterColumns).toStrictEqual([
      { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' },
    ]);
    expect(version?.schema?.openAPIV3Schema).toBe(CRONTAB.schema);
  });

  it('derives the schema from the codecs', () => {
    expect(CRONTAB.schema).toStrictEqual({
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { type: 'object' },
        spec: {
          type: 'object',
          properties: {
            cronSpec: {
              type: 'string',
              pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$',
            },
            image: { type: 'string' },
            replicas: { type: 'integer', format: 'int32', minimum: 1, maximum: 10, default: 1 },
          },
          required: ['cronSpec', 'image'],
        },
        status: {
          type: 'object',
          properties: {
            replicas: { type: 'integer', format: 'int32' },
            labelSelector: { type: 'string' },
          },
        },
      },
      required: ['spec'],
    });
  });

  it('enables no subresource when there is no status nor scale', () => {
    const plain = defineCustomResource({
      group: 'example.com',
      version: 'v1alpha1',
      kind: 'Widget',
      plural: 'widgets',
      singular: 'gadget',
      scope: 'Cluster',
      spec: t.type({ size: t.number }),
    });
    const [version] = plain.crd.spec.versions;
    expect(version?.subresources).toBeUndefined();
    expect(version?.schema?.openAPIV3Schema?.properties?.['status']).toBeUndefined();
    expect(plain.crd.spec.names.singular).toBe('gadget');
    expect(validateCustomResourceDefinition(plain.crd)).toStrictEqual([]);
  });

  it('reports unknown fields of a custom resource when decoding strictly', () => {
    expect(
      expectLeft(
        decodeObject(
          CRONTAB.codec,
          { ...MY_CRONTAB, spec: { ...MY_CRONTAB.spec, typo: 1 } },
          { strictFields: true },
        ),
      ).map((e) => [e.reason, e.field]),
    ).toStrictEqual([['FieldValueUnknown', 'spec.typo']]);
  });

  it('decodes a whole custom resource with the codec, typed as a CustomResource', () => {
    const crontab: CustomResource<
      t.TypeOf<typeof CronTabSpec>,
      t.TypeOf<typeof CronTabStatus>
    > = expectRight(decodeObject(CRONTAB.codec, { ...MY_CRONTAB, status: { replicas: 1 } }));
    expect(crontab.spec.image).toBe('my-awesome-cron-image');
    expect(crontab.status?.replicas).toBe(1);
    expect(CRONTAB.codec.is(crontab)).toBe(true);
    expect(CRONTAB.codec.encode(crontab)).toStrictEqual(crontab);
    expect(
      expectLeft(
        decodeObject(CRONTAB.codec, { ...MY_CRONTAB, kind: 'Other', spec: { image: 'x' } }),
      ).map((e) => [e.reason, e.field]),
    ).toStrictEqual([
      ['FieldValueNotSupported', 'kind'],
      ['FieldValueRequired', 'spec.cronSpec'],
    ]);
  });

  it('throws the CRD errors for bad names and a non-structural spec', () => {
    const define = (): unknown =>
      defineCustomResource({
        group: 'example',
        version: 'v1',
        kind: 'Widget',
        plural: 'Widgets',
        scope: 'Namespaced',
        spec: t.type({ shape: t.union([t.type({ a: t.string }), t.type({ b: t.string })]) }),
      });
    expect(define).toThrow(InvalidCustomResourceDefinitionError);
    let thrown: unknown;
    try {
      define();
    } catch (error) {
      thrown = error;
    }
    expect(
      (thrown as InvalidCustomResourceDefinitionError).fieldErrors.map((e) => e.field),
    ).toStrictEqual([
      'spec.group',
      'spec.names.plural',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[shape].anyOf[0].properties[a].type',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[shape].anyOf[0].type',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[shape].anyOf[1].properties[b].type',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[shape].anyOf[1].type',
    ]);
  });

  it('throws UnsupportedCodecError for a codec without a schema', () => {
    expect(() =>
      defineCustomResource({
        group: 'example.com',
        version: 'v1',
        kind: 'W',
        plural: 'ws',
        scope: 'Cluster',
        spec: t.null,
      }),
    ).toThrow(UnsupportedCodecError);
  });
});
