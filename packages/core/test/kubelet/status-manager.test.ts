import { describe, expect, it } from '@jest/globals';
import type { Pod, PodStatus } from '../../src/api/kinds/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../src/apiserver/index.js';
import { InProcessClient } from '../../src/client/index.js';
import { MemoryStore, VirtualClock } from '../../src/index.js';
import type { KubeletEvent } from '../../src/kubelet/index.js';
import { statusManager } from '../../src/kubelet/status-manager.js';
import { boundPod, createPod, flush, mustGetPod } from './kubelet-test-support.js';

async function environment() {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
  const events: KubeletEvent[] = [];
  const manager = statusManager({ client, clock, emit: (event) => events.push(event) });
  return { client, manager, events };
}

/** A provider answering `status()` with a new object each time, recording what it is told. */
function provider(pod: Pod, status: () => PodStatus) {
  const told: { built: PodStatus; kept: PodStatus }[] = [];
  const built: PodStatus[] = [];
  return {
    told,
    built,
    provider: {
      pod: () => pod,
      status: () => {
        const next = status();
        built.push(next);
        return next;
      },
      written: (builtStatus: PodStatus, kept: PodStatus) => {
        told.push({ built: builtStatus, kept });
      },
    },
  };
}

describe('statusManager', () => {
  it("keeps the apiserver's copy of a written status, and tells the provider", async () => {
    const { client, manager } = await environment();
    const pod = await createPod(client, boundPod('web'));
    const uid = pod.metadata?.uid ?? '';
    const running = (): PodStatus => ({ phase: 'Running', hostIP: '10.0.0.11' });
    const { told, built, provider: statusProvider } = provider(pod, running);
    manager.track(uid, statusProvider, pod.status);

    manager.markDirty(uid);
    await manager.settled(uid);
    const stored = (await mustGetPod(client, 'web')).status;
    expect(stored).toEqual(running());
    expect(told).toHaveLength(1);
    const first = told[0];
    expect(first?.built).toBe(built[0]);
    // What is kept is the apiserver's (frozen) object, not the one built for the write.
    expect(first?.kept).not.toBe(first?.built);
    expect(first?.kept).toEqual(first?.built);
    expect(Object.isFrozen(first?.kept)).toBe(true);

    // Unchanged: no write, and the provider is told to keep the same copy.
    manager.markDirty(uid);
    await manager.settled(uid);
    expect(told).toHaveLength(2);
    expect(told[1]?.built).toBe(built[1]);
    expect(told[1]?.kept).toBe(first?.kept);
    manager.stop();
  });

  it('keeps the status it built when the apiserver stored something else', async () => {
    const { client, manager, events } = await environment();
    const pod = await createPod(client, boundPod('web'));
    const uid = pod.metadata?.uid ?? '';
    // A merge patch cannot write a null: the apiserver drops the field, so its copy differs.
    const withNull = { phase: 'Running', message: null } as unknown as PodStatus;
    const { told, provider: statusProvider } = provider(pod, () => withNull);
    manager.track(uid, statusProvider, pod.status);

    manager.markDirty(uid);
    await manager.settled(uid);
    await flush();
    expect(events.map((event) => event.type)).toEqual(['PodStatusWritten']);
    expect((await mustGetPod(client, 'web')).status).toEqual({ phase: 'Running' });
    expect(told).toHaveLength(1);
    expect(told[0]?.kept).toBe(withNull);
    manager.stop();
  });
});
