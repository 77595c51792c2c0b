/**
 * The columns of `kubectl get pods`: Ready, Status, Restarts, Age (and IP and Node
 * with `-o wide`), as upstream's pod printer computes them (essentials).
 *
 * @module
 */
import type { Pod } from '../../api/kinds/core-v1/index.js';
import type { ApiObject } from '../api-object.js';
import { AGE_COLUMN, type PrinterColumn } from './printer-column.js';

const asPod = (object: ApiObject): Pod => object as unknown as Pod;

/**
 * A pod's status as kubectl shows it: `Terminating` once deleted, else the reason of
 * the first container waiting or terminated with one (`ContainerCreating`,
 * `CrashLoopBackOff`, `Completed`...), else the pod's reason or phase.
 */
export function podStatusReason(pod: Pod): string {
  if (pod.metadata?.deletionTimestamp !== undefined) {
    return 'Terminating';
  }
  let reason = pod.status?.reason ?? pod.status?.phase ?? 'Unknown';
  for (const status of pod.status?.containerStatuses ?? []) {
    const waiting = status.state?.waiting?.reason;
    const terminated = status.state?.terminated;
    if (waiting !== undefined && waiting !== '') {
      reason = waiting;
    } else if (terminated !== undefined) {
      reason =
        terminated.reason ??
        (terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`);
    }
  }
  return reason;
}

/** The pod table's columns. */
export const POD_COLUMNS: readonly PrinterColumn[] = [
  {
    name: 'Ready',
    type: 'string',
    description: 'The aggregate readiness state of this pod for accepting traffic.',
    cell: (object) => {
      const pod = asPod(object);
      const total = pod.spec?.containers.length ?? 0;
      const ready = (pod.status?.containerStatuses ?? []).filter((status) => status.ready).length;
      return `${ready}/${total}`;
    },
  },
  {
    name: 'Status',
    type: 'string',
    description: 'The aggregate status of the containers in this pod.',
    cell: (object) => podStatusReason(asPod(object)),
  },
  {
    name: 'Restarts',
    type: 'string',
    description: 'The number of times the containers in this pod have been restarted.',
    cell: (object) =>
      String(
        (asPod(object).status?.containerStatuses ?? []).reduce(
          (sum, status) => sum + status.restartCount,
          0,
        ),
      ),
  },
  AGE_COLUMN,
  {
    name: 'IP',
    type: 'string',
    priority: 1,
    description: 'IP address allocated to the pod. Routable at least within the cluster.',
    cell: (object) => asPod(object).status?.podIP ?? '<none>',
  },
  {
    name: 'Node',
    type: 'string',
    priority: 1,
    description: 'Name of the node the pod is assigned to.',
    cell: (object) => asPod(object).spec?.nodeName ?? '<none>',
  },
];
