/**
 * How kube-proxy picks one backend of a route: round robin per service port, or
 * random from a seeded generator.
 *
 * @module
 */
import type { Backend, ServicePortRoute } from './service-routes.js';

/** The balancing modes. */
export type Balancing = 'round-robin' | 'random';

/** Picks a backend of a route with at least one. */
export type BackendPicker = (route: ServicePortRoute) => Backend;

/**
 * A picker: `round-robin` takes each service port's backends in turn (its cluster IP
 * and node port share the turn); `random` draws with `random` (a number in [0, 1)).
 *
 * Caveats: the turn is a counter modulo the backends, so a change of the backends
 * shifts it; it is not upstream's iptables probability chain, only its distribution.
 */
export function backendPicker(options: {
  readonly balancing: Balancing;
  readonly random: () => number;
}): BackendPicker {
  if (options.balancing === 'random') {
    return (route) => route.backends[Math.floor(options.random() * route.backends.length)]!;
  }
  const turns = new Map<string, number>();
  return (route) => {
    const key = `${route.service}:${route.portName}/${route.protocol}`;
    const turn = turns.get(key) ?? 0;
    turns.set(key, turn + 1);
    return route.backends[turn % route.backends.length]!;
  };
}

/**
 * A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the
 * same sequence, so random balancing, scheduling ties and generated names are
 * reproducible.
 *
 * Errors: throws `RangeError` for a seed that is not a safe integer.
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`invalid seed ${seed}: expected an integer`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
