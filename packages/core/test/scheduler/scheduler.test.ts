import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Event } from '../../src/api/kinds/index.js';
import { Events, Pods, type Client } from '../../src/client/index.js';
import { defaultProfile, scheduler, type SchedulingOutcome } from '../../src/scheduler/index.js';
import { apiServer, createNode, flush, getPod, node, pod } from './scheduler-test-support.js';

async function environment(
  options: { readonly profiles?: Parameters<typeof scheduler>[0]['profiles'] } = {},
) {
  const { clock, client } = await apiServer();
  const outcomes: SchedulingOutcome[] = [];
  const running = scheduler({
    client,
    clock,
    ...(options.profiles === undefined ? {} : { profiles: options.profiles }),
  })
    .run()
    .subscribe((outcome) => outcomes.push(outcome));
  return { clock, client, outcomes, stop: () => running.unsubscribe() };
}

async function eventsOf(client: Client, reason: string): Promise<readonly Event[]> {
  const listed = await client.list(Events, { namespace: 'default' });
  if (isLeft(listed)) {
    throw new Error(listed.left.message);
  }
  return listed.right.items.filter((event) => event.reason === reason);
}

describe('the scheduler', () => {
  it('binds pending pods to nodes that fit them and records Scheduled events', async () => {
    const { client, stop } = await environment();
    await createNode(client, node('n1'));
    await client.create(Pods, pod('web', { cpu: '1' }));
    await flush();
    expect((await getPod(client, 'web')).spec?.nodeName).toBe('n1');
    const scheduled = await eventsOf(client, 'Scheduled');
    expect(scheduled.map((event) => event.message)).toEqual([
      'Successfully assigned default/web to n1',
    ]);
    stop();
  });

  it('reports FailedScheduling and PodScheduled=False when no node fits, then schedules on a bigger node', async () => {
    const { client, clock, outcomes, stop } = await environment();
    await createNode(client, node('n1', { cpu: '1' }));
    await createNode(client, node('n2', { cpu: '1' }));
    await createNode(
      client,
      node('n3', { cpu: '8', taints: [{ key: 'a', value: 'b', effect: 'NoSchedule' }] }),
    );
    await client.create(Pods, pod('big', { cpu: '2' }));
    await flush();
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {a: b}, 2 Insufficient cpu.';
    expect(outcomes).toContainEqual(
      expect.objectContaining({ _tag: 'Unschedulable', pod: 'default/big', message }),
    );
    const failed = await eventsOf(client, 'FailedScheduling');
    expect(failed.map((event) => [event.type, event.message])).toEqual([['Warning', message]]);
    const pending = await getPod(client, 'big');
    expect(pending.spec?.nodeName).toBeUndefined();
    expect(pending.status?.conditions).toContainEqual(
      expect.objectContaining({
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message,
      }),
    );

    await createNode(client, node('n4', { cpu: '16' }));
    await flush();
    // Moved to backoffQ by the new node: it retries when its 1 s backoff ends.
    expect((await getPod(client, 'big')).spec?.nodeName).toBeUndefined();
    await clock.advanceAsync(1000);
    await flush();
    expect((await getPod(client, 'big')).spec?.nodeName).toBe('n4');
    stop();
  });

  it('leaves pods of other schedulers alone and schedules those of its own profiles', async () => {
    const { client, stop } = await environment({
      profiles: [defaultProfile(), defaultProfile({ schedulerName: 'mine' })],
    });
    await createNode(client, node('n1'));
    await client.create(Pods, pod('theirs', { spec: { schedulerName: 'someone-else' } }));
    await client.create(Pods, pod('ours', { spec: { schedulerName: 'mine' } }));
    await flush();
    expect((await getPod(client, 'theirs')).spec?.nodeName).toBeUndefined();
    expect((await getPod(client, 'ours')).spec?.nodeName).toBe('n1');
    stop();
  });

  it('counts pods already bound, so that a full node takes no more', async () => {
    const { client, clock } = await apiServer();
    await createNode(client, node('n1', { cpu: '2' }));
    await client.create(Pods, pod('existing', { cpu: '2', spec: { nodeName: 'n1' } }));
    const outcomes: SchedulingOutcome[] = [];
    const running = scheduler({ client, clock })
      .run()
      .subscribe((outcome) => outcomes.push(outcome));
    await client.create(Pods, pod('late', { cpu: '1' }));
    await flush();
    expect(outcomes).toEqual([
      expect.objectContaining({
        _tag: 'Unschedulable',
        message: '0/1 nodes are available: 1 Insufficient cpu.',
      }),
    ]);
    running.unsubscribe();
  });

  it('retries a parked pod when a bound pod is deleted and frees room', async () => {
    const { client, clock } = await apiServer();
    await createNode(client, node('n1', { cpu: '2' }));
    await client.create(Pods, pod('existing', { cpu: '2', spec: { nodeName: 'n1' } }));
    const running = scheduler({ client, clock }).run().subscribe();
    await client.create(Pods, pod('waiting', { cpu: '1' }));
    await flush();
    expect((await getPod(client, 'waiting')).spec?.nodeName).toBeUndefined();
    await client.delete(
      Pods,
      { namespace: 'default', name: 'existing' },
      { gracePeriodSeconds: 0 },
    );
    await flush();
    await clock.advanceAsync(1000);
    await flush();
    expect((await getPod(client, 'waiting')).spec?.nodeName).toBe('n1');
    running.unsubscribe();
  });

  it('schedules higher-priority pods first when room is short', async () => {
    const { client, clock } = await apiServer();
    await createNode(client, node('n1', { cpu: '1' }));
    await client.create(Pods, pod('low', { cpu: '1', spec: { priority: 1 } }));
    await client.create(Pods, pod('high', { cpu: '1', spec: { priority: 1000 } }));
    const running = scheduler({ client, clock }).run().subscribe();
    await flush();
    expect((await getPod(client, 'high')).spec?.nodeName).toBe('n1');
    expect((await getPod(client, 'low')).spec?.nodeName).toBeUndefined();
    running.unsubscribe();
  });

  it('handles a binding conflict: the pod bound elsewhere is not scheduled again', async () => {
    const { client, clock } = await apiServer();
    await createNode(client, node('n1'));
    const outcomes: SchedulingOutcome[] = [];
    // A binder that loses the race: someone else binds the pod first.
    const racing = defaultProfile({
      plugins: [
        {
          name: 'RacingBinder',
          bind: async ({ pod: racingPod }) => {
            await client.bind(
              { namespace: 'default', name: racingPod.metadata?.name ?? '' },
              { target: { kind: 'Node', name: 'n1' } },
            );
            const second = await client.bind(
              { namespace: 'default', name: racingPod.metadata?.name ?? '' },
              { target: { kind: 'Node', name: 'n1' } },
            );
            return isLeft(second)
              ? { code: 'Error', reasons: [second.left.message ?? ''] }
              : undefined;
          },
        },
      ],
    });
    const running = scheduler({ client, clock, profiles: [racing] })
      .run()
      .subscribe((outcome) => outcomes.push(outcome));
    await client.create(Pods, pod('contested'));
    await flush();
    clock.advance(20_000);
    await flush();
    expect(outcomes.filter((outcome) => outcome._tag === 'Failed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome._tag === 'Scheduled')).toHaveLength(0);
    expect((await getPod(client, 'contested')).spec?.nodeName).toBe('n1');
    running.unsubscribe();
  });

  it('requeues a pod whose binding failed, with backoff, and schedules it on the next try', async () => {
    const { client, clock } = await apiServer();
    await createNode(client, node('n1'));
    let attempts = 0;
    const flaky = defaultProfile({
      plugins: [
        {
          name: 'FlakyBinder',
          bind: async ({ pod: bound }, nodeName) => {
            attempts++;
            if (attempts === 1) {
              return { code: 'Error', reasons: ['network down'] };
            }
            const answer = await client.bind(
              { namespace: 'default', name: bound.metadata?.name ?? '' },
              { target: { kind: 'Node', name: nodeName } },
            );
            return isLeft(answer)
              ? { code: 'Error', reasons: [answer.left.message ?? ''] }
              : undefined;
          },
        },
      ],
    });
    const outcomes: SchedulingOutcome[] = [];
    const running = scheduler({ client, clock, profiles: [flaky] })
      .run()
      .subscribe((outcome) => outcomes.push(outcome));
    await client.create(Pods, pod('retried'));
    await flush();
    expect(outcomes).toEqual([
      {
        _tag: 'Failed',
        pod: 'default/retried',
        message: 'Binding rejected: running Bind plugin "FlakyBinder": network down',
      },
    ]);
    await clock.advanceAsync(1000);
    await flush();
    expect((await getPod(client, 'retried')).spec?.nodeName).toBe('n1');
    expect(attempts).toBe(2);
    running.unsubscribe();
  });

  it('never crashes on a pod with invalid quantities or selectors', async () => {
    const { client, outcomes, stop } = await environment();
    await createNode(client, node('n1'));
    await client.create(
      Pods,
      pod('odd', {
        spec: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: 'size', operator: 'Gt', values: ['not-a-number'] }] },
                ],
              },
            },
          },
        },
      }),
    );
    await client.create(Pods, pod('fine'));
    await flush();
    expect(outcomes).toContainEqual(
      expect.objectContaining({
        _tag: 'Unschedulable',
        pod: 'default/odd',
        message: "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.",
      }),
    );
    expect((await getPod(client, 'fine')).spec?.nodeName).toBe('n1');
    stop();
  });

  it('stops watching and scheduling when unsubscribed', async () => {
    const { client, stop } = await environment();
    await createNode(client, node('n1'));
    await flush();
    stop();
    await client.create(Pods, pod('after'));
    await flush();
    expect((await getPod(client, 'after')).spec?.nodeName).toBeUndefined();
  });
});
