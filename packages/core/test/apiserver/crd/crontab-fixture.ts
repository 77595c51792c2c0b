import type { JSONSchemaProps } from '../../../src/api/codec/index.js';
import type { CustomResourceDefinition } from '../../../src/api/kinds/apiextensions-v1/index.js';

/** The schema of upstream's sample `crontabs.stable.example.com`, with a default for `replicas`. */
export const CRONTAB_SCHEMA: JSONSchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        cronSpec: { type: 'string', pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$' },
        image: { type: 'string' },
        replicas: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
      },
    },
    status: {
      type: 'object',
      properties: {
        replicas: { type: 'integer' },
        labelSelector: { type: 'string' },
      },
    },
  },
};

/** Upstream's sample CRD `crontabs.stable.example.com`, with a status and a scale subresource. */
export const CRONTAB_CRD: CustomResourceDefinition = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'crontabs.stable.example.com' },
  spec: {
    group: 'stable.example.com',
    names: {
      plural: 'crontabs',
      singular: 'crontab',
      kind: 'CronTab',
      listKind: 'CronTabList',
      shortNames: ['ct'],
    },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: CRONTAB_SCHEMA },
        subresources: {
          status: {},
          scale: {
            specReplicasPath: '.spec.replicas',
            statusReplicasPath: '.status.replicas',
            labelSelectorPath: '.status.labelSelector',
          },
        },
        additionalPrinterColumns: [
          { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' },
          { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
          { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        ],
      },
    ],
  },
};

/** A crontab as a user writes it. */
export const MY_CRONTAB = {
  apiVersion: 'stable.example.com/v1',
  kind: 'CronTab',
  metadata: {
    name: 'my-new-cron-object',
    namespace: 'default',
    creationTimestamp: '2024-05-01T12:00:00Z',
  },
  spec: { cronSpec: '* * * * */5', image: 'my-awesome-cron-image' },
};
