/**
 * Names for objects created with `metadata.generateName`.
 *
 * @module
 */

/** The characters of a generated suffix: no vowels and no look-alikes, as upstream. */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The longest base kept, so that base and suffix fit a 63-character name. */
const MAX_BASE_LENGTH = 58;

/** The length of the random suffix. */
const SUFFIX_LENGTH = 5;

/**
 * `base` (cut to 58 characters) followed by 5 random characters, as upstream's
 * `names.SimpleNameGenerator`: `web-` → `web-x7k2q`.
 */
export function generateName(base: string, random: () => number): string {
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) {
    suffix += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
  }
  return `${base.slice(0, MAX_BASE_LENGTH)}${suffix}`;
}
