import { describe, expect, it } from '@jest/globals';
import type { ObjectMeta } from '../../../src/api/meta/index.js';
import {
  type FieldError,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type ObjectMetaValidationOptions,
} from '../../../src/apiserver/validation/index.js';

const NAMESPACED: ObjectMetaValidationOptions = { namespaced: true, nameRule: 'subdomain' };
const CLUSTER: ObjectMetaValidationOptions = { namespaced: false, nameRule: 'label' };
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('validateObjectMeta', () => {
  it('accepts complete metadata', () => {
    expect(
      validateObjectMeta(
        {
          name: 'web',
          namespace: 'default',
          labels: { app: 'web', 'app.kubernetes.io/part-of': '' },
          annotations: { 'Example.com/Note': 'anything at all' },
          finalizers: ['example.com/cleanup'],
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: 'web-1',
              uid: 'u1',
              controller: true,
            },
          ],
        },
        NAMESPACED,
      ),
    ).toStrictEqual([]);
  });

  it.each<[string, ObjectMeta, ObjectMetaValidationOptions, FieldError[]]>([
    [
      'a missing name',
      { namespace: 'default' },
      NAMESPACED,
      [
        {
          reason: 'FieldValueRequired',
          field: 'metadata.name',
          message: 'Required value: name or generateName is required',
        },
      ],
    ],
    [
      'a missing namespace',
      { name: 'web' },
      NAMESPACED,
      [{ reason: 'FieldValueRequired', field: 'metadata.namespace', message: 'Required value' }],
    ],
    [
      'a namespace on a cluster-scoped kind',
      { name: 'web', namespace: 'default' },
      CLUSTER,
      [
        {
          reason: 'FieldValueForbidden',
          field: 'metadata.namespace',
          message: 'Forbidden: not allowed on this type',
        },
      ],
    ],
    [
      'a name that is not a label under the label rule',
      { name: 'Web' },
      CLUSTER,
      [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.name',
          message: `Invalid value: "Web": ${LABEL_MESSAGE}`,
        },
      ],
    ],
    [
      'a bad generateName prefix',
      { generateName: 'Web-', namespace: 'default' },
      { ...NAMESPACED, nameRule: 'label' },
      [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.generateName',
          message: `Invalid value: "Web-": ${LABEL_MESSAGE}`,
        },
      ],
    ],
    [
      'a namespace that is not a label',
      { name: 'web', namespace: 'my.ns' },
      NAMESPACED,
      [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.namespace',
          message: 'Invalid value: "my.ns": must not contain dots',
        },
      ],
    ],
    [
      'a negative generation',
      { name: 'n', generation: -1 },
      CLUSTER,
      [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.generation',
          message: 'Invalid value: -1: must be greater than or equal to 0',
        },
      ],
    ],
    [
      'a bad label key',
      { name: 'n', labels: { 'a b': 'x' } },
      CLUSTER,
      [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.labels',
          message: `Invalid value: "a b": ${NAME_PART_MESSAGE}`,
        },
      ],
    ],
    [
      'a bad annotation key',
      { name: 'n', annotations: { 'a b': 'x' } },
      CLUSTER,
      [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.annotations',
          message: `Invalid value: "a b": ${NAME_PART_MESSAGE}`,
        },
      ],
    ],
    [
      'annotations over 256 KiB',
      { name: 'n', annotations: { big: 'x'.repeat(256 * 1024) } },
      CLUSTER,
      [
        {
          reason: 'FieldValueTooLong',
          field: 'metadata.annotations',
          message: 'Too long: may not be more than 262144 bytes',
        },
      ],
    ],
    [
      'both orphan and foregroundDeletion',
      { name: 'n', finalizers: ['orphan', 'foregroundDeletion'] },
      CLUSTER,
      [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.finalizers',
          message:
            'Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set',
        },
      ],
    ],
    [
      'an owner reference missing its fields',
      { name: 'n', ownerReferences: [{ apiVersion: 'apps/', kind: '', name: '', uid: '' }] },
      CLUSTER,
      [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.ownerReferences.apiVersion',
          message: 'Invalid value: "apps/": version must not be empty',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.ownerReferences.kind',
          message: 'Invalid value: "": must not be empty',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.ownerReferences.name',
          message: 'Invalid value: "": must not be empty',
        },
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.ownerReferences.uid',
          message: 'Invalid value: "": must not be empty',
        },
      ],
    ],
  ])('reports %s', (_case, meta, options, expected) => {
    expect(validateObjectMeta(meta, options)).toStrictEqual(expected);
  });

  it('reports a second controller owner and an Event owner', () => {
    const references = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
      { apiVersion: 'v1', kind: 'Event', name: 'b', uid: '2', controller: true },
    ];
    expect(validateObjectMeta({ name: 'n', ownerReferences: references }, CLUSTER)).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.ownerReferences',
        message: `Invalid value: ${JSON.stringify(references[1])}: /v1, Kind=Event is disallowed from being an owner`,
      },
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.ownerReferences',
        message: `Invalid value: ${JSON.stringify(references)}: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and Event/b`,
      },
    ]);
  });

  it('uses the given path', () => {
    expect(validateObjectMeta({}, { ...CLUSTER, path: 'spec.template.metadata' })).toStrictEqual([
      {
        reason: 'FieldValueRequired',
        field: 'spec.template.metadata.name',
        message: 'Required value: name or generateName is required',
      },
    ]);
  });
});

describe('validateObjectMetaUpdate', () => {
  const old = {
    name: 'a',
    namespace: 'default',
    uid: 'u1',
    creationTimestamp: '2024-05-01T12:00:00Z',
    generation: 2,
    resourceVersion: '10',
  };

  it('accepts an update that changes only labels', () => {
    expect(validateObjectMetaUpdate({ ...old, labels: { a: 'b' } }, old, NAMESPACED)).toStrictEqual(
      [],
    );
  });

  it('reports each immutable field that changed', () => {
    const changed = {
      ...old,
      name: 'b',
      namespace: 'other',
      uid: 'u2',
      creationTimestamp: '2024-05-02T12:00:00Z',
      deletionTimestamp: '2024-05-03T12:00:00Z',
      deletionGracePeriodSeconds: 30,
    };
    expect(validateObjectMetaUpdate(changed, old, NAMESPACED)).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: 'Invalid value: "b": field is immutable',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.namespace',
        message: 'Invalid value: "other": field is immutable',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.uid',
        message: 'Invalid value: "u2": field is immutable',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.creationTimestamp',
        message: 'Invalid value: "2024-05-02T12:00:00Z": field is immutable',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.deletionTimestamp',
        message: 'Invalid value: "2024-05-03T12:00:00Z": field is immutable',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.deletionGracePeriodSeconds',
        message: 'Invalid value: 30: field is immutable',
      },
    ]);
  });

  it('reports a decremented generation and a finalizer added during deletion', () => {
    const deleting = { ...old, deletionTimestamp: '2024-05-03T12:00:00Z' };
    expect(
      validateObjectMetaUpdate(
        { ...deleting, generation: 1, finalizers: ['b.io/x', 'a.io/y'] },
        deleting,
        NAMESPACED,
      ),
    ).toStrictEqual([
      {
        reason: 'FieldValueForbidden',
        field: 'metadata.finalizers',
        message:
          'Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"a.io/y", "b.io/x"}',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.generation',
        message: 'Invalid value: 1: must not be decremented',
      },
    ]);
  });

  it('validates the new metadata too', () => {
    expect(
      validateObjectMetaUpdate({ ...old, labels: { 'a b': '' } }, old, NAMESPACED),
    ).toHaveLength(1);
  });
});
