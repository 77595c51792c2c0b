/**
 * The main tour: a local cluster with an example operator. Three nodes and the
 * whole control plane on a virtual clock, the `Website` operator as one more
 * component; a Website becomes a Deployment and a Service, pods on nodes,
 * endpoints and routes; then a node dies and the cluster heals. `npm start` runs it
 * after the store and apiserver tours.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  controllerComponent,
  createCluster,
  CustomResourceDefinitionsType,
  Deployments,
  EndpointsType,
  formatDuration,
  Nodes,
  Pods,
  seededRandom,
  Services,
  VirtualClock,
  type Client,
  type Pod,
} from '@drydock/core';
import {
  WebsiteResource,
  Websites,
  websiteController,
  type Website,
  type WebsiteSpec,
} from '../operators/website.js';
import {
  controllerName,
  describeEndpoints,
  describePod,
  describeRefusal,
  describeRoute,
  describeWebsite,
  isServing,
  must,
  readyOf,
  unreachableTaints,
} from './cluster-views.js';
import { runUntil, type VirtualTimeScope } from './run-until.js';
import type { Narrator } from './store-tour.js';

const NAMESPACE = 'default';
const SITE = 'shop';
const IMAGE = 'nginx:1.27';
const SITE_PODS = `app.kubernetes.io/instance=${SITE}`;

/**
 * Runs the tour: a 3-node cluster with the Website operator; a Website's pods
 * scheduled, running and ready, its endpoints, kube-proxy's routes and the status the
 * operator writes; then node-2 dies: Unknown and tainted after the 50 s grace period,
 * its pod evicted 300 s later and replaced on another node, the status following.
 */
export async function clusterTour(say: Narrator): Promise<void> {
  const startedAt = performance.now();
  const clock = new VirtualClock();
  const cluster = await createCluster({
    nodes: 3,
    clock,
    // Seeded names (`shop-<hash>-<suffix>`), so that every run tells the same story.
    apiServer: { random: seededRandom(1) },
    components: {
      extra: [(context) => controllerComponent('website', websiteController(context))],
    },
  });
  const { client } = cluster;
  const time: VirtualTimeScope = { clock, activity: cluster.server.audit$ };
  const since = (from: number): string => formatDuration(clock.now() - from);

  say('13. A local cluster: 3 nodes, every control-plane component, and the Website operator.');
  for (const node of (await must(client.list(Nodes))).items) {
    say(
      `   ${node.metadata?.name ?? ''}: Ready=${readyOf(node)}, pods from ${node.spec?.podCIDR ?? ''}`,
    );
  }
  say(`   components: ${cluster.components.map((component) => component.name).join(', ')}`);
  cluster.runtimeScript.script({ image: IMAGE }, { pullDelay: '3s' });
  say(`   the simulated container runtime takes 3 s to pull ${IMAGE}`);

  say('14. The Website CRD, from io-ts codecs; a bad spec is refused with field paths.');
  await must(client.create(CustomResourceDefinitionsType, WebsiteResource.crd));
  const bad = await client.create(Websites, websiteNamed(SITE, { image: '', replicas: -1 }));
  say(`   ${isLeft(bad) ? describeRefusal(bad.left) : 'accepted?!'}`);
  await must(client.create(Websites, websiteNamed(SITE, { image: IMAGE, replicas: 3 })));
  say(`   created website ${SITE}: ${IMAGE}, 3 replicas`);

  say('15. The operator creates a Deployment and a Service, both owned by the Website.');
  const created = clock.now();
  await runUntil(time, async () => (await sitePods(client)).filter(isServing).length === 3, {
    within: '2m',
  });
  const deployment = await must(client.get(Deployments, { namespace: NAMESPACE, name: SITE }));
  const service = await must(client.get(Services, { namespace: NAMESPACE, name: SITE }));
  const clusterIP = service.spec?.clusterIP ?? '';
  say(`   deployment ${SITE}, controlled by ${controllerName(deployment)}`);
  say(
    `   service ${SITE}, controlled by ${controllerName(service)}: ClusterIP ${clusterIP}, port 80 → http`,
  );

  say(
    `16. The scheduler places the pods, the kubelets run them: all ready after ${since(created)}.`,
  );
  for (const pod of await sitePods(client)) {
    say(`   ${describePod(pod)}`);
  }

  say('17. Endpoints, and kube-proxy routing the Service IP to each ready pod.');
  const endpoints = await must(client.get(EndpointsType, { namespace: NAMESPACE, name: SITE }));
  say(`   endpoints ${SITE}: ${describeEndpoints(endpoints)}`);
  for (let i = 0; i < 3; i++) {
    say(`   ${describeRoute(cluster.proxy?.resolve(clusterIP, 80), clusterIP)}`);
  }

  say('18. The operator writes the status of the Website.');
  await runUntil(time, async () => (await site(client)).status?.readyReplicas === 3);
  say(`   ${describeWebsite(await site(client))}`);

  say('19. node-2 dies: the machine and its containers are gone, its Lease is no longer renewed.');
  const running = await sitePods(client);
  const before = new Set(running.map((pod) => pod.metadata?.name));
  const doomed = new Set(
    running.filter((pod) => pod.spec?.nodeName === 'node-2').map((pod) => pod.metadata?.name),
  );
  cluster.nodes.get('node-2')?.kill();
  const killed = clock.now();
  await runUntil(time, async () => {
    const node = await must(client.get(Nodes, { name: 'node-2' }));
    return readyOf(node) === 'Unknown' && unreachableTaints(node).length === 2;
  });
  const node2 = await must(client.get(Nodes, { name: 'node-2' }));
  const ready = node2.status?.conditions?.find((condition) => condition.type === 'Ready');
  say(
    `   after ${since(killed)}: node-2 Ready=Unknown (${ready?.reason ?? ''}: ${ready?.message ?? ''})`,
  );
  say(`   tainted node.kubernetes.io/unreachable: ${unreachableTaints(node2).join(', ')}`);
  await runUntil(time, async () => (await site(client)).status?.readyReplicas === 2);
  for (const pod of await sitePods(client)) {
    if (doomed.has(pod.metadata?.name)) {
      say(`   ${describePod(pod)}`);
    }
  }
  const degraded = await must(client.get(EndpointsType, { namespace: NAMESPACE, name: SITE }));
  say(`   endpoints ${SITE}: ${describeEndpoints(degraded)}`);
  for (let i = 0; i < 2; i++) {
    say(`   ${describeRoute(cluster.proxy?.resolve(clusterIP, 80), clusterIP)}`);
  }
  say(`   ${describeWebsite(await site(client))}`);

  say('20. 300 s after the taint, its pod is evicted; the ReplicaSet replaces it on another node.');
  await runUntil(time, async () =>
    (await sitePods(client)).some(
      (pod) => doomed.has(pod.metadata?.name) && pod.metadata?.deletionTimestamp !== undefined,
    ),
  );
  for (const pod of await sitePods(client)) {
    if (doomed.has(pod.metadata?.name)) {
      say(`   after ${since(killed)}: evicted ${describePod(pod)}`);
    }
  }
  await runUntil(time, async () => (await site(client)).status?.readyReplicas === 3);
  for (const pod of await sitePods(client)) {
    if (!before.has(pod.metadata?.name)) {
      say(`   replacement ${describePod(pod)}`);
    }
  }
  say(`   after ${since(killed)}: ${describeWebsite(await site(client))}`);
  for (let i = 0; i < 3; i++) {
    say(`   ${describeRoute(cluster.proxy?.resolve(clusterIP, 80), clusterIP)}`);
  }

  await cluster.stop();
  const virtual = clock.now() - new VirtualClock().now();
  say(
    `Done: ${formatDuration(virtual)} of cluster time in ${Math.round(performance.now() - startedAt)} ms of wall time.`,
  );
}

/** A Website in the tour's namespace. */
function websiteNamed(name: string, spec: WebsiteSpec): Website {
  return {
    apiVersion: WebsiteResource.apiVersion,
    kind: WebsiteResource.kind,
    metadata: { namespace: NAMESPACE, name },
    spec,
  };
}

/** The tour's Website, as it is now. */
async function site(client: Client): Promise<Website> {
  return must(client.get(Websites, { namespace: NAMESPACE, name: SITE }));
}

/** The pods of the tour's Website, by node then name. */
async function sitePods(client: Client): Promise<readonly Pod[]> {
  const pods = await must(client.list(Pods, { namespace: NAMESPACE, labelSelector: SITE_PODS }));
  const sortKey = (pod: Pod): string => `${pod.spec?.nodeName ?? ''}/${pod.metadata?.name ?? ''}`;
  return [...pods.items].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}
