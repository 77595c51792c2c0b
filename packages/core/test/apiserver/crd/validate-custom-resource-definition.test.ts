import { describe, expect, it } from '@jest/globals';
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionVersion,
} from '../../../src/api/kinds/apiextensions-v1/index.js';
import { validateCustomResourceDefinition } from '../../../src/apiserver/crd/index.js';
import { CRONTAB_CRD, CRONTAB_SCHEMA } from './crontab-fixture.js';

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, " +
  "and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const V1 = CRONTAB_CRD.spec.versions[0] as CustomResourceDefinitionVersion;

function messages(crd: CustomResourceDefinition): readonly string[] {
  return validateCustomResourceDefinition(crd).map((error) => `${error.field}: ${error.message}`);
}

function withSpec(spec: Partial<CustomResourceDefinition['spec']>): CustomResourceDefinition {
  return { ...CRONTAB_CRD, spec: { ...CRONTAB_CRD.spec, ...spec } };
}

function withVersion(version: Partial<CustomResourceDefinitionVersion>): CustomResourceDefinition {
  return withSpec({ versions: [{ ...V1, ...version }] });
}

describe('validateCustomResourceDefinition', () => {
  it('accepts the crontab sample, a cluster-scoped CRD, and a second, unserved version', () => {
    expect(messages(CRONTAB_CRD)).toStrictEqual([]);
    expect(messages(withSpec({ scope: 'Cluster' }))).toStrictEqual([]);
    expect(
      messages(
        withSpec({
          versions: [
            V1,
            {
              name: 'v1beta1',
              served: false,
              storage: false,
              deprecated: true,
              deprecationWarning: 'old',
              schema: {
                openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          ],
        }),
      ),
    ).toStrictEqual([]);
    expect(
      messages(
        withSpec({
          conversion: { strategy: 'Webhook', webhook: { conversionReviewVersions: ['v1'] } },
        }),
      ),
    ).toStrictEqual([]);
  });

  it.each<[string, CustomResourceDefinition, readonly string[]]>([
    [
      'a name that is not plural.group',
      { ...CRONTAB_CRD, metadata: { name: 'crontab.stable.example.com' } },
      [
        'metadata.name: Invalid value: "crontab.stable.example.com": must be spec.names.plural+"."+spec.group',
      ],
    ],
    [
      'a missing name',
      { ...CRONTAB_CRD, metadata: {} },
      ['metadata.name: Required value: name or generateName is required'],
    ],
    [
      'a group without a dot',
      { ...withSpec({ group: 'example' }), metadata: { name: 'crontabs.example' } },
      ['spec.group: Invalid value: "example": should be a domain with at least one dot'],
    ],
    [
      'a group that is not a DNS subdomain',
      { ...withSpec({ group: 'Example.com' }), metadata: { name: 'crontabs.Example.com' } },
      [
        "spec.group: Invalid value: \"Example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    ],
    [
      'an empty group',
      { ...withSpec({ group: '' }), metadata: { name: 'crontabs.' } },
      ['spec.group: Required value'],
    ],
    [
      'an upper-case plural',
      {
        ...withSpec({ names: { ...CRONTAB_CRD.spec.names, plural: 'CronTabs' } }),
        metadata: { name: 'CronTabs.stable.example.com' },
      },
      [`spec.names.plural: Invalid value: "CronTabs": ${DNS1035}`],
    ],
    [
      'a bad singular, short name and category',
      withSpec({
        names: {
          ...CRONTAB_CRD.spec.names,
          singular: 'cron_tab',
          shortNames: ['ct', '1ct'],
          categories: ['All'],
        },
      }),
      [
        `spec.names.singular: Invalid value: "cron_tab": ${DNS1035}`,
        `spec.names.shortNames[1]: Invalid value: "1ct": ${DNS1035}`,
        `spec.names.categories[0]: Invalid value: "All": ${DNS1035}`,
      ],
    ],
    [
      'a kind with a dot and a listKind equal to it',
      withSpec({ names: { plural: 'crontabs', kind: 'Cron.Tab', listKind: 'Cron.Tab' } }),
      [
        `spec.names.kind: Invalid value: "Cron.Tab": may have mixed case, but should otherwise match: ${DNS1035}`,
        `spec.names.listKind: Invalid value: "Cron.Tab": may have mixed case, but should otherwise match: ${DNS1035}`,
        'spec.names.listKind: Invalid value: "Cron.Tab": kind and listKind may not be the same',
      ],
    ],
    [
      'an empty kind',
      withSpec({ names: { plural: 'crontabs', kind: '' } }),
      ['spec.names.kind: Required value'],
    ],
    [
      'a bad scope',
      withSpec({ scope: 'Global' as 'Cluster' }),
      ['spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"'],
    ],
    [
      'no versions',
      withSpec({ versions: [] }),
      ['spec.versions: Required value: must have at least one version'],
    ],
    [
      'two storage versions with the same name',
      withSpec({ versions: [V1, V1] }),
      [
        'spec.versions: Invalid value: ["v1","v1"]: must contain unique version names',
        'spec.versions: Invalid value: ["v1","v1"]: must have exactly one version marked as storage version',
      ],
    ],
    [
      'no storage version',
      withVersion({ storage: false }),
      [
        'spec.versions: Invalid value: ["v1"]: must have exactly one version marked as storage version',
      ],
    ],
    [
      'a version name that is not a label',
      withVersion({ name: 'V1' }),
      [`spec.versions[0].name: Invalid value: "V1": ${DNS1035}`],
    ],
    [
      'a version without a schema',
      withVersion({ schema: {} }),
      ['spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required'],
    ],
    [
      'a non-structural schema',
      withVersion({
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { properties: {} } } } },
      }),
      [
        'spec.versions[0].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields',
      ],
    ],
    [
      'a default that breaks its own schema',
      withVersion({
        schema: {
          openAPIV3Schema: {
            ...CRONTAB_SCHEMA,
            properties: {
              spec: {
                type: 'object',
                properties: { replicas: { type: 'integer', minimum: 1, default: 0 } },
              },
            },
          },
        },
      }),
      [
        'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[replicas].default: Invalid value: 0: should be greater than or equal to 1',
      ],
    ],
    [
      'a deprecation warning on a version that is not deprecated',
      withVersion({ deprecationWarning: 'old' }),
      [
        'spec.versions[0].deprecationWarning: Invalid value: "old": can only be set for deprecated versions',
      ],
    ],
    [
      'scale paths outside spec and status',
      withVersion({
        subresources: {
          scale: {
            specReplicasPath: '.status.replicas',
            statusReplicasPath: 'status.replicas',
            labelSelectorPath: '.metadata.labels',
          },
        },
      }),
      [
        'spec.versions[0].subresources.scale.specReplicasPath: Invalid value: ".status.replicas": should be a json path under .spec',
        'spec.versions[0].subresources.scale.statusReplicasPath: Invalid value: "status.replicas": must be a simple json path starting with .',
        'spec.versions[0].subresources.scale.labelSelectorPath: Invalid value: ".metadata.labels": should be a json path under either .spec or .status',
      ],
    ],
    [
      'an empty scale path',
      withVersion({
        subresources: { scale: { specReplicasPath: '', statusReplicasPath: '.status.replicas' } },
      }),
      ['spec.versions[0].subresources.scale.specReplicasPath: Required value'],
    ],
    [
      'bad printer columns',
      withVersion({
        additionalPrinterColumns: [
          { name: '', type: 'time', jsonPath: '.spec.x' },
          { name: 'A', type: '', format: 'percent', jsonPath: '' },
          { name: 'B', type: 'string', priority: -1, jsonPath: '.spec.items[' },
        ],
      }),
      [
        'spec.versions[0].additionalPrinterColumns[0].name: Required value',
        'spec.versions[0].additionalPrinterColumns[0].type: Unsupported value: "time": supported values: "boolean", "date", "integer", "number", "string"',
        'spec.versions[0].additionalPrinterColumns[1].type: Required value: must be one of boolean,date,integer,number,string',
        'spec.versions[0].additionalPrinterColumns[1].format: Unsupported value: "percent": supported values: "byte", "date", "date-time", "double", "float", "int32", "int64", "password"',
        'spec.versions[0].additionalPrinterColumns[1].jsonPath: Required value',
        'spec.versions[0].additionalPrinterColumns[2].priority: Invalid value: -1: must be greater than or equal to 0',
        'spec.versions[0].additionalPrinterColumns[2].jsonPath: Invalid value: ".spec.items[": must be a valid simple json path: expected an index, "*", a quoted name or a filter in brackets',
      ],
    ],
    [
      'duplicate and empty selectable fields',
      withVersion({
        selectableFields: [
          { jsonPath: '.spec.image' },
          { jsonPath: '.spec.image' },
          { jsonPath: '' },
        ],
      }),
      [
        'spec.versions[0].selectableFields[1].jsonPath: Duplicate value: ".spec.image"',
        'spec.versions[0].selectableFields[2].jsonPath: Required value',
      ],
    ],
    [
      'too many selectable fields',
      withVersion({
        selectableFields: Array.from({ length: 9 }, (_, i) => ({
          jsonPath: `.spec.f${String(i)}`,
        })),
      }),
      ['spec.versions[0].selectableFields: Too many: 9: must have at most 8 items'],
    ],
    [
      'a webhook conversion without a webhook',
      withSpec({ conversion: { strategy: 'Webhook' } }),
      ['spec.conversion.webhook: Required value: required when strategy is set to Webhook'],
    ],
    [
      'no conversion with a webhook',
      withSpec({ conversion: { strategy: 'None', webhook: {} } }),
      ['spec.conversion.webhook: Forbidden: should not be set when strategy is not set to Webhook'],
    ],
    [
      'a bad conversion strategy',
      withSpec({ conversion: { strategy: 'Magic' as 'None' } }),
      ['spec.conversion.strategy: Unsupported value: "Magic": supported values: "None", "Webhook"'],
    ],
    [
      'preserveUnknownFields',
      withSpec({ preserveUnknownFields: true }),
      ['spec.preserveUnknownFields: Invalid value: true: must be false'],
    ],
  ])('reports %s', (_name, crd, expected) => {
    expect(messages(crd)).toStrictEqual(expected);
  });

  it('gives each error its upstream reason', () => {
    expect(
      validateCustomResourceDefinition(
        withSpec({ scope: 'Global' as 'Cluster', versions: [] }),
      ).map((e) => e.reason),
    ).toStrictEqual(['FieldValueNotSupported', 'FieldValueRequired']);
  });
});
