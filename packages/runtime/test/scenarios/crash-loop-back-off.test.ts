// Scenario 5: a container that exits with code 1 goes into CrashLoopBackOff; with
// restartPolicy Never its pod fails.
import { describe, expect, it } from '@jest/globals';
import { Pods, type Pod } from '@drydock/core';
import { createTestEnv, type TestEnv } from '../../src/testing/index.js';

function crashingPod(restartPolicy: 'Always' | 'Never'): Pod {
  return {
    metadata: { namespace: 'default', name: 'crash' },
    spec: { restartPolicy, containers: [{ name: 'app', image: 'crasher:1.0' }] },
  };
}

async function crashingEnv(): Promise<TestEnv> {
  const env = await createTestEnv({ controlPlane: true, nodes: 3 });
  env.cluster.runtimeScript.script({ image: 'crasher:1.0' }, { exit: { code: 1, after: '1s' } });
  return env;
}

/** The pod's container status as seen at one virtual time. */
interface Sample {
  readonly at: number;
  readonly restartCount: number;
  readonly waiting?: { readonly reason?: string; readonly message?: string };
  readonly running: boolean;
}

describe('scenario: a container that exits with code 1', () => {
  it('goes into CrashLoopBackOff with back-offs of 10s, 20s, 40s, 80s, 160s, then 300s', async () => {
    const env = await crashingEnv();
    try {
      const samples: Sample[] = [];
      const watch = env.client
        .watch(Pods, { namespace: 'default', fieldSelector: 'metadata.name=crash' })
        .subscribe((event) => {
          const status =
            event.type === 'ADDED' || event.type === 'MODIFIED'
              ? event.object.status?.containerStatuses?.[0]
              : undefined;
          if (status !== undefined) {
            samples.push({
              at: env.clock.now(),
              restartCount: status.restartCount,
              ...(status.state?.waiting === undefined ? {} : { waiting: status.state.waiting }),
              running: status.state?.running !== undefined,
            });
          }
        });
      let uid = '';
      try {
        const created = await env.client.create(Pods, crashingPod('Always'));
        uid = created._tag === 'Right' ? (created.right.metadata?.uid ?? '') : '';
        await env.advance('20m');
      } finally {
        watch.unsubscribe();
      }
      const firstRunning = samples.find((s) => s.running);
      expect(firstRunning?.restartCount).toBe(0);
      const start = firstRunning?.at ?? 0;
      // When each restart (restartCount n) first shows, in seconds after the first start:
      // each run lasts 1 s, then the back-off of the previous crash.
      const restartedAt = new Map<number, number>();
      for (const sample of samples) {
        if (sample.running && !restartedAt.has(sample.restartCount)) {
          restartedAt.set(sample.restartCount, (sample.at - start) / 1000);
        }
      }
      // Runs of 1 s each, then the back-off: none the first time, then 10 s doubling to 5 min.
      const backOffSeconds = [0, 10, 20, 40, 80, 160, 300, 300];
      const expected: [number, number][] = [[0, 0]];
      for (const [index, seconds] of backOffSeconds.entries()) {
        expected.push([index + 1, (expected[index]?.[1] ?? 0) + 1 + seconds]);
      }
      expect(expected.map(([, at]) => at)).toEqual([0, 1, 12, 33, 74, 155, 316, 617, 918]);
      expect([...restartedAt.entries()]).toEqual(expected);
      // The waiting messages, in order, each from the crash that started it.
      const backOffs = samples
        .filter((s) => s.waiting?.reason === 'CrashLoopBackOff')
        .map((s) => ({ at: (s.at - start) / 1000, message: s.waiting?.message ?? '' }));
      const firstOfEach = backOffs.filter(
        (entry, index) => index === 0 || backOffs[index - 1]?.message !== entry.message,
      );
      const suffix = ` restarting failed container=app pod=crash_default(${uid})`;
      expect(firstOfEach).toEqual([
        { at: 2, message: `back-off 10s${suffix}` },
        { at: 13, message: `back-off 20s${suffix}` },
        { at: 34, message: `back-off 40s${suffix}` },
        { at: 75, message: `back-off 1m20s${suffix}` },
        { at: 156, message: `back-off 2m40s${suffix}` },
        { at: 317, message: `back-off 5m0s${suffix}` },
      ]);

      // In the middle of a back-off: waiting, with the restarts counted so far.
      const pod = await env.client.get(Pods, { namespace: 'default', name: 'crash' });
      const status = pod._tag === 'Right' ? pod.right.status : undefined;
      expect(status?.phase).toBe('Running');
      const container = status?.containerStatuses?.[0];
      expect(container?.state?.waiting).toEqual({
        reason: 'CrashLoopBackOff',
        message: `back-off 5m0s${suffix}`,
      });
      expect(container?.restartCount).toBe(8);
      expect(container?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
      expect(container?.ready).toBe(false);
    } finally {
      await env.stop();
    }
  });

  it('fails its pod when restartPolicy is Never', async () => {
    const env = await crashingEnv();
    try {
      await env.client.create(Pods, crashingPod('Never'));
      const failed = await env.until(
        Pods,
        { namespace: 'default', name: 'crash' },
        (pod) => pod?.status?.phase === 'Failed',
        { within: '30s' },
      );
      const container = failed?.status?.containerStatuses?.[0];
      expect(container?.restartCount).toBe(0);
      expect(container?.state?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
      expect(container?.ready).toBe(false);
      // It stays Failed: nothing restarts it.
      await env.advance('5m');
      const later = await env.client.get(Pods, { namespace: 'default', name: 'crash' });
      expect(later._tag === 'Right' && later.right.status?.phase).toBe('Failed');
      expect(
        later._tag === 'Right' && later.right.status?.containerStatuses?.[0]?.restartCount,
      ).toBe(0);
    } finally {
      await env.stop();
    }
  });
});
