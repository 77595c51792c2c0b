/**
 * A small in-memory {@link Client} for the helpers' tests: objects in a map, with
 * resourceVersions, 409 on a stale one, JSON and merge patches, finalizer-aware
 * deletion, recorded calls and injectable failures.
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { NEVER, type Observable } from 'rxjs';
import {
  alreadyExists,
  conflict,
  methodNotSupported,
  notFound,
  type Status,
} from '../../../src/api/status/index.js';
import type { ApiObject } from '../../../src/apiserver/api-object.js';
import {
  applyJsonPatch,
  applyMergePatch,
  patchErrorToStatus,
} from '../../../src/apiserver/patch/index.js';
import type { Client, ClientResult, Patch } from '../../../src/client/client.js';
import {
  objectKeyString,
  type ObjectKey,
  type ResourceType,
} from '../../../src/client/resource-type.js';

/** What the fake needs of a resource type: where its objects live. */
type TypeName = Pick<ResourceType, 'group' | 'plural'>;

/** A call the fake received. */
export interface FakeCall {
  readonly method: string;
  readonly key: string;
  readonly patch?: Patch;
  readonly object?: ApiObject;
}

/** The in-memory client, with a few hooks for tests. */
export class FakeClient implements Client {
  readonly calls: FakeCall[] = [];
  private readonly objects = new Map<string, ApiObject>();
  private revision = 0;
  private readonly failures: { method: string; status: Status }[] = [];
  /** Runs before each write, after it is recorded: lets a test change the store "concurrently". */
  beforeWrite: ((call: FakeCall) => void) | undefined;

  /** Stores an object as is (with a fresh resourceVersion and uid when absent). */
  seed<T extends ApiObject>(type: TypeName, object: T): T {
    return this.store(type, object) as T;
  }

  /** The stored object, if any. */
  stored(type: TypeName, key: ObjectKey): ApiObject | undefined {
    return this.objects.get(this.storageKey(type, key));
  }

  /** Every stored object of a type. */
  all(type: TypeName): ApiObject[] {
    const prefix = `${type.group}/${type.plural}/`;
    return [...this.objects.entries()].filter(([key]) => key.startsWith(prefix)).map(([, o]) => o);
  }

  /** Makes the next call of `method` fail with `status`. */
  failNext(method: string, status: Status): void {
    this.failures.push({ method, status });
  }

  get<T extends ApiObject>(type: ResourceType<T>, key: ObjectKey): ClientResult<T> {
    return this.answer('get', type, key, () => this.read<T>(type, key));
  }

  list(): never {
    throw new Error('FakeClient.list: the helpers never list, so this fake does not either');
  }

  watch(): Observable<never> {
    return NEVER;
  }

  create<T extends ApiObject>(type: ResourceType<T>, object: T): ClientResult<T> {
    return this.answer(
      'create',
      type,
      keyOfObject(object),
      () => {
        if (this.objects.has(this.storageKey(type, keyOfObject(object)))) {
          return left(
            alreadyExists({
              group: type.group,
              resource: type.plural,
              name: object.metadata?.name ?? '',
            }),
          );
        }
        return right(this.store(type, object) as T);
      },
      object,
    );
  }

  update<T extends ApiObject>(type: ResourceType<T>, object: T): ClientResult<T> {
    return this.answer(
      'update',
      type,
      keyOfObject(object),
      () => this.replace(type, keyOfObject(object), object),
      object,
    );
  }

  updateStatus<T extends ApiObject>(type: ResourceType<T>, object: T): ClientResult<T> {
    return this.answer(
      'updateStatus',
      type,
      keyOfObject(object),
      () => {
        const current = this.read<T>(type, keyOfObject(object));
        if (current._tag === 'Left') return current;
        return this.replace(type, keyOfObject(object), withStatusOf(current.right, object));
      },
      object,
    );
  }

  patch<T extends ApiObject>(type: ResourceType<T>, key: ObjectKey, patch: Patch): ClientResult<T> {
    return this.answer(
      'patch',
      type,
      key,
      () => this.applyPatch(type, key, patch, false),
      undefined,
      patch,
    );
  }

  patchStatus<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    patch: Patch,
  ): ClientResult<T> {
    return this.answer(
      'patchStatus',
      type,
      key,
      () => this.applyPatch(type, key, patch, true),
      undefined,
      patch,
    );
  }

  delete<T extends ApiObject>(type: ResourceType<T>, key: ObjectKey): ClientResult<T> {
    return this.answer('delete', type, key, () => {
      const current = this.read<T>(type, key);
      if (current._tag === 'Left') return current;
      if ((current.right.metadata?.finalizers ?? []).length === 0) {
        this.objects.delete(this.storageKey(type, key));
        return current;
      }
      return right(
        this.store(type, {
          ...current.right,
          metadata: { ...current.right.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' },
        }) as T,
      );
    });
  }

  getScale(): never {
    throw new Error('FakeClient.getScale: the helpers never read a scale');
  }

  updateScale(): never {
    throw new Error('FakeClient.updateScale: the helpers never write a scale');
  }

  bind(): never {
    throw new Error('FakeClient.bind: the helpers never bind a pod');
  }

  private async answer<T>(
    method: string,
    type: TypeName,
    key: ObjectKey,
    run: () => Either<Status, T>,
    object?: ApiObject,
    patch?: Patch,
  ): ClientResult<T> {
    await Promise.resolve();
    const call: FakeCall = {
      method,
      key: objectKeyString(key),
      ...(patch === undefined ? {} : { patch }),
      ...(object === undefined ? {} : { object }),
    };
    this.calls.push(call);
    const failure = this.failures.findIndex((f) => f.method === method);
    if (failure !== -1) {
      const [injected] = this.failures.splice(failure, 1);
      return left(
        injected?.status ??
          methodNotSupported({ group: type.group, resource: type.plural, action: method }),
      );
    }
    if (method !== 'get') this.beforeWrite?.(call);
    return run();
  }

  private read<T extends ApiObject>(type: TypeName, key: ObjectKey): Either<Status, T> {
    const object = this.objects.get(this.storageKey(type, key));
    return object === undefined
      ? left(notFound({ group: type.group, resource: type.plural, name: key.name }))
      : right(object as T);
  }

  /** Writes `next` over the stored object: 409 when its resourceVersion is set and stale. */
  private replace<T extends ApiObject>(type: TypeName, key: ObjectKey, next: T): Either<Status, T> {
    const current = this.read<T>(type, key);
    if (current._tag === 'Left') return current;
    const wanted = next.metadata?.resourceVersion;
    if (wanted !== undefined && wanted !== current.right.metadata?.resourceVersion) {
      return left(conflict({ group: type.group, resource: type.plural, name: key.name }));
    }
    if (
      current.right.metadata?.deletionTimestamp !== undefined &&
      (next.metadata?.finalizers ?? []).length === 0
    ) {
      this.objects.delete(this.storageKey(type, key));
      return right(next);
    }
    return right(this.store(type, next) as T);
  }

  private applyPatch<T extends ApiObject>(
    type: TypeName,
    key: ObjectKey,
    patch: Patch,
    statusOnly: boolean,
  ): Either<Status, T> {
    const current = this.read<T>(type, key);
    if (current._tag === 'Left') return current;
    let patched: unknown;
    if (patch.type === 'json') {
      const result = applyJsonPatch(current.right, patch.body);
      if (result._tag === 'Left') return left(patchErrorToStatus(result.left));
      patched = result.right;
    } else if (patch.type === 'merge') {
      patched = applyMergePatch(current.right, patch.body);
    } else {
      return left(
        methodNotSupported({
          group: type.group,
          resource: type.plural,
          action: `${patch.type} patch`,
        }),
      );
    }
    const next = patched as T;
    const merged = statusOnly ? withStatusOf(current.right, next) : next;
    return this.replace(type, key, merged);
  }

  private store(type: TypeName, object: ApiObject): ApiObject {
    this.revision += 1;
    const stored = {
      ...object,
      metadata: {
        ...object.metadata,
        uid: object.metadata?.uid ?? `uid-${this.revision}`,
        resourceVersion: String(this.revision),
      },
    };
    this.objects.set(this.storageKey(type, keyOfObject(object)), stored);
    return stored;
  }

  private storageKey(type: TypeName, key: ObjectKey): string {
    return `${type.group}/${type.plural}/${objectKeyString(key)}`;
  }
}

/** `current` with `next`'s status, and `next`'s resourceVersion as the precondition. */
function withStatusOf<T extends ApiObject>(current: T, next: ApiObject): T {
  const resourceVersion = next.metadata?.resourceVersion;
  return {
    ...current,
    status: next['status'],
    metadata: {
      ...current.metadata,
      ...(resourceVersion === undefined ? {} : { resourceVersion }),
    },
  };
}

function keyOfObject(object: ApiObject): ObjectKey {
  const namespace = object.metadata?.namespace;
  const name = object.metadata?.name ?? '';
  return namespace === undefined || namespace === '' ? { name } : { namespace, name };
}
