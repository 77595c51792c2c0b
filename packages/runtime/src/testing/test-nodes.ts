/**
 * Nodes for a test environment: Node objects that report Ready with a typical
 * capacity, for controllers that read nodes before the simulated kubelets exist.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Nodes, type InProcessClient, type Node } from '@drydock/core';

/** How a test node is described: a count of identical nodes, or each one. */
export type TestNodes = number | readonly TestNodeOptions[];

/** One test node: its name, labels and capacity. */
export interface TestNodeOptions {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** CPU, memory and pods, as quantities; default `4`, `16Gi`, `110`. */
  readonly capacity?: Readonly<Record<string, string>>;
}

/**
 * The node a {@link TestNodeOptions} describes, `Ready` at `now`, with allocatable
 * equal to capacity and the `kubernetes.io/hostname` and `kubernetes.io/os` labels.
 */
export function testNode(options: TestNodeOptions, now: string): Node {
  const capacity = { cpu: '4', memory: '16Gi', pods: '110', ...options.capacity };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: options.name,
      labels: {
        'kubernetes.io/hostname': options.name,
        'kubernetes.io/os': 'linux',
        ...options.labels,
      },
    },
    spec: {},
    status: {
      capacity,
      allocatable: capacity,
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
      ],
    },
  };
}

/**
 * Creates the nodes `nodes` describes (a count gives `node-1` ... `node-N`), each with
 * its status, through `client`.
 *
 * Errors: rejects naming the node the apiserver refused.
 */
export async function createTestNodes(
  client: InProcessClient,
  nodes: TestNodes,
  now: string,
): Promise<void> {
  const described =
    typeof nodes === 'number'
      ? Array.from({ length: nodes }, (_, i) => ({ name: `node-${i + 1}` }))
      : nodes;
  for (const options of described) {
    const { status, ...node } = testNode(options, now);
    const created = await client.create(Nodes, node);
    if (isLeft(created)) {
      throw new Error(
        `createTestEnv: cannot create node ${options.name}: ${created.left.message ?? ''}`,
      );
    }
    const reported = await client.updateStatus(Nodes, {
      ...created.right,
      ...(status === undefined ? {} : { status }),
    });
    if (isLeft(reported)) {
      throw new Error(
        `createTestEnv: cannot report the status of node ${options.name}: ${reported.left.message ?? ''}`,
      );
    }
  }
}
