import { describe, expect, it } from '@jest/globals';
import type { ApiObject } from '../../../src/apiserver/api-object.js';
import {
  controllerOf,
  isControlledBy,
  ownerReferenceFor,
  setControllerReference,
} from '../../../src/reconcile/helpers/owner-references.js';
import { expectLeft, expectRight } from '../../support/either.js';

const deployment: ApiObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { namespace: 'default', name: 'web', uid: 'uid-web' },
};
const replicaSet: ApiObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { namespace: 'default', name: 'web-1', uid: 'uid-rs' },
};
const node: ApiObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'uid-n1' } };

const controllerReference = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: 'web',
  uid: 'uid-web',
  controller: true,
  blockOwnerDeletion: true,
};

describe('setControllerReference', () => {
  it('adds a controller reference to the owner', () => {
    const owned = expectRight(setControllerReference(deployment, replicaSet));
    expect(owned.metadata?.ownerReferences).toStrictEqual([controllerReference]);
    expect(replicaSet.metadata?.ownerReferences).toBeUndefined();
    expect(isControlledBy(owned, deployment)).toBe(true);
    expect(controllerOf(owned)).toStrictEqual(controllerReference);
  });

  it('answers the same object when the reference is already there', () => {
    const owned = expectRight(setControllerReference(deployment, replicaSet));
    expect(expectRight(setControllerReference(deployment, owned))).toBe(owned);
  });

  it('replaces the reference to a recreated owner (same name, new uid) and keeps the others', () => {
    const other = { apiVersion: 'v1', kind: 'ConfigMap', name: 'cm', uid: 'uid-cm' };
    const object = {
      ...replicaSet,
      metadata: {
        ...replicaSet.metadata,
        ownerReferences: [other, { ...controllerReference, uid: 'uid-old' }],
      },
    };
    const owned = expectRight(setControllerReference(deployment, object));
    expect(owned.metadata?.ownerReferences).toStrictEqual([other, controllerReference]);
  });

  it('refuses an object that another owner controls, naming it', () => {
    const owned = expectRight(setControllerReference(deployment, replicaSet));
    const rival = {
      ...deployment,
      metadata: { ...deployment.metadata, name: 'api', uid: 'uid-api' },
    };
    const error = expectLeft(setControllerReference(rival, owned));
    expect(error).toStrictEqual({
      _tag: 'AlreadyControlled',
      existing: controllerReference,
      message:
        'ReplicaSet "default/web-1" is already controlled by Deployment "web" (uid uid-web); ' +
        'it cannot also be controlled by Deployment "default/api"',
    });
  });

  it('refuses a namespaced owner in another namespace', () => {
    const elsewhere = { ...replicaSet, metadata: { ...replicaSet.metadata, namespace: 'other' } };
    const error = expectLeft(setControllerReference(deployment, elsewhere));
    expect(error._tag).toBe('ScopeMismatch');
    expect(error.message).toBe(
      'cross-namespace owner references are disallowed: owner Deployment "default/web", object ReplicaSet "other/web-1"',
    );
  });

  it('refuses a namespaced owner of a cluster-scoped object', () => {
    const error = expectLeft(setControllerReference(deployment, node));
    expect(error).toStrictEqual({
      _tag: 'ScopeMismatch',
      message: 'cluster-scoped Node "n1" cannot have a namespaced owner (Deployment "default/web")',
    });
  });

  it('lets a cluster-scoped owner own objects in any namespace', () => {
    const owned = expectRight(setControllerReference(node, replicaSet));
    expect(isControlledBy(owned, node)).toBe(true);
  });

  it('refuses an owner without a uid', () => {
    const unsaved = { ...deployment, metadata: { namespace: 'default', name: 'web' } };
    expect(expectLeft(setControllerReference(unsaved, replicaSet))).toStrictEqual({
      _tag: 'IncompleteOwner',
      missing: ['metadata.uid'],
      message: 'owner Deployment "default/web" cannot be referenced: missing metadata.uid',
    });
  });
});

describe('ownerReferenceFor', () => {
  it('builds a plain reference unless told otherwise', () => {
    expect(expectRight(ownerReferenceFor(deployment))).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'web',
      uid: 'uid-web',
    });
  });

  it('names every missing field', () => {
    expect(expectLeft(ownerReferenceFor({ metadata: {} }))).toMatchObject({
      missing: ['apiVersion', 'kind', 'metadata.name', 'metadata.uid'],
    });
  });
});

describe('isControlledBy and controllerOf', () => {
  it('ignore owner references that are not the controller', () => {
    const object = {
      ...replicaSet,
      metadata: {
        ...replicaSet.metadata,
        ownerReferences: [{ ...controllerReference, controller: false }],
      },
    };
    expect(controllerOf(object)).toBeUndefined();
    expect(isControlledBy(object, deployment)).toBe(false);
  });

  it('compare owners by uid', () => {
    const owned = expectRight(setControllerReference(deployment, replicaSet));
    const recreated = { ...deployment, metadata: { ...deployment.metadata, uid: 'uid-new' } };
    expect(isControlledBy(owned, recreated)).toBe(false);
  });
});
