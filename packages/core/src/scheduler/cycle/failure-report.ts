/**
 * Telling users why a pod is not scheduled, as upstream: a `FailedScheduling` Warning
 * event and the pod's `PodScheduled` condition `False`; and a `Scheduled` Normal event
 * once it is bound.
 *
 * @module
 */
import type { Pod } from '../../api/kinds/index.js';
import { formatTime } from '../../apiserver/handlers/timestamps.js';
import type { Client } from '../../client/client.js';
import { Pods } from '../../client/built-in-types.js';
import type { Clock } from '../../clock/index.js';
import type { EventRecorder } from '../../reconcile/helpers/event-recorder.js';

/** What {@link reportFailure} and {@link reportScheduled} need. */
export interface ReportOptions {
  readonly client: Client;
  readonly clock: Clock;
  /** The recorder of the pod's profile; no events without one. */
  readonly recorder: EventRecorder | undefined;
}

/**
 * Records `FailedScheduling` with `message` and sets the pod's `PodScheduled`
 * condition to `False` with `reason` (`Unschedulable`, or `SchedulerError` for
 * errors) and `message`, unless the condition says so already. Resolves to the
 * failure of the status patch, if any.
 */
export async function reportFailure(
  options: ReportOptions,
  pod: Pod,
  reason: 'Unschedulable' | 'SchedulerError',
  message: string,
): Promise<string | undefined> {
  const recording = options.recorder?.event(pod, {
    type: 'Warning',
    reason: 'FailedScheduling',
    message,
  });
  const current = pod.status?.conditions?.find((condition) => condition.type === 'PodScheduled');
  let failure: string | undefined;
  if (
    current === undefined ||
    current.status !== 'False' ||
    current.reason !== reason ||
    current.message !== message
  ) {
    const patched = await options.client.patchStatus(
      Pods,
      { namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '' },
      {
        type: 'strategic',
        body: {
          status: {
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                reason,
                message,
                lastTransitionTime:
                  current?.status === 'False' && current.lastTransitionTime !== undefined
                    ? current.lastTransitionTime
                    : formatTime(options.clock.now()),
              },
            ],
          },
        },
      },
    );
    if (patched._tag === 'Left') {
      failure = `could not set the PodScheduled condition: ${patched.left.message ?? patched.left.reason ?? ''}`;
    }
  }
  await recording;
  return failure;
}

/** Records `Scheduled`: `Successfully assigned <namespace>/<name> to <node>`. */
export async function reportScheduled(
  options: ReportOptions,
  pod: Pod,
  node: string,
): Promise<void> {
  await options.recorder?.event(pod, {
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned ${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''} to ${node}`,
    action: 'Binding',
  });
}
