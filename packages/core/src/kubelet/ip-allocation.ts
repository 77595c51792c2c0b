/**
 * Pod IPs from the node's `podCIDR`, as the host-local IPAM plugin hands them out.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';

/**
 * Hands out the host addresses of one IPv4 CIDR to pods, as CNI's host-local IPAM:
 * the network address and the first host (the gateway) and the broadcast address are
 * never given; addresses go round-robin from the last one given, skipping those in use,
 * so a released address is not reused at once.
 *
 * Guarantees: an owner holds at most one address; asking again answers the same one.
 */
export interface PodIpAllocator {
  /** The CIDR addresses come from (`10.244.1.0/24`). */
  readonly cidr: string;
  /** An address for `owner` (a pod uid), `undefined` when every address is in use. */
  allocate(owner: string): string | undefined;
  /** Gives `owner`'s address back; does nothing when it holds none. */
  release(owner: string): void;
  /** The addresses in use. */
  readonly inUse: number;
}

/**
 * A {@link PodIpAllocator} over `cidr`.
 *
 * Errors: `left(message)` for a CIDR that is not IPv4 `a.b.c.d/n` with `n` from 0 to 30
 * (a /31 or /32 has no host to give after the gateway).
 */
export function podIpAllocator(cidr: string): Either<string, PodIpAllocator> {
  const parsed = parseIpv4Cidr(cidr);
  if (typeof parsed === 'string') {
    return left(parsed);
  }
  const { network, prefix } = parsed;
  const size = 2 ** (32 - prefix);
  // Offsets within the network: 0 is the network, 1 the gateway, size - 1 the broadcast.
  const first = 2;
  const last = size - 2;
  const byOwner = new Map<string, number>();
  const used = new Set<number>();
  let lastGiven = first - 1;
  return right({
    cidr,
    get inUse() {
      return used.size;
    },
    allocate(owner) {
      const held = byOwner.get(owner);
      if (held !== undefined) {
        return formatIpv4(network + held);
      }
      const count = last - first + 1;
      for (let tried = 0; tried < count; tried++) {
        const offset = lastGiven >= last ? first : lastGiven + 1;
        lastGiven = offset;
        if (!used.has(offset)) {
          used.add(offset);
          byOwner.set(owner, offset);
          return formatIpv4(network + offset);
        }
      }
      return undefined;
    },
    release(owner) {
      const held = byOwner.get(owner);
      if (held !== undefined) {
        byOwner.delete(owner);
        used.delete(held);
      }
    },
  });
}

/** `a.b.c.d/n` as its network address (a number) and prefix length, or why not. */
function parseIpv4Cidr(
  cidr: string,
): { readonly network: number; readonly prefix: number } | string {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (match === null) {
    return `invalid pod CIDR "${cidr}": expected an IPv4 CIDR such as 10.244.1.0/24`;
  }
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 30) {
    return `invalid pod CIDR "${cidr}": expected octets up to 255 and a prefix up to /30`;
  }
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  return { network: address - (address % size), prefix };
}

function formatIpv4(address: number): string {
  return `${Math.floor(address / 16_777_216)}.${Math.floor(address / 65_536) % 256}.${
    Math.floor(address / 256) % 256
  }.${address % 256}`;
}
