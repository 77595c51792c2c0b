/**
 * A client that a test can cut off from the apiserver: what a network partition
 * between a kubelet and the control plane looks like to the kubelet.
 *
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { Observable, Subject } from 'rxjs';
import { serviceUnavailable, type Status } from '../api/status/index.js';
import type { ApiObject } from '../apiserver/index.js';
import type {
  Client,
  ClientWatchEvent,
  ClientWatchOptions,
  ResourceType,
} from '../client/index.js';

/** A {@link Client} with a switch that cuts it off. */
export interface PartitionableClient {
  /** The client to use: it passes calls through, or fails them while partitioned. */
  readonly client: Client;
  /** Cuts the client off: calls fail, open watches end with an ERROR. */
  partition(): void;
  /** Connects it again. */
  heal(): void;
  /** Whether it is cut off. */
  readonly partitioned: boolean;
}

/**
 * Wraps `client` so that it can be partitioned.
 *
 * Guarantees: while partitioned, no call reaches `client`: each answers
 * `left(503 ServiceUnavailable)` (as a client that cannot connect), a watch opened
 * emits one ERROR event and completes, and the watches open when the partition starts
 * do the same. A call already sent completes normally.
 */
export function partitionableClient(client: Client): PartitionableClient {
  let partitioned = false;
  const partitions = new Subject<void>();
  const unreachable = (): Status =>
    serviceUnavailable({ message: 'the apiserver is unreachable (network partition)' });
  const failed = <A>(): Promise<ReturnType<typeof left<Status, A>>> =>
    Promise.resolve(left(unreachable()));
  const wrapped: Client = {
    get: (type, key, options) => (partitioned ? failed() : client.get(type, key, options)),
    list: (type, options) => (partitioned ? failed() : client.list(type, options)),
    watch: <T extends ApiObject>(type: ResourceType<T>, options?: ClientWatchOptions) =>
      new Observable<ClientWatchEvent<T>>((subscriber) => {
        const cut = (): void => {
          subscriber.next({ type: 'ERROR', status: unreachable() });
          subscriber.complete();
        };
        if (partitioned) {
          cut();
          return undefined;
        }
        const onPartition = partitions.subscribe(cut);
        const inner = client.watch(type, options).subscribe(subscriber);
        return () => {
          onPartition.unsubscribe();
          inner.unsubscribe();
        };
      }),
    create: (type, object, options) =>
      partitioned ? failed() : client.create(type, object, options),
    update: (type, object, options) =>
      partitioned ? failed() : client.update(type, object, options),
    updateStatus: (type, object, options) =>
      partitioned ? failed() : client.updateStatus(type, object, options),
    patch: (type, key, patch, options) =>
      partitioned ? failed() : client.patch(type, key, patch, options),
    patchStatus: (type, key, patch, options) =>
      partitioned ? failed() : client.patchStatus(type, key, patch, options),
    delete: (type, key, options) => (partitioned ? failed() : client.delete(type, key, options)),
    getScale: (type, key) => (partitioned ? failed() : client.getScale(type, key)),
    updateScale: (type, key, scale, options) =>
      partitioned ? failed() : client.updateScale(type, key, scale, options),
    bind: (key, binding, options) => (partitioned ? failed() : client.bind(key, binding, options)),
  };
  return {
    client: wrapped,
    get partitioned() {
      return partitioned;
    },
    partition() {
      if (!partitioned) {
        partitioned = true;
        partitions.next();
      }
    },
    heal() {
      partitioned = false;
    },
  };
}
