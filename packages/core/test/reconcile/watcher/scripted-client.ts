/**
 * A fake {@link Client} whose lists and watches the test answers by hand: each call
 * is recorded with its options, and stays pending until the test responds to it.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { Observable, Subject } from 'rxjs';
import type { Status } from '../../../src/api/status/index.js';
import type { ApiObject } from '../../../src/apiserver/index.js';
import type {
  Client,
  ClientWatchEvent,
  ListOptions,
  ObjectList,
  ClientWatchOptions,
} from '../../../src/client/client.js';
import type { ResourceType } from '../../../src/client/resource-type.js';

/** One call of `list`, waiting for the test's answer. */
export interface ScriptedList {
  /** The plural of the resource type asked for. */
  readonly plural: string;
  readonly options: ListOptions;
  /** Answers the call (the promise resolves on the next microtask turn). */
  respond(answer: Either<Status, ObjectList<ApiObject>>): void;
  /** Breaks the Client contract: the promise rejects. */
  reject(error: unknown): void;
}

/** One call of `watch`: the test emits its events and ends it. */
export interface ScriptedWatch {
  /** The plural of the resource type asked for. */
  readonly plural: string;
  readonly options: ClientWatchOptions;
  /** Delivers events, in order, to the watch's subscriber. */
  emit(...events: ClientWatchEvent<ApiObject>[]): void;
  /** Completes the watch (as the server ending it). */
  end(): void;
  /** Breaks the Client contract: the watch errors. */
  fail(error: unknown): void;
  /** Whether the watcher is still subscribed. */
  readonly subscribed: boolean;
}

/** A {@link Client} with only `list` and `watch`, answered by the test. */
export class ScriptedClient implements Client {
  readonly lists: ScriptedList[] = [];
  readonly watches: ScriptedWatch[] = [];

  list<T extends ApiObject>(
    type: ResourceType<T>,
    options: ListOptions = {},
  ): Promise<Either<Status, ObjectList<T>>> {
    return new Promise((resolve, reject) => {
      this.lists.push({
        plural: type.plural,
        options,
        respond: (answer) => resolve(answer as Either<Status, ObjectList<T>>),
        reject,
      });
    });
  }

  watch<T extends ApiObject>(
    type: ResourceType<T>,
    options: ClientWatchOptions = {},
  ): Observable<ClientWatchEvent<T>> {
    const events = new Subject<ClientWatchEvent<T>>();
    let subscribers = 0;
    const watch: ScriptedWatch = {
      plural: type.plural,
      options,
      emit: (...emitted) => {
        for (const event of emitted) {
          events.next(event as ClientWatchEvent<T>);
        }
      },
      end: () => events.complete(),
      fail: (error) => events.error(error),
      get subscribed() {
        return subscribers > 0;
      },
    };
    this.watches.push(watch);
    return new Observable<ClientWatchEvent<T>>((subscriber) => {
      subscribers++;
      const subscription = events.subscribe(subscriber);
      return () => {
        subscribers--;
        subscription.unsubscribe();
      };
    });
  }

  /** The last list call, or a failed expectation. */
  lastList(): ScriptedList {
    const last = this.lists.at(-1);
    if (last === undefined) {
      throw new Error('expected a list call, got none');
    }
    return last;
  }

  /** The last watch call, or a failed expectation. */
  lastWatch(): ScriptedWatch {
    const last = this.watches.at(-1);
    if (last === undefined) {
      throw new Error('expected a watch call, got none');
    }
    return last;
  }

  get(): never {
    return notScripted('get');
  }
  create(): never {
    return notScripted('create');
  }
  update(): never {
    return notScripted('update');
  }
  updateStatus(): never {
    return notScripted('updateStatus');
  }
  patch(): never {
    return notScripted('patch');
  }
  patchStatus(): never {
    return notScripted('patchStatus');
  }
  delete(): never {
    return notScripted('delete');
  }
  getScale(): never {
    return notScripted('getScale');
  }
  updateScale(): never {
    return notScripted('updateScale');
  }

  bind(): never {
    return notScripted('bind');
  }
}

function notScripted(method: string): never {
  throw new Error(`ScriptedClient does not script ${method}`);
}

/** Lets promise continuations (a list answer reaching the watcher) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
