/**
 * Waiting, in virtual time, for an object to reach a state.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  objectKeyString,
  SYSTEM_ADMIN,
  toMillis,
  type ApiObject,
  type ApiServer,
  type Duration,
  type ObjectKey,
  type ResourceType,
} from '@drydock/core';
import { settle, type SettleScope } from './settle.js';

/** Options of `TestEnv.until`. */
export interface UntilOptions {
  /** How much virtual time may pass before giving up. Default {@link DEFAULT_UNTIL_WITHIN}. */
  readonly within?: Duration;
}

/** The default {@link UntilOptions.within}. */
export const DEFAULT_UNTIL_WITHIN = '1m';

/** How many trace entries the failure message of `until` shows. */
export const UNTIL_TRACE_TAIL = 20;

/**
 * Settles, then, while `predicate` does not hold for the object named by `key` (or
 * `undefined` when it does not exist), moves virtual time to the next timer (never
 * past `within`) and settles again. Resolves to the object the predicate held for.
 *
 * The object is read from the server directly, as `system:admin`: injected faults do
 * not apply, and reads are not in the trace.
 *
 * Errors: rejects with an `Error` giving the object's last state and the last
 * {@link UNTIL_TRACE_TAIL} trace entries when `within` passes first; when the server
 * refuses the read with anything but 404; as `settle` does.
 */
export async function until<T extends ApiObject>(
  scope: SettleScope & { readonly server: ApiServer },
  type: ResourceType<T>,
  key: ObjectKey,
  predicate: (object: T | undefined) => boolean,
  options: UntilOptions = {},
): Promise<T | undefined> {
  const { clock, server, trace } = scope;
  const within = toMillis(options.within ?? DEFAULT_UNTIL_WITHIN);
  const deadline = clock.now() + within;
  await settle(scope);
  for (;;) {
    const object = await read(server, type, key);
    if (predicate(object)) {
      return object;
    }
    if (clock.now() >= deadline) {
      throw new Error(
        `until: ${type.plural} ${objectKeyString(key)} did not reach the expected state within ` +
          `${String(options.within ?? DEFAULT_UNTIL_WITHIN)} of virtual time ` +
          `(now ${new Date(clock.now()).toISOString()}).\n` +
          `Last state: ${object === undefined ? '(does not exist)' : JSON.stringify(object, null, 2)}\n` +
          `Last ${UNTIL_TRACE_TAIL} trace entries:\n${trace.format({ last: UNTIL_TRACE_TAIL }) || '(none)'}`,
      );
    }
    const next = clock.nextDue();
    clock.advanceTo(next === undefined || next > deadline ? deadline : next);
    await settle(scope);
  }
}

async function read<T extends ApiObject>(
  server: ApiServer,
  type: ResourceType<T>,
  key: ObjectKey,
): Promise<T | undefined> {
  const answer = await server.handle({
    verb: 'get',
    resource: { group: type.group, version: type.version, resource: type.plural },
    ...(type.namespaced && key.namespace !== undefined ? { namespace: key.namespace } : {}),
    name: key.name,
    user: SYSTEM_ADMIN,
  });
  if (isLeft(answer)) {
    if (answer.left.code === 404) {
      return undefined;
    }
    throw new Error(
      `until: cannot read ${type.plural} ${objectKeyString(key)}: ${answer.left.code ?? ''} ${answer.left.message ?? ''}`,
    );
  }
  return answer.right.body as T;
}
