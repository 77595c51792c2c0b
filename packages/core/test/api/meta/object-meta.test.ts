import { describe, expect, it } from '@jest/globals';
import * as t from 'io-ts';
import {
  decodeObject,
  type FieldError,
  type JSONSchemaProps,
  toOpenAPISchema,
} from '../../../src/api/codec/index.js';
import {
  ListMeta,
  ManagedFieldsEntry,
  ObjectMeta,
  OwnerReference,
  TypeMeta,
} from '../../../src/api/meta/index.js';
import { expectLeft, expectRight } from '../../support/either.js';

/** An object with only metadata, as a kind embeds it. */
const Metadata = t.intersection([TypeMeta, t.type({ metadata: ObjectMeta })]);

/** The metadata of a pod a ReplicaSet created, as `kubectl get -o json` shows it. */
const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-7d4b9c8f6-x2x9z',
    generateName: 'web-7d4b9c8f6-',
    namespace: 'default',
    uid: '3f1c2a9e-8b1d-4c55-9a0e-1f2b3c4d5e6f',
    resourceVersion: '48213',
    generation: 1,
    creationTimestamp: '2024-05-01T12:00:00Z',
    deletionTimestamp: '2024-05-01T12:10:30Z',
    deletionGracePeriodSeconds: 30,
    labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6' },
    annotations: { 'kubectl.kubernetes.io/restartedAt': '2024-05-01T11:59:00Z' },
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web-7d4b9c8f6',
        uid: 'a1b2c3d4-0000-4000-8000-000000000001',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
    finalizers: ['example.com/cleanup'],
    managedFields: [
      {
        manager: 'kube-controller-manager',
        operation: 'Update',
        apiVersion: 'v1',
        time: '2024-05-01T12:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } },
      },
      {
        manager: 'kubelet',
        operation: 'Update',
        apiVersion: 'v1',
        time: '2024-05-01T12:00:05Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:status': { 'f:phase': {} } },
        subresource: 'status',
      },
    ],
  },
};

function typeInvalid(field: string, type: string, expected: string): FieldError {
  return {
    reason: 'FieldValueTypeInvalid',
    field,
    message: `Invalid value: "${type}": must be of type ${expected}`,
  };
}

describe('ObjectMeta', () => {
  it('decodes a real pod metadata to an equal value, strictly', () => {
    expect(expectRight(decodeObject(Metadata, POD, { strictFields: true }))).toStrictEqual(POD);
  });

  it('decodes an empty metadata: every field is optional', () => {
    expect(expectRight(decodeObject(ObjectMeta, {}))).toStrictEqual({});
  });

  it('accepts a null creationTimestamp, as Go clients write an unset time', () => {
    const input = { metadata: { name: 'x', creationTimestamp: null } };
    expect(expectRight(decodeObject(Metadata, input))).toStrictEqual(input);
  });

  it('reports an unknown field at metadata.foo when strict, and drops it otherwise', () => {
    const input = { metadata: { name: 'x', foo: 1 } };
    expect(expectLeft(decodeObject(Metadata, input, { strictFields: true }))).toStrictEqual([
      {
        reason: 'FieldValueUnknown',
        field: 'metadata.foo',
        message: 'unknown field "metadata.foo"',
      },
    ]);
    expect(expectRight(decodeObject(Metadata, input))).toStrictEqual({ metadata: { name: 'x' } });
  });

  it('reports unknown fields inside owner references and managed fields with their paths', () => {
    const input = {
      metadata: {
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n', uid: 'u', namespace: 'x' }],
        managedFields: [{ manager: 'm', extra: true }],
      },
    };
    expect(
      expectLeft(decodeObject(Metadata, input, { strictFields: true })).map((e) => e.field),
    ).toStrictEqual(['metadata.ownerReferences[0].namespace', 'metadata.managedFields[0].extra']);
  });

  it('reports wrongly typed fields with their paths', () => {
    const input = {
      metadata: {
        name: 7,
        generation: '1',
        labels: { app: 1 },
        finalizers: 'x',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'Node', name: 'n', uid: 'u', controller: 'yes' },
        ],
      },
    };
    expect(expectLeft(decodeObject(Metadata, input))).toStrictEqual([
      typeInvalid('metadata.name', 'integer', 'string'),
      typeInvalid('metadata.generation', 'string', 'integer'),
      typeInvalid('metadata.labels[app]', 'integer', 'string'),
      typeInvalid('metadata.ownerReferences[0].controller', 'string', 'boolean'),
      typeInvalid('metadata.finalizers', 'string', 'array'),
    ]);
  });

  it('reports a fraction for an int64 as a wrong JSON type, as upstream', () => {
    const input = { metadata: { deletionGracePeriodSeconds: 1.5 } };
    expect(expectLeft(decodeObject(Metadata, input))).toStrictEqual([
      typeInvalid('metadata.deletionGracePeriodSeconds', 'number', 'integer'),
    ]);
  });

  it('reports wrong values of the right type: a timestamp, an operation', () => {
    const input = {
      metadata: {
        creationTimestamp: '2024-05-01',
        managedFields: [{ operation: 'Patch' }],
      },
    };
    expect(expectLeft(decodeObject(Metadata, input)).map((e) => [e.reason, e.field])).toStrictEqual(
      [
        ['FieldValueInvalid', 'metadata.creationTimestamp'],
        ['FieldValueNotSupported', 'metadata.managedFields[0].operation'],
      ],
    );
  });

  it('reports the missing required fields of an owner reference', () => {
    const input = { metadata: { ownerReferences: [{ kind: 'ReplicaSet', name: 'rs' }] } };
    expect(expectLeft(decodeObject(Metadata, input))).toStrictEqual([
      {
        reason: 'FieldValueRequired',
        field: 'metadata.ownerReferences[0].apiVersion',
        message: 'Required value',
      },
      {
        reason: 'FieldValueRequired',
        field: 'metadata.ownerReferences[0].uid',
        message: 'Required value',
      },
    ]);
  });
});

describe('ObjectMeta OpenAPI schema', () => {
  const schema = toOpenAPISchema(ObjectMeta);
  const properties = schema.properties ?? {};
  const property = (name: string): JSONSchemaProps => properties[name] ?? {};

  it('is an object with upstream field names, none required', () => {
    expect(schema.type).toBe('object');
    expect(schema.required).toBeUndefined();
    expect(Object.keys(properties).sort()).toStrictEqual(
      [
        'annotations',
        'creationTimestamp',
        'deletionGracePeriodSeconds',
        'deletionTimestamp',
        'finalizers',
        'generateName',
        'generation',
        'labels',
        'managedFields',
        'name',
        'namespace',
        'ownerReferences',
        'resourceVersion',
        'uid',
      ].sort(),
    );
    expect(schema.description).toMatch(/^ObjectMeta is metadata that all persisted resources/);
  });

  it('gives types and formats as upstream', () => {
    expect(property('name')).toMatchObject({ type: 'string' });
    expect(property('generation')).toMatchObject({ type: 'integer', format: 'int64' });
    expect(property('deletionGracePeriodSeconds')).toMatchObject({
      type: 'integer',
      format: 'int64',
    });
    expect(property('creationTimestamp')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(property('deletionTimestamp')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(property('labels')).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'string' },
    });
    expect(property('finalizers')).toMatchObject({
      type: 'array',
      items: { type: 'string' },
      'x-kubernetes-list-type': 'set',
    });
  });

  it('describes every field', () => {
    for (const [name, field] of Object.entries(properties)) {
      expect([name, typeof field.description]).toStrictEqual([name, 'string']);
    }
  });

  it('keys owner references by uid and requires their identity fields', () => {
    const owners = property('ownerReferences');
    expect(owners).toMatchObject({
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['uid'],
    });
    expect(owners.items?.required).toStrictEqual(['apiVersion', 'kind', 'name', 'uid']);
    expect(owners.items?.properties?.['controller']).toMatchObject({ type: 'boolean' });
  });

  it('keeps fieldsV1 as unknown fields in an atomic managedFields list', () => {
    const managed = property('managedFields');
    expect(managed['x-kubernetes-list-type']).toBe('atomic');
    expect(managed.items?.properties?.['fieldsV1']).toMatchObject({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    });
    expect(managed.items?.properties?.['operation']).toMatchObject({
      type: 'string',
      enum: ['Apply', 'Update'],
    });
  });
});

describe('TypeMeta, ListMeta and their parts', () => {
  it('decodes TypeMeta with both fields optional', () => {
    expect(expectRight(decodeObject(TypeMeta, {}))).toStrictEqual({});
    expect(
      expectRight(decodeObject(TypeMeta, { apiVersion: 'apps/v1', kind: 'Deployment' })),
    ).toStrictEqual({ apiVersion: 'apps/v1', kind: 'Deployment' });
  });

  it('decodes a list page metadata', () => {
    const input = {
      resourceVersion: '1200',
      continue: 'eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ',
      remainingItemCount: 42,
    };
    expect(expectRight(decodeObject(ListMeta, input, { strictFields: true }))).toStrictEqual(input);
  });

  it('gives ListMeta remainingItemCount as int64', () => {
    expect(toOpenAPISchema(ListMeta).properties?.['remainingItemCount']).toMatchObject({
      type: 'integer',
      format: 'int64',
    });
  });

  it('decodes OwnerReference and ManagedFieldsEntry on their own', () => {
    const owner = { apiVersion: 'v1', kind: 'Node', name: 'n1', uid: 'u1' };
    expect(expectRight(decodeObject(OwnerReference, owner))).toStrictEqual(owner);
    expect(
      expectRight(decodeObject(ManagedFieldsEntry, { manager: 'kubectl', operation: 'Apply' })),
    ).toStrictEqual({ manager: 'kubectl', operation: 'Apply' });
  });
});

describe('the meta module example', () => {
  it('reports an unknown metadata field of a kind built on TypeMeta and ObjectMeta', () => {
    const ConfigMap = t.intersection([
      TypeMeta,
      t.partial({ metadata: ObjectMeta, data: t.record(t.string, t.string) }),
    ]);
    const input = { metadata: { name: 'cfg', foo: 1 } };
    expect(expectLeft(decodeObject(ConfigMap, input, { strictFields: true }))).toStrictEqual([
      {
        reason: 'FieldValueUnknown',
        field: 'metadata.foo',
        message: 'unknown field "metadata.foo"',
      },
    ]);
  });
});
