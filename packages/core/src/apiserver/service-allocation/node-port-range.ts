/**
 * The range node ports are allocated from (`--service-node-port-range`).
 *
 * @module
 */

/** Upstream's default `--service-node-port-range`. */
export const DEFAULT_SERVICE_NODE_PORT_RANGE = '30000-32767';

/** A range of ports, both ends included. */
export interface PortRange {
  /** As upstream prints it in errors (`30000-32767`). */
  readonly text: string;
  readonly first: number;
  /** How many ports it holds. */
  readonly size: number;
}

/**
 * The range `first-last` (or a single port).
 *
 * Errors: throws `RangeError` unless both ends are ports (1-65535) with first ≤ last.
 */
export function parsePortRange(text: string): PortRange {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  const first = Number(match?.[1]);
  const last = match?.[2] === undefined ? first : Number(match[2]);
  if (match === null || first < 1 || last > 65535 || first > last) {
    throw new RangeError(
      `invalid service node port range ${JSON.stringify(text)}: expected first-last within 1-65535`,
    );
  }
  return { text: `${first}-${last}`, first, size: last - first + 1 };
}
