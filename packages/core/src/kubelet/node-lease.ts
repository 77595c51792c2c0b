/**
 * The node Lease (`kube-node-lease/<node>`): the kubelet's cheap heartbeat, renewed
 * every quarter of its duration.
 *
 * @module
 */
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { NODE_LEASE_NAMESPACE, type Lease } from '../api/kinds/index.js';
import type { Status } from '../api/status/index.js';
import { Leases, type Client } from '../client/index.js';
import type { Clock } from '../clock/index.js';
import type { KubeletEventSink } from './kubelet-event.js';
import { repeatOnClock, type Repeating } from './retry-timer.js';

/** A node Lease's duration unless told otherwise: 40 s. */
export const DEFAULT_LEASE_DURATION_SECONDS = 40;

/** The fraction of the lease duration between renewals (upstream's 0.25: every 10 s). */
export const LEASE_RENEW_INTERVAL_FRACTION = 0.25;

/** The first and the longest delay before retrying a failed renewal (upstream's 200 ms to 7 s). */
export const LEASE_RETRY_INITIAL_MS = 200;
/** See {@link LEASE_RETRY_INITIAL_MS}. */
export const LEASE_RETRY_MAX_MS = 7000;

/** A time as `metav1.MicroTime` serializes it: `2025-01-01T00:00:10.000000Z`. */
export function formatMicroTime(millis: number): string {
  return `${new Date(millis).toISOString().slice(0, 23)}000Z`;
}

/** What {@link nodeLease} needs. */
export interface NodeLeaseOptions {
  readonly client: Client;
  readonly clock: Clock;
  readonly nodeName: string;
  /** The uid of the Node, for the Lease's owner reference. */
  readonly nodeUid: string;
  /** Default {@link DEFAULT_LEASE_DURATION_SECONDS}. */
  readonly leaseDurationSeconds?: number;
  readonly emit: KubeletEventSink;
}

/**
 * Keeps the node's Lease renewed (upstream's node lease controller): at once, then
 * every `leaseDuration × 0.25`; a failed renewal is retried after 200 ms doubling to
 * 7 s. The Lease has `holderIdentity` the node, `leaseDurationSeconds`, `renewTime`
 * (`MicroTime`) and an owner reference to the Node, so that it goes with it.
 *
 * Guarantees: renewals never overlap; `stop()` ends them. A Lease someone deleted is
 * created again; a renewal that conflicts reads the Lease and writes again.
 */
export function nodeLease(options: NodeLeaseOptions): Repeating {
  const { client, clock, nodeName, emit } = options;
  const durationSeconds = options.leaseDurationSeconds ?? DEFAULT_LEASE_DURATION_SECONDS;
  const key = { namespace: NODE_LEASE_NAMESPACE, name: nodeName };
  let known: Lease | undefined;

  const renewed = (lease: Lease, renewTime: string): Lease => ({
    ...lease,
    spec: {
      ...lease.spec,
      holderIdentity: nodeName,
      leaseDurationSeconds: durationSeconds,
      renewTime,
    },
  });
  const fresh = (renewTime: string): Lease => ({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      namespace: NODE_LEASE_NAMESPACE,
      name: nodeName,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: options.nodeUid }],
    },
    spec: { holderIdentity: nodeName, leaseDurationSeconds: durationSeconds, renewTime },
  });

  const write = async (renewTime: string): Promise<Either<Status, Lease>> => {
    if (known !== undefined) {
      const updated = await client.update(Leases, renewed(known, renewTime));
      if (!isLeft(updated) || (updated.left.code !== 409 && updated.left.code !== 404)) {
        return updated;
      }
    }
    const current = await client.get(Leases, key);
    if (isLeft(current)) {
      return current.left.code === 404 ? client.create(Leases, fresh(renewTime)) : current;
    }
    return client.update(Leases, renewed(current.right, renewTime));
  };

  return repeatOnClock({
    clock,
    immediately: true,
    periodMs: durationSeconds * 1000 * LEASE_RENEW_INTERVAL_FRACTION,
    retryInitialMs: LEASE_RETRY_INITIAL_MS,
    retryMaxMs: LEASE_RETRY_MAX_MS,
    attempt: async () => {
      const renewTime = formatMicroTime(clock.now());
      const written = await write(renewTime);
      if (isLeft(written)) {
        known = undefined;
        emit({
          type: 'Failure',
          operation: 'RenewLease',
          message: `failed to renew lease ${NODE_LEASE_NAMESPACE}/${nodeName}: ${written.left.message ?? ''}`,
        });
        return false;
      }
      known = written.right;
      emit({ type: 'LeaseRenewed', renewTime });
      return true;
    },
  });
}
