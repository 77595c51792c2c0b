/**
 * Registering a kubelet's Node with the apiserver.
 *
 * @module
 */
import { isLeft, right } from 'fp-ts/lib/Either.js';
import type { Node } from '../api/kinds/index.js';
import { Nodes, type Client, type ClientResult } from '../client/index.js';

/** What {@link registerNode} needs. */
export interface RegisterNodeOptions {
  readonly client: Client;
  /** The Node as the kubelet describes it (see `nodeObject`). */
  readonly node: Node;
}

/**
 * Registers `node` (upstream's `registerWithAPIServer`): creates it; when it exists
 * (a kubelet registering again), merges the kubelet's labels into it. Either way its
 * status is then written through the `status` subresource unless the create kept it.
 * Answers the Node as stored.
 *
 * Guarantees: spec fields of an existing Node (taints someone added, `unschedulable`)
 * are left alone.
 *
 * Errors: the apiserver's `Status` of the call that failed.
 */
export async function registerNode(options: RegisterNodeOptions): ClientResult<Node> {
  const { client, node } = options;
  const name = node.metadata?.name ?? '';
  const created = await client.create(Nodes, node);
  if (isLeft(created)) {
    if (created.left.code !== 409) {
      return created;
    }
    const patched = await client.patch(
      Nodes,
      { name },
      { type: 'merge', body: { metadata: { labels: node.metadata?.labels ?? {} } } },
    );
    if (isLeft(patched)) {
      return patched;
    }
  } else if (created.right.status?.conditions !== undefined) {
    return right(created.right);
  }
  return client.patchStatus(Nodes, { name }, { type: 'merge', body: { status: node.status } });
}
