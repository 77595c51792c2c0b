/**
 * What the Endpoints and EndpointSlice controller tests share: an apiserver on a
 * virtual clock, and pods and services made and changed as the kubelet would.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Container, Pod, Service } from '../../../src/api/kinds/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../../src/apiserver/index.js';
import { InProcessClient, Pods, Services, type Client } from '../../../src/client/index.js';
import { MemoryStore, VirtualClock } from '../../../src/index.js';

/** Lets promise chains (watches, reconciles, writes) run without moving the clock. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** An apiserver on a virtual clock and an admin client. */
export async function apiServer(): Promise<{ clock: VirtualClock; client: Client }> {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  return { clock, client: new InProcessClient({ server, user: SYSTEM_ADMIN }) };
}

const WEB: Container = {
  name: 'web',
  image: 'nginx',
  ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
};

/** Creates a pod of `default` labelled `labels` (app=web by default) with a container port `http` 8080. */
export async function createPod(
  client: Client,
  options: {
    readonly name: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly nodeName?: string;
    readonly containers?: readonly Container[];
    readonly hostname?: string;
    readonly subdomain?: string;
  },
): Promise<Pod> {
  const created = await client.create(Pods, {
    metadata: {
      namespace: 'default',
      name: options.name,
      labels: { ...(options.labels ?? { app: 'web' }) },
    },
    spec: {
      containers: [...(options.containers ?? [WEB])],
      nodeName: options.nodeName ?? 'node-1',
      ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
      ...(options.subdomain === undefined ? {} : { subdomain: options.subdomain }),
    },
  });
  if (isLeft(created)) {
    throw new Error(created.left.message);
  }
  return created.right;
}

/** Gives a pod an IP and a Ready condition (`True` when `ready`), phase Running, as a kubelet would. */
export async function setPodStatus(
  client: Client,
  name: string,
  options: { readonly ip?: string; readonly ready: boolean; readonly phase?: string },
): Promise<void> {
  const patched = await client.patchStatus(
    Pods,
    { namespace: 'default', name },
    {
      type: 'merge',
      body: {
        status: {
          phase: options.phase ?? 'Running',
          ...(options.ip === undefined ? {} : { podIP: options.ip, podIPs: [{ ip: options.ip }] }),
          conditions: [
            {
              type: 'Ready',
              status: options.ready ? 'True' : 'False',
              lastTransitionTime: '2025-01-01T00:00:00Z',
            },
          ],
        },
      },
    },
  );
  if (isLeft(patched)) {
    throw new Error(patched.left.message);
  }
}

/** Creates a Service `web` of `default` selecting app=web on port 80 → `targetPort` (8080 by default). */
export async function createService(
  client: Client,
  spec: Service['spec'] = {},
  metadata: Service['metadata'] = {},
): Promise<Service> {
  const created = await client.create(Services, {
    metadata: { namespace: 'default', name: 'web', ...metadata },
    spec: {
      clusterIP: '10.96.0.10',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
      ...spec,
    },
  });
  if (isLeft(created)) {
    throw new Error(created.left.message);
  }
  return created.right;
}
