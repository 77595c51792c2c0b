/**
 * The bookkeeping shared by the cluster IP and node port allocators: which offsets
 * of a range are taken, and by whom.
 *
 * @module
 */

/** What {@link OffsetAllocator} is built from. */
export interface OffsetAllocatorOptions {
  /** How many offsets the range holds: 0 ≤ offset < size. */
  readonly size: number;
  /**
   * Offsets below this are the static band: dynamic allocation takes them only once
   * the rest is full, leaving them to requests (upstream's `ServiceIPStaticSubrange`
   * and `ServiceNodePortStaticSubrange`).
   */
  readonly staticBand: number;
  /** An offset only a request may take, never dynamic allocation (the `kubernetes` service's IP). */
  readonly requestOnly?: number;
}

/**
 * The taken offsets of one range, each with its owner (a service's uid).
 *
 * Dynamic allocation is sequential, next-fit: it continues after the offset it gave
 * last, in the dynamic band, wrapping round, then falls back to the static band. So
 * a released offset is not handed out again until the range has come round (as
 * upstream's random allocation makes quick reuse unlikely), and allocation is
 * reproducible.
 *
 * Caveats: finding a free offset scans from the cursor, so it slows as the range
 * fills; ranges are small enough (a /12 holds 1,048,574 addresses) and services few
 * enough (10,000 at the scale envelope) for that not to matter.
 */
export class OffsetAllocator {
  readonly size: number;
  readonly #staticBand: number;
  readonly #requestOnly: number | undefined;
  readonly #owners = new Map<number, string>();
  #cursor: number;

  /** An allocator with every offset free; see {@link OffsetAllocatorOptions}. */
  constructor(options: OffsetAllocatorOptions) {
    this.size = options.size;
    this.#staticBand = Math.min(options.staticBand, options.size);
    this.#requestOnly = options.requestOnly;
    this.#cursor = this.#staticBand;
  }

  /** How many offsets are taken. */
  get used(): number {
    return this.#owners.size;
  }

  /** Who holds `offset`, if anyone. */
  ownerOf(offset: number): string | undefined {
    return this.#owners.get(offset);
  }

  /** Gives `offset` to `owner` if it is free (or already theirs); false when another holds it. */
  reserve(offset: number, owner: string): boolean {
    const current = this.#owners.get(offset);
    if (current !== undefined) {
      return current === owner;
    }
    this.#owners.set(offset, owner);
    return true;
  }

  /** Frees `offset` if `owner` holds it; a no-op otherwise. */
  release(offset: number, owner: string): void {
    if (this.#owners.get(offset) === owner) {
      this.#owners.delete(offset);
    }
  }

  /**
   * Takes the next free offset for `owner`, as dynamic allocation does; undefined
   * when the range is full. With `keepCursor` (a dry run) the next call starts from
   * the same place, so a dry run changes nothing once its offsets are released.
   */
  allocateNext(owner: string, options: { readonly keepCursor?: boolean } = {}): number | undefined {
    const found =
      this.#scan(this.#cursor, this.size) ??
      this.#scan(this.#staticBand, this.#cursor) ??
      this.#scan(0, this.#staticBand);
    if (found !== undefined) {
      this.#owners.set(found, owner);
      if (options.keepCursor !== true) {
        this.#cursor = found + 1 >= this.size ? this.#staticBand : found + 1;
      }
    }
    return found;
  }

  #scan(from: number, to: number): number | undefined {
    for (let offset = from; offset < to; offset++) {
      if (offset !== this.#requestOnly && !this.#owners.has(offset)) {
        return offset;
      }
    }
    return undefined;
  }
}

/**
 * The size of the static band of a range of `blockSize` values: min(max(16,
 * blockSize / step), max), and none for ranges of 16 or fewer, as upstream's
 * `calculateRangeOffset` (IPs: step 16, max 256; ports: step 32, max 128).
 */
export function staticBandSize(blockSize: number, step: number, max: number): number {
  if (blockSize <= 16) {
    return 0;
  }
  return Math.min(Math.max(16, Math.floor(blockSize / step)), max);
}
