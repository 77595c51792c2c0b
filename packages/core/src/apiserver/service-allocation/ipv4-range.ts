/**
 * IPv4 service ranges: a CIDR such as `10.96.0.0/12` and the addresses in it that can
 * be given to services.
 *
 * @module
 */

/**
 * The usable addresses of an IPv4 CIDR, as offsets: offset 0 is the address after the
 * network address (`10.96.0.1` for `10.96.0.0/12`); the network and broadcast
 * addresses are never usable, as upstream's `ipallocator.Range`.
 */
export interface Ipv4Range {
  /** The CIDR as upstream prints it in errors (`10.96.0.0/12`). */
  readonly cidr: string;
  /** How many addresses can be allocated. */
  readonly size: number;
  /** The address at `offset` (0 ≤ offset < size). */
  readonly addressAt: (offset: number) => string;
  /**
   * The offset of `address`: a number when it is a usable address of the range,
   * `'out-of-range'` when it is an IPv4 address outside it (or its network or
   * broadcast address), `'invalid'` when it is no IPv4 address.
   */
  readonly offsetOf: (address: string) => number | 'out-of-range' | 'invalid';
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The 32-bit value of a dotted-quad IPv4 address, or undefined when it is none. */
export function parseIpv4(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) {
      return undefined;
    }
    value = value * 256 + Number(part);
  }
  return value;
}

/** The dotted-quad form of a 32-bit value. */
export function formatIpv4(value: number): string {
  return `${Math.floor(value / 2 ** 24) % 256}.${Math.floor(value / 2 ** 16) % 256}.${Math.floor(value / 256) % 256}.${value % 256}`;
}

/**
 * The range of `cidr`.
 *
 * Errors: throws `RangeError` for anything but an IPv4 CIDR with a prefix of /8 to /30
 * (IPv6 and dual-stack service ranges are not modelled).
 */
export function parseIpv4Range(cidr: string): Ipv4Range {
  const [address = '', prefixText = '', ...rest] = cidr.split('/');
  const base = parseIpv4(address);
  const prefix = /^\d{1,2}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  if (base === undefined || rest.length > 0 || !(prefix >= 8 && prefix <= 30)) {
    throw new RangeError(
      `invalid service cluster IP range ${JSON.stringify(cidr)}: expected an IPv4 CIDR from /8 to /30`,
    );
  }
  const block = 2 ** (32 - prefix);
  const network = base - (base % block);
  const size = block - 2;
  return {
    cidr: `${formatIpv4(network)}/${prefix}`,
    size,
    addressAt: (offset) => formatIpv4(network + 1 + offset),
    offsetOf: (text) => {
      const value = parseIpv4(text);
      if (value === undefined) {
        return 'invalid';
      }
      const offset = value - network - 1;
      return offset >= 0 && offset < size ? offset : 'out-of-range';
    },
  };
}
