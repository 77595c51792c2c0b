/**
 * The DefaultBinder plugin: binds a pod through the `pods/binding` subresource.
 *
 * @module
 */
import type { Client } from '../../../client/client.js';
import type { SchedulerPlugin } from '../../framework/plugin.js';
import { pluginError } from '../../framework/plugin-status.js';

/** The plugin's name, as upstream. */
export const DEFAULT_BINDER = 'DefaultBinder';

/** Options of {@link defaultBinder}. */
export interface DefaultBinderOptions {
  /** The client the binding is written with. */
  readonly client: Client;
}

/**
 * DefaultBinder: `POST pods/<name>/binding` with the node as target (`client.bind`).
 *
 * Errors: the apiserver's failure (a 409 for a pod already bound, a 404 for one
 * deleted) is an `Error` status with its message; the scheduler then forgets the pod,
 * unreserves it and requeues it with backoff.
 */
export function defaultBinder(options: DefaultBinderOptions): SchedulerPlugin {
  const { client } = options;
  return {
    name: DEFAULT_BINDER,
    bind: async ({ pod }, nodeName) => {
      const namespace = pod.metadata?.namespace ?? '';
      const name = pod.metadata?.name ?? '';
      const answer = await client.bind(
        { namespace, name },
        {
          apiVersion: 'v1',
          kind: 'Binding',
          metadata: {
            namespace,
            name,
            ...(pod.metadata?.uid === undefined ? {} : { uid: pod.metadata.uid }),
          },
          target: { kind: 'Node', name: nodeName },
        },
      );
      return answer._tag === 'Left'
        ? pluginError(answer.left.message ?? `binding failed: ${answer.left.reason ?? 'unknown'}`)
        : undefined;
    },
  };
}
