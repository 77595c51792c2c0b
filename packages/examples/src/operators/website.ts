/**
 * The `Website` operator: an example of a whole operator written with drydock's SDK.
 *
 * A `Website` (`websites.examples.drydock.dev/v1`) names an image and a number of
 * replicas. For each one the operator keeps
 * - a Deployment `<name>` running the image, with a container port `http`;
 * - a ClusterIP Service `<name>` on port 80 to the pods' `http` port;
 * both owned by the Website (its controller reference), so deleting the Website
 * deletes them (the garbage collector does it), and a change to either reconciles it.
 * It writes the Website's status: the Deployment's ready replicas and the Service's
 * URL (`http://<clusterIP>`). What it owns, and how drift is corrected, is in
 * `website-owned.ts`.
 *
 * The CRD is built from io-ts codecs with `defineCustomResource`: no schema is
 * written by hand, and the apiserver refuses a bad spec with `422 Invalid` and the
 * field's path (`spec.replicas: Invalid value: -1: should be greater than or equal to 0`).
 *
 * @example
 * ```ts
 * await client.create(CustomResourceDefinitions, WebsiteResource.crd);
 * const running = websiteController({ client, clock }).run().subscribe();
 * await client.create(Websites, {
 *   metadata: { namespace: 'default', name: 'shop' },
 *   spec: { image: 'nginx:1.27', replicas: 3 },
 * });
 * ```
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  awaitChange,
  controller,
  customResourceType,
  defineCustomResource,
  Deployments,
  Int32,
  patchStatusIfChanged,
  Services,
  withSchema,
  type ApiObject,
  type Client,
  type Clock,
  type Controller,
  type CustomResource,
  type ObjectKey,
  type ResourceType,
} from '@drydock/core';
import {
  ensureOwned,
  WEBSITE_DEPLOYMENT,
  WEBSITE_SERVICE,
  websiteKeyString,
} from './website-owned.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

const WebsiteSpecCodec = t.intersection([
  t.type({
    image: withSchema(t.string, { description: 'The container image to serve.', minLength: 1 }),
    replicas: withSchema(Int32, { description: 'How many pods serve it.', minimum: 0 }),
  }),
  t.partial({
    port: withSchema(Int32, {
      description: 'The port the container listens on (8080 when absent).',
      minimum: 1,
      maximum: 65535,
    }),
  }),
]);

const WebsiteStatusCodec = t.partial({
  readyReplicas: Int32,
  replicas: Int32,
  url: t.string,
});

/** What a Website asks for: an image, a number of replicas, the container's port. */
export type WebsiteSpec = t.TypeOf<typeof WebsiteSpecCodec>;

/** What the operator reports: the ready and desired replicas, and the Service's URL. */
export type WebsiteStatus = t.TypeOf<typeof WebsiteStatusCodec>;

/** A Website object, as the apiserver serves it. */
export type Website = CustomResource<WebsiteSpec, WebsiteStatus> & ApiObject;

/** The Website custom resource: its CRD (create it before the operator runs) and its codec. */
export const WebsiteResource = defineCustomResource({
  group: 'examples.drydock.dev',
  version: 'v1',
  kind: 'Website',
  plural: 'websites',
  shortNames: ['site'],
  scope: 'Namespaced',
  spec: WebsiteSpecCodec,
  status: WebsiteStatusCodec,
});

/** The resource type of Websites, for the client (`client.create(Websites, ...)`). */
export const Websites: ResourceType<Website> = customResourceType(WebsiteResource);

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * The Website operator: a controller for Websites that owns Deployments and Services.
 *
 * Guarantees:
 * - level-based: each reconcile reads the Website and what it owns, creates what is
 *   missing, corrects the replicas, image and port of the Deployment and the selector
 *   and port of the Service, and writes the status only when it changed;
 * - a change of the owned Deployment (its ready replicas) or Service reconciles the
 *   Website again, so its status follows the pods.
 *
 * Errors: an apiserver failure (a 409 from a concurrent writer, a 500) is thrown and
 * retried with backoff; a Deployment or Service of the same name that another owner
 * controls is a `TerminalError` (retrying cannot help until something changes).
 */
export function websiteController(options: {
  readonly client: Client;
  readonly clock: Clock;
}): Controller<Website> {
  const { client, clock } = options;
  return controller({ client, clock })
    .for(Websites)
    .owns(Deployments)
    .owns(Services)
    .reconcile(async (request, { cache }) => {
      // A (re)list is swapped into the cache when it ends, after its objects have
      // triggered: a miss may be an object the cache does not hold yet.
      const website = cache.get(request) ?? (await readWebsite(client, request));
      if (website === undefined || website.metadata.deletionTimestamp !== undefined) {
        return awaitChange(); // the garbage collector removes what it owned
      }
      const deployment = await ensureOwned(client, website, WEBSITE_DEPLOYMENT);
      const service = await ensureOwned(client, website, WEBSITE_SERVICE);
      const clusterIP = service.spec?.clusterIP;
      const status: WebsiteStatus = {
        replicas: website.spec.replicas,
        readyReplicas: deployment.status?.readyReplicas ?? 0,
        ...(clusterIP === undefined || clusterIP === 'None' ? {} : { url: `http://${clusterIP}` }),
      };
      const written = await patchStatusIfChanged({
        client,
        type: Websites,
        object: website,
        status,
      });
      if (isLeft(written) && written.left.code !== 404) {
        throw new Error(
          `cannot write the status of Website ${websiteKeyString(website)}: ${written.left.message ?? ''}`,
        );
      }
      return awaitChange();
    });
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/** The Website at `key`, or `undefined` when it does not exist. */
async function readWebsite(client: Client, key: ObjectKey): Promise<Website | undefined> {
  const answer = await client.get(Websites, key);
  if (isLeft(answer)) {
    if (answer.left.code === 404) {
      return undefined;
    }
    throw new Error(
      `cannot read Website ${key.namespace ?? ''}/${key.name}: ${answer.left.message ?? ''}`,
    );
  }
  return answer.right;
}
