/**
 * Serving custom resources: the apiextensions-apiserver's controllers in one place.
 * A `CustomResourceDefinition` that is created is checked for name conflicts, its
 * served versions are registered (and so served) with their schemas, and its status
 * says so (`NamesAccepted`, `Established`); one that is deleted has its objects
 * deleted and stops being served.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Subject, type Observable, type Subscription } from 'rxjs';
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionCondition,
} from '../../api/kinds/apiextensions-v1/index.js';
import { defineResource, type ResourceDefinition } from '../../api/registry/index.js';
import { internalError, type Status } from '../../api/status/index.js';
import { isTombstone, prefixRange } from '../../store/index.js';
import type { ApiServer } from '../api-server.js';
import { SYSTEM_ADMIN } from '../authentication/authenticator.js';
import { formatTime } from '../handlers/timestamps.js';
import { jsonEqual } from '../json-equal.js';
import { resourcePrefix } from '../storage/object-key.js';
import { servedObject } from '../storage/served-object.js';
import { customResourceStrategy } from './custom-resource-strategy.js';

/** The finalizer that holds a deleted CRD until its objects are gone. */
export const CUSTOM_RESOURCE_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

const CRD_RESOURCE = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  resource: 'customresourcedefinitions',
};

/** A running CRD controller. */
export interface CustomResourceDefinitions {
  /** Resolves once every status write and cleanup started so far has finished. */
  readonly settled: () => Promise<void>;
  /** Failures of the controller's own writes (they are retried on the CRD's next change). */
  readonly failures$: Observable<Status>;
  /** Stops following CRDs; resources already served stay served. */
  readonly stop: () => void;
}

/**
 * Follows the CRDs in the server's store and serves their resources.
 *
 * Guarantees:
 * - a CRD's served versions are registered synchronously as its write commits, so the
 *   request after a successful create can already use the new resource (when its
 *   names are accepted: a plural or kind another resource of the group has is a
 *   conflict, and the CRD is not served, with `NamesAccepted: False`);
 * - its status (`acceptedNames`, `storedVersions`, the conditions `NamesAccepted` and
 *   `Established`) is written after, through the server, as `system:admin`;
 * - a CRD being deleted stops being served, its objects are deleted, and its
 *   cleanup finalizer is removed so that it goes.
 *
 * Caveats: objects of a deleted CRD that have finalizers of their own are deleted
 * without waiting for them.
 */
export async function startCustomResourceDefinitions(
  server: ApiServer,
): Promise<CustomResourceDefinitions> {
  const prefix = resourcePrefix({ group: CRD_RESOURCE.group, plural: CRD_RESOURCE.resource });
  const served = new Map<
    string,
    { readonly crd: CustomResourceDefinition; readonly definitions: readonly ResourceDefinition[] }
  >();
  const failures = new Subject<Status>();
  let tail: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>): void => {
    tail = tail.then(work).catch((error: unknown) => {
      failures.next(
        internalError({ message: error instanceof Error ? error.message : String(error) }),
      );
    });
  };
  const report = (result: Awaited<ReturnType<ApiServer['handle']>>): void => {
    if (isLeft(result) && result.left.code !== 404 && result.left.code !== 409) {
      failures.next(result.left);
    }
  };

  const unserve = (name: string): void => {
    const current = served.get(name);
    if (current === undefined) {
      return;
    }
    for (const definition of current.definitions) {
      server.registry.unregister({
        group: definition.group,
        version: definition.version,
        resource: definition.plural,
      });
    }
    served.delete(name);
  };

  const serve = (crd: CustomResourceDefinition): CustomResourceDefinitionCondition[] => {
    const name = crd.metadata?.name ?? '';
    const previous = served.get(name);
    if (previous !== undefined && jsonEqual(previous.crd.spec, crd.spec)) {
      return acceptedConditions();
    }
    unserve(name);
    const conflict = namesConflict(server, crd);
    if (conflict !== undefined) {
      return [
        condition('NamesAccepted', 'False', 'NameConflict', conflict),
        condition('Established', 'False', 'NotAccepted', 'not all names are accepted'),
      ];
    }
    const definitions: ResourceDefinition[] = [];
    for (const version of crd.spec.versions) {
      if (!version.served) {
        continue;
      }
      const definition = definitionOf(crd, version.name, version.subresources);
      const registered = server.registry.register(definition);
      if (isLeft(registered)) {
        for (const done of definitions) {
          server.registry.unregister({
            group: done.group,
            version: done.version,
            resource: done.plural,
          });
        }
        return [
          condition('NamesAccepted', 'False', 'NameConflict', registered.left.message),
          condition('Established', 'False', 'NotAccepted', 'not all names are accepted'),
        ];
      }
      server.setStrategy(
        definition,
        customResourceStrategy(version.schema?.openAPIV3Schema, version.additionalPrinterColumns),
      );
      definitions.push(definition);
    }
    served.set(name, { crd, definitions });
    return acceptedConditions();
  };

  const onChange = (crd: CustomResourceDefinition): void => {
    const name = crd.metadata?.name ?? '';
    if (crd.metadata?.deletionTimestamp !== undefined) {
      unserve(name);
      enqueue(() => cleanUp(server, crd, report));
      return;
    }
    const conditions = serve(crd);
    enqueue(() => writeStatus(server, crd, conditions, report));
  };

  const initial = await server.store.range(prefixRange(prefix));
  if (isLeft(initial)) {
    throw new Error(`cannot read the custom resource definitions: ${initial.left.message}`);
  }
  for (const kv of initial.right.items) {
    onChange(servedObject(kv) as unknown as CustomResourceDefinition);
  }
  const subscription: Subscription = server.store
    .watch(prefixRange(prefix), { fromRevision: initial.right.revision + 1, prevKv: true })
    .subscribe((event) => {
      if (event.type === 'DELETE') {
        const name = event.prevKv?.value.metadata?.name;
        if (name !== undefined) {
          unserve(name);
        }
      } else if (!isTombstone(event.kv)) {
        onChange(servedObject(event.kv) as unknown as CustomResourceDefinition);
      }
    });
  return {
    settled: async () => {
      // Work may enqueue more work (a status write that changes the CRD): drain it all.
      for (let seen: Promise<void> | undefined; seen !== tail;) {
        seen = tail;
        await seen;
      }
    },
    failures$: failures.asObservable(),
    stop: () => {
      subscription.unsubscribe();
      failures.complete();
    },
  };
}

/** The resource a CRD serves in one version. */
function definitionOf(
  crd: CustomResourceDefinition,
  version: string,
  subresources: CustomResourceDefinition['spec']['versions'][number]['subresources'],
): ResourceDefinition {
  const { names } = crd.spec;
  return defineResource({
    group: crd.spec.group,
    version,
    kind: names.kind,
    plural: names.plural,
    singular: names.singular ?? names.kind.toLowerCase(),
    shortNames: names.shortNames ?? [],
    categories: names.categories ?? [],
    listKind: names.listKind ?? `${names.kind}List`,
    namespaced: crd.spec.scope === 'Namespaced',
    subresources: {
      ...(subresources?.status === undefined ? {} : { status: true as const }),
      ...(subresources?.scale === undefined
        ? {}
        : {
            scale: {
              specReplicasPath: subresources.scale.specReplicasPath,
              statusReplicasPath: subresources.scale.statusReplicasPath,
              ...(subresources.scale.labelSelectorPath === undefined
                ? {}
                : { labelSelectorPath: subresources.scale.labelSelectorPath }),
            },
          }),
    },
  });
}

/** Why a CRD's names cannot be served: another resource of its group has its plural or kind. */
function namesConflict(server: ApiServer, crd: CustomResourceDefinition): string | undefined {
  const { group, names } = crd.spec;
  for (const resource of server.registry.resources()) {
    if (resource.group !== group) {
      continue;
    }
    if (resource.plural === names.plural) {
      return `"${names.plural}" is already in use`;
    }
    if (resource.kind === names.kind) {
      return `"${names.kind}" is already in use`;
    }
  }
  return undefined;
}

function acceptedConditions(): CustomResourceDefinitionCondition[] {
  return [
    condition('NamesAccepted', 'True', 'NoConflicts', 'no conflicts found'),
    condition(
      'Established',
      'True',
      'InitialNamesAccepted',
      'the initial names have been accepted',
    ),
  ];
}

function condition(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
): CustomResourceDefinitionCondition {
  return { type, status, reason, message };
}

/** Writes a CRD's status when it differs from what is stored (transition times kept). */
async function writeStatus(
  server: ApiServer,
  crd: CustomResourceDefinition,
  conditions: readonly CustomResourceDefinitionCondition[],
  report: (result: Awaited<ReturnType<ApiServer['handle']>>) => void,
): Promise<void> {
  const now = formatTime(server.clock.now());
  const previous = crd.status?.conditions ?? [];
  const stamped = conditions.map((next) => {
    const before = previous.find((c) => c.type === next.type);
    return {
      ...next,
      lastTransitionTime:
        before !== undefined && before.status === next.status ? before.lastTransitionTime : now,
    };
  });
  const { names } = crd.spec;
  const accepted = conditions[0]?.status === 'True';
  const status = {
    ...crd.status,
    conditions: stamped,
    acceptedNames: accepted
      ? {
          ...names,
          singular: names.singular ?? names.kind.toLowerCase(),
          listKind: names.listKind ?? `${names.kind}List`,
        }
      : (crd.status?.acceptedNames ?? { plural: '', kind: '' }),
    storedVersions: [
      ...new Set([
        ...(crd.status?.storedVersions ?? []),
        ...crd.spec.versions.filter((v) => v.storage).map((v) => v.name),
      ]),
    ],
  };
  if (jsonEqual(status, crd.status)) {
    return;
  }
  report(
    await server.handle({
      verb: 'update',
      user: SYSTEM_ADMIN,
      resource: CRD_RESOURCE,
      subresource: 'status',
      name: crd.metadata?.name ?? '',
      body: { ...crd, status },
    }),
  );
}

/** Deletes a deleted CRD's objects directly in the store, then lets the CRD go. */
async function cleanUp(
  server: ApiServer,
  crd: CustomResourceDefinition,
  report: (result: Awaited<ReturnType<ApiServer['handle']>>) => void,
): Promise<void> {
  const deleted = await server.store.delete(
    prefixRange(resourcePrefix({ group: crd.spec.group, plural: crd.spec.names.plural })),
  );
  if (isLeft(deleted)) {
    throw new Error(
      `cannot delete the objects of ${crd.metadata?.name ?? ''}: ${deleted.left.message}`,
    );
  }
  const finalizers = crd.metadata?.finalizers ?? [];
  if (!finalizers.includes(CUSTOM_RESOURCE_CLEANUP_FINALIZER)) {
    return;
  }
  report(
    await server.handle({
      verb: 'patch',
      patchType: 'json',
      user: SYSTEM_ADMIN,
      resource: CRD_RESOURCE,
      name: crd.metadata?.name ?? '',
      body: [
        { op: 'test', path: '/metadata/finalizers', value: finalizers },
        {
          op: 'replace',
          path: '/metadata/finalizers',
          value: finalizers.filter((f) => f !== CUSTOM_RESOURCE_CLEANUP_FINALIZER),
        },
      ],
    }),
  );
}
