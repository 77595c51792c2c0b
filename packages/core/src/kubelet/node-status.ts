/**
 * The kubelet's node agent: registers the Node, then reports its status when it
 * changes and every `nodeStatusReportFrequency` otherwise (upstream's lease-era
 * node status updates).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Node, NodeStatus } from '../api/kinds/index.js';
import { Nodes, type Client } from '../client/index.js';
import type { Clock } from '../clock/index.js';
import type { KubeletEventSink } from './kubelet-event.js';
import { nodeObject, nodeStatus, nodeStatusChanged, type NodeDescription } from './node-object.js';
import { registerNode } from './node-registration.js';
import { repeatOnClock } from './retry-timer.js';

/** How often the kubelet computes its node status unless told otherwise: 10 s. */
export const DEFAULT_NODE_STATUS_UPDATE_FREQUENCY_MS = 10_000;

/** How often an unchanged node status is reported anyway: 5 minutes. */
export const DEFAULT_NODE_STATUS_REPORT_FREQUENCY_MS = 300_000;

/** What {@link nodeAgent} needs. */
export interface NodeAgentOptions {
  readonly client: Client;
  readonly clock: Clock;
  readonly description: NodeDescription;
  /** Default {@link DEFAULT_NODE_STATUS_UPDATE_FREQUENCY_MS}. */
  readonly nodeStatusUpdateFrequencyMs?: number;
  /** Default {@link DEFAULT_NODE_STATUS_REPORT_FREQUENCY_MS}. */
  readonly nodeStatusReportFrequencyMs?: number;
  /** Called once, with the Node as first registered. */
  readonly onRegistered: (node: Node) => void;
  readonly emit: KubeletEventSink;
}

/** A running {@link nodeAgent}. */
export interface NodeAgent {
  /** Reports the status at the next turn even if unchanged (after a partition heals). */
  reportSoon(): void;
  stop(): void;
}

/**
 * Registers the node (retrying from 100 ms to 7 s until it succeeds), then every
 * `nodeStatusUpdateFrequency` computes its status and writes it through the `status`
 * subresource when it differs from the last one written (heartbeat times aside) or
 * when `nodeStatusReportFrequency` has passed since, with `lastHeartbeatTime` now.
 *
 * Guarantees: writes never overlap; `stop()` ends them. A failed write is retried at
 * the next turn.
 */
export function nodeAgent(options: NodeAgentOptions): NodeAgent {
  const { client, clock, description, emit } = options;
  const reportFrequency =
    options.nodeStatusReportFrequencyMs ?? DEFAULT_NODE_STATUS_REPORT_FREQUENCY_MS;
  let registered = false;
  let lastReported: NodeStatus | undefined;
  let lastReportAt = 0;
  let forced = false;
  let unchangedSinceReport = false;

  const register = async (): Promise<boolean> => {
    const node = nodeObject(description, clock.now());
    const answer = await registerNode({ client, node });
    if (isLeft(answer)) {
      emit({
        type: 'Failure',
        operation: 'RegisterNode',
        message: `unable to register node ${description.nodeName}: ${answer.left.message ?? ''}`,
      });
      return false;
    }
    registered = true;
    unchangedSinceReport = false;
    lastReported = answer.right.status ?? node.status;
    lastReportAt = clock.now();
    emit({ type: 'NodeRegistered', node: answer.right });
    options.onRegistered(answer.right);
    return true;
  };

  const report = async (): Promise<boolean> => {
    const now = clock.now();
    const due = forced || now - lastReportAt >= reportFrequency;
    // What the kubelet reports depends only on its description, which does not change:
    // once a status was found equal to the last one reported, it stays equal until a
    // report is due.
    if (!due && unchangedSinceReport) {
      return true;
    }
    const status = nodeStatus(description, now, lastReported);
    if (!due && !nodeStatusChanged(lastReported, status)) {
      unchangedSinceReport = true;
      return true;
    }
    const written = await client.patchStatus(
      Nodes,
      { name: description.nodeName },
      { type: 'merge', body: { status } },
    );
    if (isLeft(written)) {
      emit({
        type: 'Failure',
        operation: 'ReportNodeStatus',
        message: `error updating node status of ${description.nodeName}: ${written.left.message ?? ''}`,
      });
      return false;
    }
    forced = false;
    lastReported = status;
    lastReportAt = now;
    unchangedSinceReport = true;
    emit({ type: 'NodeStatusReported', node: written.right });
    return true;
  };

  const repeating = repeatOnClock({
    clock,
    immediately: true,
    periodMs: options.nodeStatusUpdateFrequencyMs ?? DEFAULT_NODE_STATUS_UPDATE_FREQUENCY_MS,
    retryInitialMs: 100,
    retryMaxMs: 7000,
    attempt: () => (registered ? report() : register()),
  });
  return {
    reportSoon() {
      forced = true;
    },
    stop: () => repeating.stop(),
  };
}
