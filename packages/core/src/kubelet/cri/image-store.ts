/**
 * The images a simulated runtime holds, and its pulls in flight.
 *
 * @module
 */
import { right, type Either } from 'fp-ts/lib/Either.js';
import type { Clock, Timer } from '../../clock/clock.js';
import { toMillis } from '../../clock/duration.js';
import type { ImageInfo, RuntimeError, RuntimeResult } from './container-runtime.js';
import { simulatedImageSize, type NormalizedImage } from './image-reference.js';
import { runtimeError } from './runtime-errors.js';
import type { ContainerBehaviour } from './runtime-script.js';

type ResolvePull = (result: Either<RuntimeError, string>) => void;

interface PullInFlight {
  readonly timer: Timer;
  readonly waiters: ResolvePull[];
}

/**
 * A node's images: pulls take their scripted `pullDelay` (concurrent pulls of one
 * image share it) and fail with their scripted `pullError`; a pulled image is kept,
 * so pulling it again answers at once.
 *
 * Guarantees: timers only on the given clock; `abort` cancels every one of them.
 */
export class ImageStore {
  readonly #clock: Clock;
  readonly #held = new Map<string, ImageInfo>();
  readonly #pulls = new Map<string, PullInFlight>();
  readonly #failingPulls = new Set<PullInFlight>();

  constructor(options: { readonly clock: Clock }) {
    this.#clock = options.clock;
  }

  /** The image held under its normalized name, if it is. */
  held(image: string): ImageInfo | undefined {
    return this.#held.get(image);
  }

  /** The images held, in the order they were pulled. */
  list(): readonly ImageInfo[] {
    return [...this.#held.values()];
  }

  /** Pulls `image` as `behaviour` says; answers its reference. */
  pull(image: NormalizedImage, behaviour: ContainerBehaviour): RuntimeResult<string> {
    const delay = toMillis(behaviour.pullDelay ?? 0);
    const { pullError } = behaviour;
    if (pullError !== undefined) {
      const failed = runtimeError<string>('ImagePullFailed', pullError);
      return delay === 0 ? Promise.resolve(failed) : this.#failLater(failed, delay);
    }
    const held = this.#held.get(image.image);
    if (held !== undefined) {
      return Promise.resolve(right(held.ref));
    }
    if (delay === 0) {
      return Promise.resolve(right(this.#keep(image).ref));
    }
    return new Promise((resolve) => {
      const inFlight = this.#pulls.get(image.image);
      if (inFlight !== undefined) {
        inFlight.waiters.push(resolve);
        return;
      }
      const waiters = [resolve];
      const timer = this.#clock.setTimeout(() => {
        this.#pulls.delete(image.image);
        const pulled = right(this.#keep(image).ref);
        for (const waiter of waiters) {
          waiter(pulled);
        }
      }, delay);
      this.#pulls.set(image.image, { timer, waiters });
    });
  }

  /** Cancels every pull in flight, answering each waiter `result`. */
  abort(result: Either<RuntimeError, never>): void {
    const pulls = [...this.#pulls.values(), ...this.#failingPulls];
    this.#pulls.clear();
    this.#failingPulls.clear();
    for (const pull of pulls) {
      pull.timer.cancel();
      for (const waiter of pull.waiters) {
        waiter(result);
      }
    }
  }

  #failLater(failed: Either<RuntimeError, string>, delay: number): RuntimeResult<string> {
    return new Promise((resolve) => {
      const pull: PullInFlight = {
        timer: this.#clock.setTimeout(() => {
          this.#failingPulls.delete(pull);
          resolve(failed);
        }, delay),
        waiters: [resolve],
      };
      this.#failingPulls.add(pull);
    });
  }

  #keep(image: NormalizedImage): ImageInfo {
    const info: ImageInfo = { image: image.image, ref: image.ref, size: simulatedImageSize(image) };
    this.#held.set(image.image, info);
    return info;
  }
}
