/**
 * An apiserver over a memory store on a virtual clock, and a `system:admin` client of
 * it: the environment most controller tests start from.
 *
 * @module
 */
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../src/apiserver/index.js';
import { InProcessClient } from '../../src/client/index.js';
import { MemoryStore, VirtualClock } from '../../src/index.js';

/** A fresh apiserver (store, clock) and an admin client of it. */
export async function inProcessServer() {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
  return { clock, store, server, client };
}
