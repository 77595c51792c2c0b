/**
 * The errors the simulated runtime answers, worded as containerd words them.
 *
 * @module
 */
import { left, type Either } from 'fp-ts/lib/Either.js';
import type { RuntimeError, RuntimeErrorCode } from './container-runtime.js';

/** A `left` {@link RuntimeError} of `code` with `message`. */
export function runtimeError<A = never>(
  code: RuntimeErrorCode,
  message: string,
): Either<RuntimeError, A> {
  return left({ code, message });
}

/** `Unavailable`: the runtime (its node) is down. */
export const RUNTIME_UNAVAILABLE: Either<RuntimeError, never> = runtimeError(
  'Unavailable',
  'container runtime is down: the node was killed',
);

/** `NotFound` for a sandbox id the runtime does not hold. */
export function sandboxNotFound<A = never>(podSandboxId: string): Either<RuntimeError, A> {
  return runtimeError('NotFound', `pod sandbox "${podSandboxId}" not found`);
}

/** `NotFound` for a container id the runtime does not hold. */
export function containerNotFound<A = never>(containerId: string): Either<RuntimeError, A> {
  return runtimeError('NotFound', `container "${containerId}" not found`);
}
